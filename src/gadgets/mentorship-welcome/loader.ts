/**
 * mentorship-welcome, the loader: a "Welcome / invite" control on a user's talk page and
 * contributions, and on the new-users log an invite link on each new account plus a way
 * to invite several at once. No request and no OOUI until a control is used.
 */

import { addLink, onActivate, setMessages, withCore } from '../common/loader';

const NEWUSERS_ACTIONS = /^newusers\/(create|create2|byemail|autocreate)$/;

/** The new account a line of the new-users log is about. */
function accountOf( line: HTMLElement ): string | null {
	const action = line.getAttribute( 'data-mw-logaction' ) || '';
	if ( !NEWUSERS_ACTIONS.test( action ) ) {
		return null;
	}
	// Self-created accounts: the performer is the account. Created by someone else: the
	// account is the log's target, the last user link on the line.
	const links = line.querySelectorAll( 'a.mw-userlink' );
	const link = /\/(create|autocreate)$/.test( action ) ? links[ 0 ] : links[ links.length - 1 ];
	return link ? ( link.textContent || '' ).trim() || null : null;
}

function initLog(): void {
	const lines = document.querySelectorAll( 'li[data-mw-logaction^="newusers/"]' );
	const names: string[] = [];
	for ( let i = 0; i < lines.length; i++ ) {
		const line = lines[ i ] as HTMLElement;
		const name = accountOf( line );
		if ( !name ) {
			continue;
		}
		names.push( name );
		const link = document.createElement( 'a' );
		link.href = '#';
		link.className = 'mg-log-invite';
		link.textContent = mw.msg( 'mentorship-welcome-log-invite' );
		link.title = mw.msg( 'mentorship-welcome-log-invite-tooltip', name );
		link.setAttribute( 'data-user', name );
		line.appendChild( document.createTextNode( ' ' ) );
		line.appendChild( link );
		onActivate( link, ( trigger ) => {
			withCore( trigger, ( lib ) => lib.welcome( { user: name, trigger: trigger } ) );
		} );
	}
	const batch = addLink( [ 'p-views', 'p-cactions', 'p-tb' ], '#', mw.msg( 'mentorship-welcome-batch-portlet' ),
		'ca-mentorship-welcome-batch', mw.msg( 'mentorship-welcome-batch-portlet-tooltip' ) );
	if ( batch ) {
		onActivate( batch, ( trigger ) => {
			withCore( trigger, ( lib ) => lib.welcomeBatch( { names: names, trigger: trigger } ) );
		} );
	}
}

function init(): void {
	const me = mw.config.get( 'wgUserName' );
	if ( !me ) {
		return;
	}
	const special = mw.config.get( 'wgCanonicalSpecialPageName' );
	if ( special === 'Log' && ( mw.util.getParamValue( 'type' ) === 'newusers' || /\/newusers$/.test( String( mw.config.get( 'wgTitle' ) ) ) ) ) {
		setMessages();
		initLog();
		return;
	}
	const user = mw.config.get( 'wgRelevantUserName' ) as string | null;
	const onTalk = mw.config.get( 'wgNamespaceNumber' ) === 3 && String( mw.config.get( 'wgTitle' ) ).indexOf( '/' ) === -1;
	if ( !user || user === me || !( onTalk || special === 'Contributions' ) ) {
		return;
	}
	setMessages();
	const link = addLink( [ 'p-views', 'p-cactions', 'p-tb' ], '#', mw.msg( 'mentorship-welcome-portlet' ),
		'ca-mentorship-welcome', mw.msg( 'mentorship-welcome-portlet-tooltip', user ) );
	if ( link ) {
		onActivate( link, ( trigger ) => {
			withCore( trigger, ( lib ) => lib.welcome( { user: user, trigger: trigger } ) );
		} );
	}
}

$( init );
