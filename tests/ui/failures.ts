/**
 * The failures a user can meet when a dialog posts, each as the wiki answers it, and a
 * phrase of what the dialog must then say (en.json).
 */

import { ApiParams } from '../../src/wiki/transport';
import { apiError, networkDown } from '../unit/fakes/transport';
import { UiWiki } from '../support/ui';

export interface Failure {
	kind: string;
	/** Makes the wiki refuse edits of pages whose title passes `which`. */
	apply: ( wiki: UiWiki, which: ( title: string ) => boolean ) => void;
	says: string;
}

function refusing( code: string, text: string, data?: Record<string, unknown> ): Failure[ 'apply' ] {
	return ( wiki, which ) => {
		wiki.refuseEdit = ( params: ApiParams ) => which( String( params.title ) ) ? apiError( code, text, data ) : null;
	};
}

export const FAILURES: Failure[] = [
	{ kind: 'protected', apply: refusing( 'protectedpage', 'This page has been protected.' ), says: 'is protected' },
	{ kind: 'blocked', apply: refusing( 'blocked', 'You have been blocked.', { blockinfo: { blockedby: 'Admin', blockreason: 'Spam', blockexpiry: 'infinite' } } ), says: 'You are blocked from editing' },
	{ kind: 'session', apply: refusing( 'assertuserfailed', 'You are no longer logged in.' ), says: 'no longer logged in' },
	{ kind: 'ratelimited', apply: refusing( 'ratelimited', 'Rate limited.' ), says: 'many edits in a short time' },
	{ kind: 'abuse filter', apply: refusing( 'abusefilter-disallowed', 'Disallowed.', { abusefilter: { id: 3, description: 'No links to shops' } } ), says: 'does not allow this edit' },
	{ kind: 'read-only', apply: refusing( 'readonly', 'The wiki is read-only.', { readonlyreason: 'Maintenance' } ), says: 'read-only' },
	{
		kind: 'network',
		apply: ( wiki: UiWiki, which: ( title: string ) => boolean ): void => {
			wiki.beforeRequest = ( params ) => params.action === 'edit' && which( String( params.title ) ) ? networkDown : null;
		},
		says: 'could not be reached',
	},
];
