/**
 * A small typed `mw` for UI tests in jsdom: messages (mw.messages, mw.message, mw.msg, with
 * $1, PLURAL by the language's plural rules and GENDER resolved minimally, as jqueryMsg's
 * text() does), config, user options, storage, URLs, language helpers, and `mw.Api` over a
 * Transport (the in-memory wiki of the unit tests), answering as mw.Api does: API errors
 * reject with (code, response), transport failures with ('http', details).
 */

import { ApiParams, ApiResponse, Transport, TransportFailure } from '../../src/wiki/transport';

export class MwMap<T = unknown> {
	public readonly values: Record<string, T> = {};

	public get( key: string, fallback?: T ): T | null;
	public get(): Record<string, T>;
	public get( key?: string, fallback?: T ): T | null | Record<string, T> {
		if ( key === undefined ) {
			return this.values;
		}
		return Object.prototype.hasOwnProperty.call( this.values, key ) ? this.values[ key ] as T : fallback === undefined ? null : fallback;
	}

	public set( key: string | Record<string, T>, value?: T ): boolean {
		if ( typeof key === 'string' ) {
			this.values[ key ] = value as T;
		} else {
			Object.assign( this.values, key );
		}
		return true;
	}

	public exists( key: string ): boolean {
		return Object.prototype.hasOwnProperty.call( this.values, key );
	}
}

const PLURAL_ORDER = [ 'zero', 'one', 'two', 'few', 'many', 'other' ];

function pluralForm( language: string, n: number, forms: string[] ): string {
	for ( const form of forms ) {
		const explicit = /^(\d+)=(.*)$/s.exec( form );
		if ( explicit && Number( explicit[ 1 ] ) === n ) {
			return explicit[ 2 ] as string;
		}
	}
	const plain = forms.filter( ( f ) => !/^\d+=/.test( f ) );
	const rules = new Intl.PluralRules( language );
	const categories = PLURAL_ORDER.filter( ( c ) => rules.resolvedOptions().pluralCategories.includes( c as Intl.LDMLPluralRule ) );
	const index = categories.indexOf( rules.select( n ) );
	return plain[ Math.min( index, plain.length - 1 ) ] || '';
}

/** A message text with its parameters: $n, then PLURAL and GENDER (innermost first). */
export function formatMessage( text: string, params: unknown[], language: string ): string {
	const param = ( i: number ): string => {
		const value = params[ i - 1 ];
		return value === undefined ? '$' + i : String( value );
	};
	let out = text.replace( /\$(\d+)/g, ( _, i: string ) => param( Number( i ) ) );
	let previous = '';
	while ( previous !== out ) {
		previous = out;
		out = out.replace( /\{\{(PLURAL|GENDER):([^{}]*)\}\}/g, ( _, kind: string, inner: string ) => {
			const parts = inner.split( '|' );
			const subject = parts[ 0 ] as string;
			const forms = parts.slice( 1 );
			if ( kind === 'PLURAL' ) {
				// As jqueryMsg: the number read back from the user language's digits.
				const western = subject.replace( /[٠-٩]/g, ( d ) => String( d.charCodeAt( 0 ) - 0x0660 ) );
				return pluralForm( language, Number( western.replace( /[^\d.-]/g, '' ) ), forms );
			}
			// As mw.language.gender for a text: "male" the first form, "female" the second;
			// otherwise (a user name, unknown) the neutral form (the third, else the first).
			if ( subject === 'male' || ( subject === 'female' && forms[ 1 ] !== undefined ) ) {
				return forms[ subject === 'male' ? 0 : 1 ] || '';
			}
			return forms[ 2 ] !== undefined ? forms[ 2 ] : forms[ 0 ] || '';
		} );
	}
	return out;
}

export class MwMessage {
	public constructor( private readonly messages: MwMap<string>, private readonly language: () => string, public readonly key: string, private readonly params: unknown[] ) {}

	public exists(): boolean {
		return this.messages.exists( this.key );
	}

	public plain(): string {
		const text = this.messages.get( this.key );
		return text === null ? '⧼' + this.key + '⧽' : formatMessage( text, this.params, this.language() );
	}

	public text(): string {
		return this.plain();
	}

	public escaped(): string {
		return $( '<div>' ).text( this.plain() ).html();
	}

	public parse(): string {
		return this.escaped();
	}

	public parseDom(): JQuery {
		return $( $.parseHTML( this.escaped() ) ) as unknown as JQuery;
	}
}

interface Deferred {
	resolve( ...args: unknown[] ): void;
	reject( ...args: unknown[] ): void;
	promise(): JQuery.Promise<unknown>;
}

/** mw.Api over a Transport: what MwApiTransport calls (ajax, getToken, badToken). */
export function apiClass( transport: () => Transport ): new () => unknown {
	return class FakeMwApi {
		public ajax( parameters: Record<string, unknown>, ajaxOptions: { type?: string } = {} ): JQuery.Promise<unknown> {
			const deferred = $.Deferred() as unknown as Deferred;
			const method = ajaxOptions.type === 'POST' ? 'POST' : 'GET';
			transport().request( method, parameters as ApiParams ).then( ( response: ApiResponse ) => {
				const errors = response.errors as { code: string }[] | undefined;
				if ( errors && errors.length ) {
					deferred.reject( ( errors[ 0 ] as { code: string } ).code, response );
				} else {
					deferred.resolve( response );
				}
			}, ( failure: TransportFailure ) => {
				deferred.reject( 'http', { textStatus: failure.failure === 'timeout' ? 'timeout' : 'error', xhr: { status: failure.failure === 'http' ? failure.status : 0 } } );
			} );
			return deferred.promise();
		}

		public getToken( type: string ): JQuery.Promise<unknown> {
			const deferred = $.Deferred() as unknown as Deferred;
			transport().token( type as 'csrf' ).then( ( token ) => deferred.resolve( token ), () => deferred.reject( 'http', {} ) );
			return deferred.promise();
		}

		public badToken( type: string ): void {
			transport().badToken( type as 'csrf' );
		}
	};
}

export interface MwDoubleOptions {
	user: string | null;
	userLanguage: string;
	contentLanguage: string;
	transport: () => Transport;
}

export interface MwDouble {
	config: MwMap;
	messages: MwMap<string>;
	user: { options: MwMap; getName(): string | null; isAnon(): boolean };
	storage: { get( key: string ): string | false | null; set( key: string, value: string ): boolean; remove( key: string ): boolean };
	libs: Record<string, unknown>;
	util: { getUrl( title: string, params?: Record<string, string> ): string; getParamValue( name: string ): string | null };
	language: { convertNumber( n: number, integer?: boolean ): string; listToText( list: string[] ): string; getFallbackLanguageChain(): string[] };
	message( key: string, ...params: unknown[] ): MwMessage;
	msg( key: string, ...params: unknown[] ): string;
	Api: new () => unknown;
	widgets: { DateInputWidget: new ( config?: { value?: string } ) => OO.ui.TextInputWidget };
	/** ResourceLoader: the modules the code asked to load on demand (`requested`), in order. */
	loader: { load( modules: string | string[] ): void; requested: string[] };
}

/** mediawiki.widgets' date field, as a text field holding YYYY-MM-DD (its calendar is not under test). */
function dateInputClass(): new ( config?: { value?: string } ) => OO.ui.TextInputWidget {
	return class DateInputWidget extends OO.ui.TextInputWidget {
		public constructor( config: { value?: string } = {} ) {
			super( { value: config.value || '', placeholder: 'YYYY-MM-DD', classes: [ 'mw-widget-dateInputWidget' ] } );
		}
	};
}

/** A fresh `mw`, installed as the global one (and OOUI's messages read from it, as in MediaWiki). */
export function installMw( options: MwDoubleOptions ): MwDouble {
	const config = new MwMap();
	config.set( {
		wgUserName: options.user,
		wgUserLanguage: options.userLanguage,
		wgContentLanguage: options.contentLanguage,
		wgPageName: 'Main_Page',
		wgNamespaceNumber: 0,
		wgFormattedNamespaces: { 2: 'User', 3: 'User talk', 4: 'Project' },
	} );
	const messages = new MwMap<string>();
	const store: Record<string, string> = {};
	const language = (): string => String( config.get( 'wgUserLanguage' ) );
	const mw: MwDouble = {
		config: config,
		messages: messages,
		user: {
			options: new MwMap(),
			getName: () => options.user,
			isAnon: () => !options.user,
		},
		storage: {
			get: ( key ) => Object.prototype.hasOwnProperty.call( store, key ) ? store[ key ] as string : null,
			set: ( key, value ) => {
				store[ key ] = value;
				return true;
			},
			remove: ( key ) => {
				delete store[ key ];
				return true;
			},
		},
		libs: {},
		util: {
			getUrl: ( title, params ) => '/index.php?title=' + encodeURIComponent( title.replace( / /g, '_' ) ) +
				( params ? Object.keys( params ).map( ( k ) => '&' + k + '=' + encodeURIComponent( params[ k ] as string ) ).join( '' ) : '' ),
			getParamValue: () => null,
		},
		language: {
			// As MediaWiki's for the languages under test: Arabic writes Arabic-Indic digits
			// (its digitTransformTable); `integer` reads a formatted number back.
			convertNumber: ( ( n: number | string, integer?: boolean ): number | string => integer ?
				parseInt( String( n ).replace( /[٠-٩]/g, ( d ) => String( d.charCodeAt( 0 ) - 0x0660 ) ), 10 ) :
				language() === 'ar' ? String( n ).replace( /\d/g, ( d ) => String.fromCharCode( 0x0660 + Number( d ) ) ) : String( n ) ) as MwDouble[ 'language' ][ 'convertNumber' ],
			listToText: ( list ) => list.length < 2 ? list.join( '' ) : list.slice( 0, -1 ).join( ', ' ) + ' and ' + list[ list.length - 1 ],
			getFallbackLanguageChain: () => language() === 'en' ? [ 'en' ] : [ language(), 'en' ],
		},
		message: ( key, ...params ) => new MwMessage( messages, language, key, params ),
		msg: ( key, ...params ) => new MwMessage( messages, language, key, params ).text(),
		Api: apiClass( options.transport ),
		widgets: { DateInputWidget: dateInputClass() },
		loader: {
			requested: [],
			load( modules ) {
				this.requested.push( ...( typeof modules === 'string' ? [ modules ] : modules ) );
			},
		},
	};
	( globalThis as unknown as { mw: MwDouble } ).mw = mw;
	OO.ui.msg = ( key: string, ...params: unknown[] ) => mw.msg( key, ...params );
	return mw;
}
