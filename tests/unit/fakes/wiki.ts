/**
 * An in-memory wiki behind the Transport interface: pages with revisions, and enough of
 * action=query (prop=revisions, list=users, list=allpages) and action=edit to test the
 * store and the program functions the way MediaWiki answers them.
 *
 * Like MediaWiki: "Project:" is the local "Wikipedia:" (reported as normalized), a stale
 * baserevid is an edit conflict unless `merge` merges the texts (the saved revision then
 * follows the latest one, so oldrevid != baserevid), createonly and nocreate are checked,
 * and a page with the JSON content model only accepts valid JSON.
 */

import { ApiParams, ApiResponse, TokenType, Transport, TransportFailure } from '../../../src/wiki/transport';
import { apiError, Call, listParam } from './transport';

export interface Revision {
	revid: number;
	parentid: number;
	timestamp: string;
	user: string;
	content: string;
}

export interface FakePage {
	pageid: number;
	title: string;
	contentmodel: string;
	revisions: Revision[];
}

/** Merges our text into the latest one (given the text we started from); null: cannot. */
export type MergeFunction = ( ours: string, base: string, latest: string ) => string | null;

export class FakeWiki implements Transport {
	public readonly pages: Record<string, FakePage> = {};
	public readonly calls: Call[] = [];
	public user = 'Tester';
	public merge: MergeFunction | null = null;
	/** Runs before each edit is carried out (to let "someone else" save first). */
	public beforeEdit: ( ( params: ApiParams ) => void ) | null = null;
	/** Runs before each edit; an API error it returns is the answer (protection, abuse filter...). */
	public refuseEdit: ( ( params: ApiParams ) => ApiResponse | null ) | null = null;
	/** Runs after an edit was saved; a failure it returns is thrown instead of the response. */
	public afterSave: ( ( params: ApiParams ) => TransportFailure | null ) | null = null;
	/** Runs before any request; a failure it returns is thrown and nothing is done. */
	public beforeRequest: ( ( params: ApiParams ) => TransportFailure | null ) | null = null;
	private nextRevid = 100;
	private nextPageid = 1;
	private time = Date.parse( '2026-01-20T12:00:00Z' );

	public static normalize( title: string ): string {
		return title.replace( /_/g, ' ' ).replace( /^Project:/, 'Wikipedia:' );
	}

	public get edits(): Call[] {
		return this.calls.filter( ( c ) => c.params.action === 'edit' );
	}

	public get reads(): Call[] {
		return this.calls.filter( ( c ) => c.params.action === 'query' );
	}

	/** Saves a revision as another user would (no checks). */
	public put( title: string, content: unknown, options: { contentmodel?: string; user?: string } = {} ): Revision {
		const name = FakeWiki.normalize( title );
		const text = typeof content === 'string' ? content : JSON.stringify( content, null, '\t' );
		let page = this.pages[ name ];
		if ( !page ) {
			page = { pageid: this.nextPageid++, title: name, contentmodel: options.contentmodel || 'json', revisions: [] };
			this.pages[ name ] = page;
		}
		const latest = page.revisions[ page.revisions.length - 1 ];
		const revision: Revision = {
			revid: this.nextRevid++,
			parentid: latest ? latest.revid : 0,
			timestamp: this.tick(),
			user: options.user || 'Someone',
			content: text,
		};
		page.revisions.push( revision );
		return revision;
	}

	public page( title: string ): FakePage | undefined {
		return this.pages[ FakeWiki.normalize( title ) ];
	}

	public latest( title: string ): Revision | undefined {
		const page = this.page( title );
		return page ? page.revisions[ page.revisions.length - 1 ] : undefined;
	}

	/** The latest content, parsed. */
	public value( title: string ): unknown {
		const latest = this.latest( title );
		return latest ? JSON.parse( latest.content ) : undefined;
	}

	public async request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		this.calls.push( { method: method, params: { ...params } } );
		const failure = this.beforeRequest ? this.beforeRequest( params ) : null;
		if ( failure ) {
			throw failure;
		}
		if ( params.action === 'query' ) {
			return this.query( params );
		}
		if ( params.action === 'edit' ) {
			if ( method !== 'POST' ) {
				return apiError( 'mustbeposted' );
			}
			const response = this.edit( params );
			const lost = response.edit && this.afterSave ? this.afterSave( params ) : null;
			if ( lost ) {
				throw lost;
			}
			return response;
		}
		return apiError( 'badvalue', 'Unrecognized value for parameter "action"' );
	}

	public async token( type: TokenType ): Promise<string> {
		return type + 'token+\\';
	}

	public badToken(): void {
		// Tokens never expire here.
	}

	private tick(): string {
		this.time += 1000;
		return new Date( this.time ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
	}

	private query( params: ApiParams ): ApiResponse {
		const query: Record<string, unknown> = {};
		const revids = listParam( params.revids ).map( Number );
		if ( revids.length ) {
			// Revisions by id, grouped by page, with their content.
			const pages: Record<string, unknown>[] = [];
			for ( const name of Object.keys( this.pages ) ) {
				const page = this.pages[ name ] as FakePage;
				const found = page.revisions.filter( ( r ) => revids.includes( r.revid ) );
				if ( found.length ) {
					pages.push( {
						pageid: page.pageid, title: name, revisions: found.map( ( r ) => ( {
							revid: r.revid, parentid: r.parentid, timestamp: r.timestamp, user: r.user,
							slots: { main: { contentmodel: page.contentmodel, contentformat: 'application/json', content: r.content } },
						} ) ),
					} );
				}
			}
			query.pages = pages;
			return { batchcomplete: true, query: query };
		}
		if ( params.generator === 'allpages' ) {
			// The pages under a prefix, each with its latest revision (no content), as
			// generator=allpages&prop=revisions answers.
			const prefix = ( Number( params.gapnamespace ) === 4 ? 'Wikipedia:' : '' ) + String( params.gapprefix || '' );
			const ns = Number( params.gapnamespace ) === 4 ? 'Wikipedia:' : '';
			const from = params.gapfrom === undefined ? '' : ns + String( params.gapfrom );
			const to = params.gapto === undefined ? null : ns + String( params.gapto );
			query.pages = Object.keys( this.pages ).sort().filter( ( t ) => t.indexOf( prefix ) === 0 && t >= from && ( to === null || t <= to ) ).map( ( t ) => {
				const page = this.pages[ t ] as FakePage;
				const r = page.revisions[ page.revisions.length - 1 ] as Revision;
				return { pageid: page.pageid, ns: 4, title: t, revisions: [ { revid: r.revid, parentid: r.parentid, timestamp: r.timestamp, user: r.user } ] };
			} );
			return { batchcomplete: true, query: query };
		}
		const titles = listParam( params.titles );
		if ( titles.length ) {
			const normalized: { from: string; to: string }[] = [];
			const pages: Record<string, unknown>[] = [];
			for ( const requested of titles ) {
				const name = FakeWiki.normalize( requested );
				if ( name !== requested ) {
					normalized.push( { from: requested, to: name } );
				}
				if ( /[<>[\]{}|#]/.test( name ) ) {
					pages.push( { title: requested, invalidreason: 'The requested page title contains invalid characters.', invalid: true } );
					continue;
				}
				const page = this.pages[ name ];
				if ( !page ) {
					pages.push( { ns: name.indexOf( 'User:' ) === 0 ? 2 : 4, title: name, missing: true } );
					continue;
				}
				let revisions = params.rvdir === 'newer' ? page.revisions.slice() : page.revisions.slice().reverse();
				if ( params.rvstartid !== undefined ) {
					revisions = revisions.filter( ( r ) => r.revid <= Number( params.rvstartid ) );
				}
				revisions = revisions.slice( 0, params.rvlimit === 'max' ? 500 : params.rvlimit !== undefined ? Number( params.rvlimit ) : 1 );
				const withContent = String( params.rvprop ).includes( 'content' );
				pages.push( {
					pageid: page.pageid,
					ns: name.indexOf( 'User:' ) === 0 ? 2 : 4,
					title: name,
					protection: [],
					revisions: revisions.map( ( r ) => ( {
						revid: r.revid,
						parentid: r.parentid,
						timestamp: r.timestamp,
						user: r.user,
						slots: { main: withContent ?
							{ contentmodel: page.contentmodel, contentformat: 'application/json', content: r.content } :
							{ contentmodel: page.contentmodel, contentformat: 'application/json' } },
					} ) ),
				} );
			}
			if ( normalized.length ) {
				query.normalized = normalized;
			}
			query.pages = pages;
		}
		const lists = listParam( params.list );
		if ( lists.includes( 'users' ) ) {
			query.users = listParam( params.ususers ).map( ( name, i ) => ( {
				userid: i + 1, name: name, editcount: 10 + i, registration: '2025-01-01T00:00:00Z', groups: [ '*', 'user' ], gender: 'unknown',
			} ) );
		}
		if ( lists.includes( 'allpages' ) ) {
			const prefix = ( Number( params.apnamespace ) === 4 ? 'Wikipedia:' : '' ) + String( params.apprefix || '' );
			query.allpages = Object.keys( this.pages ).sort()
				.filter( ( t ) => t.indexOf( prefix ) === 0 )
				.map( ( t ) => ( { pageid: ( this.pages[ t ] as FakePage ).pageid, ns: 4, title: t } ) );
		}
		return { batchcomplete: true, query: query };
	}

	private edit( params: ApiParams ): ApiResponse {
		if ( params.basetimestamp !== undefined ) {
			throw new Error( 'basetimestamp sent: ' + String( params.basetimestamp ) );
		}
		if ( params.assert !== 'user' ) {
			return apiError( 'assertuserfailed', 'You are no longer logged in' );
		}
		if ( typeof params.token !== 'string' || params.token === '' ) {
			return apiError( 'badtoken' );
		}
		if ( this.beforeEdit ) {
			this.beforeEdit( params );
		}
		const refused = this.refuseEdit ? this.refuseEdit( params ) : null;
		if ( refused ) {
			return refused;
		}
		const name = FakeWiki.normalize( String( params.title ) );
		const page = this.pages[ name ];
		if ( params.createonly && page ) {
			return apiError( 'articleexists', 'The page you tried to create has been created already.' );
		}
		if ( params.nocreate && !page ) {
			return apiError( 'missingtitle', 'The page you specified doesn\'t exist.' );
		}
		const model = page ? page.contentmodel : String( params.contentmodel || 'wikitext' );
		if ( page && params.contentmodel !== undefined && params.contentmodel !== page.contentmodel ) {
			return apiError( 'contentmodel-mismatch', 'Wrong content model', { contentmodel: page.contentmodel } );
		}
		let text = String( params.text );
		const latest = page ? page.revisions[ page.revisions.length - 1 ] as Revision : undefined;
		if ( latest && params.baserevid !== undefined && Number( params.baserevid ) !== latest.revid ) {
			const base = ( page as FakePage ).revisions.find( ( r ) => r.revid === Number( params.baserevid ) );
			const merged = this.merge && base ? this.merge( text, base.content, latest.content ) : null;
			if ( merged === null ) {
				return apiError( 'editconflict', 'Edit conflict.' );
			}
			text = merged;
		}
		if ( model === 'json' ) {
			try {
				JSON.parse( text );
			} catch ( e ) {
				return apiError( 'invalid-content-data', 'Invalid content data' );
			}
		}
		if ( latest && latest.content === text ) {
			return { edit: { result: 'Success', pageid: ( page as FakePage ).pageid, title: name, contentmodel: model, nochange: true } };
		}
		const revision = this.put( name, text, { contentmodel: model, user: this.user } );
		const saved = this.pages[ name ] as FakePage;
		const result: Record<string, unknown> = {
			result: 'Success', pageid: saved.pageid, title: name, contentmodel: model,
			oldrevid: revision.parentid, newrevid: revision.revid, newtimestamp: revision.timestamp, watched: false,
		};
		if ( !latest ) {
			result.new = true;
		}
		return { edit: result };
	}
}
