/**
 * The failures a user can meet, each with a message that says what happened and what to
 * do. The wiki layer turns API errors into these; the UI shows ERROR_MESSAGES[kind]
 * with the error's params.
 */

import { Issue } from './schema';

export type ErrorKind =
	'editconflict' | 'badtoken' | 'session' | 'blocked' | 'protected' | 'permission' |
	'ratelimited' | 'abusefilter-warning' | 'abusefilter-disallow' | 'captcha' | 'spam' |
	'readonly' | 'maxlag' | 'toolarge' | 'contentmodel' | 'network' | 'timeout' |
	'invalid' | 'exists' | 'missing' | 'retries' | 'unknown';

/**
 * Message keys, in full so that the i18n check can see every one. Params:
 * blocked: $1 blocker, $2 reason, $3 expiry; protected: $1 page; permission: $1 page;
 * ratelimited: none; abusefilter-*: $1 the filter's description;
 * readonly: $1 reason; invalid: $1 page, $2 path, $3 detail; exists/missing: $1 page;
 * toolarge: $1 page; contentmodel: $1 page, $2 model; unknown: $1 code, $2 server text.
 */
export const ERROR_MESSAGES: Record<ErrorKind, string> = {
	editconflict: 'mentorship-error-editconflict',
	badtoken: 'mentorship-error-badtoken',
	session: 'mentorship-error-session',
	blocked: 'mentorship-error-blocked',
	protected: 'mentorship-error-protected',
	permission: 'mentorship-error-permission',
	ratelimited: 'mentorship-error-ratelimited',
	'abusefilter-warning': 'mentorship-error-abusefilter-warning',
	'abusefilter-disallow': 'mentorship-error-abusefilter-disallow',
	captcha: 'mentorship-error-captcha',
	spam: 'mentorship-error-spam',
	readonly: 'mentorship-error-readonly',
	maxlag: 'mentorship-error-maxlag',
	toolarge: 'mentorship-error-toolarge',
	contentmodel: 'mentorship-error-contentmodel',
	network: 'mentorship-error-network',
	timeout: 'mentorship-error-timeout',
	invalid: 'mentorship-error-invalid',
	exists: 'mentorship-error-exists',
	missing: 'mentorship-error-missing',
	retries: 'mentorship-error-retries',
	unknown: 'mentorship-error-unknown',
};

/** Kinds after which trying the same thing again later may succeed. */
const TRANSIENT: ErrorKind[] = [ 'editconflict', 'ratelimited', 'readonly', 'maxlag', 'network', 'timeout', 'retries' ];

export interface ErrorDetails {
	/** Page concerned, as the user would recognise it. */
	page?: string;
	/** Validation problems (kind `invalid`). */
	issues?: Issue[];
	/** Seconds to wait before trying again (maxlag, rate limits), when the wiki says. */
	retryAfter?: number;
	/** The AbuseFilter filter (kind abusefilter-*). */
	filter?: { id: string; description: string };
	/** Whether the request may have reached the wiki and been carried out (lost response). */
	maybeSaved?: boolean;
}

export class MentorshipError extends Error {
	public readonly kind: ErrorKind;
	/** The API's error code, or a code of ours. */
	public readonly code: string;
	/** Parameters of the message ERROR_MESSAGES[kind]. */
	public readonly params: string[];
	public readonly details: ErrorDetails;

	public constructor( kind: ErrorKind, code: string, info: string, params: string[] = [], details: ErrorDetails = {} ) {
		super( info || code );
		// Lowered to ECMAScript 5, `extends Error` loses the prototype: restore it.
		setPrototype( this, MentorshipError.prototype );
		this.name = 'MentorshipError';
		this.kind = kind;
		this.code = code;
		this.params = params;
		this.details = details;
	}

	public get messageKey(): string {
		return ERROR_MESSAGES[ this.kind ];
	}

	public get transient(): boolean {
		return TRANSIENT.indexOf( this.kind ) !== -1;
	}
}

function setPrototype( object: object, proto: object ): void {
	const setter = ( Object as unknown as { setPrototypeOf?: ( o: object, p: object ) => void } ).setPrototypeOf;
	if ( setter ) {
		setter( object, proto );
	} else {
		// eslint-disable-next-line no-proto -- the only way in browsers without setPrototypeOf
		( object as { __proto__?: object } ).__proto__ = proto;
	}
}

export function isMentorshipError( e: unknown, kind?: ErrorKind ): e is MentorshipError {
	return e instanceof MentorshipError && ( kind === undefined || e.kind === kind );
}

/*
 * The error policy: what a writer does after each kind. The store, the batch sender
 * (src/wiki/welcome-batch.ts) and deploy (scripts/lib/deploy.ts) ask these, and keep no
 * lists of their own.
 */

/** The page changed under the edit (or appeared, or went): read again and apply the change again. */
const CONFLICT: ErrorKind[] = [ 'editconflict', 'exists', 'missing' ];
/** The request may or may not have been carried out: read again to know, then go on. */
const LOST: ErrorKind[] = [ 'network', 'timeout' ];
/** The wiki asks to slow down: wait (retryAfter, or a growing pause) and send the same again. */
const THROTTLED: ErrorKind[] = [ 'ratelimited', 'maxlag' ];
/** Every following request would fail alike: a batch pauses until the user resumes or cancels. */
const STOPPING: ErrorKind[] = [ 'session', 'blocked', 'readonly', 'network', 'timeout', 'badtoken' ];

function kindIn( e: unknown, kinds: ErrorKind[] ): e is MentorshipError {
	return isMentorshipError( e ) && kinds.indexOf( e.kind ) !== -1;
}

/** Retry from a fresh read: someone else's edit came first. */
export function isConflict( e: unknown ): e is MentorshipError {
	return kindIn( e, CONFLICT );
}

/** Retry after reading again: the answer was lost, the edit may have been saved. */
export function isLost( e: unknown ): e is MentorshipError {
	return kindIn( e, LOST );
}

/** Wait, then send the same request again. */
export function isThrottled( e: unknown ): e is MentorshipError {
	return kindIn( e, THROTTLED );
}

/** Stop (pause) a batch: nothing after this would succeed until something changes. */
export function stopsBatch( e: unknown ): e is MentorshipError {
	return kindIn( e, STOPPING );
}
