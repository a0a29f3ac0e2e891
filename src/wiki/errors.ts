/**
 * Turns what the Action API and the network report into MentorshipErrors, so that every
 * caller sees the same kinds whatever wiki or transport it talks to.
 */

import { ErrorKind, MentorshipError } from '../core/errors';
import { ApiErrorItem, TransportFailure } from './transport';

const KINDS: Record<string, ErrorKind> = {
	editconflict: 'editconflict',
	badtoken: 'badtoken',
	notoken: 'badtoken',
	assertuserfailed: 'session',
	assertnameduserfailed: 'session',
	assertbotfailed: 'session',
	notloggedin: 'session',
	blocked: 'blocked',
	autoblocked: 'blocked',
	protectedpage: 'protected',
	cascadeprotected: 'protected',
	protectednamespace: 'protected',
	'protectednamespace-interface': 'protected',
	protectedtitle: 'protected',
	protectedinterface: 'protected',
	customcssprotected: 'permission',
	customjsprotected: 'permission',
	customjsonprotected: 'permission',
	mycustomcssprotected: 'permission',
	mycustomjsprotected: 'permission',
	mycustomjsonprotected: 'permission',
	sitecssprotected: 'permission',
	sitejsprotected: 'permission',
	sitejsonprotected: 'permission',
	permissiondenied: 'permission',
	noedit: 'permission',
	'noedit-anon': 'permission',
	cantcreate: 'permission',
	'cantcreate-anon': 'permission',
	writeapidenied: 'permission',
	cantchangecontentmodel: 'permission',
	ratelimited: 'ratelimited',
	'abusefilter-warning': 'abusefilter-warning',
	'abusefilter-disallowed': 'abusefilter-disallow',
	spamblacklist: 'spam',
	spamdetected: 'spam',
	readonly: 'readonly',
	maxlag: 'maxlag',
	contenttoobig: 'toolarge',
	badformat: 'contentmodel',
	'contentmodel-mismatch': 'contentmodel',
	'invalid-content-data': 'contentmodel',
	articleexists: 'exists',
	missingtitle: 'missing',
	nosuchsection: 'missing',
};

export interface ErrorContext {
	/** The page the request was about, for messages. */
	page?: string;
}

function str( value: unknown ): string {
	return value === undefined || value === null ? '' : String( value );
}

export function fromApiError( item: ApiErrorItem, context: ErrorContext = {} ): MentorshipError {
	const code = item.code || 'unknown';
	const kind: ErrorKind = KINDS[ code ] || ( /^captcha/.test( code ) ? 'captcha' : 'unknown' );
	const info = item.text || code;
	const data = item.data || {};
	const page = context.page || '';
	switch ( kind ) {
		case 'blocked': {
			const block = ( data.blockinfo || {} ) as Record<string, unknown>;
			return new MentorshipError( kind, code, info, [
				str( block.blockedby ), str( block.blockreason ), str( block.blockexpiry ),
			], { page: page } );
		}
		case 'abusefilter-warning':
		case 'abusefilter-disallow': {
			const filter = ( data.abusefilter || {} ) as Record<string, unknown>;
			const description = str( filter.description );
			return new MentorshipError( kind, code, info, [ description ], {
				page: page,
				filter: { id: str( filter.id ), description: description },
			} );
		}
		case 'readonly':
			return new MentorshipError( kind, code, info, [ str( data.readonlyreason ) || info ], { page: page } );
		case 'maxlag': {
			const lag = Number( data.lag );
			return new MentorshipError( kind, code, info, [], { retryAfter: isFinite( lag ) && lag > 0 ? Math.ceil( lag ) : 5 } );
		}
		case 'contentmodel':
			return new MentorshipError( kind, code, info, [ page, str( data.contentmodel ) ], { page: page } );
		case 'unknown':
			return new MentorshipError( kind, code, info, [ code, info ], { page: page } );
		default:
			return new MentorshipError( kind, code, info, [ page ], { page: page } );
	}
}

export function fromTransportFailure( failure: TransportFailure, maybeSaved: boolean ): MentorshipError {
	const kind: ErrorKind = failure.failure === 'timeout' ? 'timeout' : 'network';
	const detail = failure.detail || ( failure.status ? 'HTTP ' + failure.status : failure.failure );
	const details: { maybeSaved: boolean; retryAfter?: number } = { maybeSaved: maybeSaved };
	if ( failure.retryAfter !== undefined ) {
		details.retryAfter = failure.retryAfter;
	}
	return new MentorshipError( kind, failure.failure, detail, [ detail ], details );
}
