/**
 * mentorship-welcome, the loader: a "Welcome / invite" control on a user's talk page and
 * contributions, and on the new-users log an invite link on each new account plus a way
 * to invite several at once. No request and no OOUI until a control is used.
 */

import { addLink, onActivate, setMessages, withCore } from '../common/loader';

const PORTLETS = [ 'p-views', 'p-cactions', 'p-tb' ];

/**
 * The new account a line of the new-users log is about: for a self-created account the
 * performer (the first user link), for an account created by someone else the target (the last).
 */
function accountOf( line: Element ): string {
	const links = line.querySelectorAll( 'a.mw-userlink' );
	const self = /\/(create|autocreate)$/.test( line.getAttribute( 'data-mw-logaction' ) || '' );
	const link = links[ self ? 0 : links.length - 1 ];
	return link ? ( link.textContent || '' ).trim() : '';
}

function initLog(): void {
	const names: string[] = [];
	const lines = document.querySelectorAll( 'li[data-mw-logaction^="newusers/"]' );
	Array.prototype.forEach.call( lines, ( line: Element ) => {
		const name = accountOf( line );
		if ( name ) {
			names.push( name );
			const link = document.createElement( 'a' );
			link.href = '#';
			link.className = 'mg-log-invite';
			link.textContent = mw.msg( 'mentorship-welcome-log-invite' );
			link.setAttribute( 'data-user', name );
			line.appendChild( document.createTextNode( ' ' ) );
			line.appendChild( link );
			onActivate( link, ( trigger ) => withCore( trigger, ( lib ) => lib.welcome( { user: name, trigger: trigger } ) ) );
		}
	} );
	const batch = addLink( PORTLETS, '#', mw.msg( 'mentorship-welcome-batch-portlet' ), 'ca-mentorship-welcome-batch' );
	if ( batch ) {
		onActivate( batch, ( trigger ) => withCore( trigger, ( lib ) => lib.welcomeBatch( { names: names, trigger: trigger } ) ) );
	}
}

function init(): void {
	const me = mw.config.get( 'wgUserName' );
	const special = mw.config.get( 'wgCanonicalSpecialPageName' );
	const user = mw.config.get( 'wgRelevantUserName' ) as string | null;
	if ( !me ) {
		return;
	}
	if ( special === 'Log' && ( mw.util.getParamValue( 'type' ) === 'newusers' || /\/newusers$/.test( String( mw.config.get( 'wgTitle' ) ) ) ) ) {
		setMessages();
		initLog();
	} else if ( user && user !== me && ( special === 'Contributions' ||
		( mw.config.get( 'wgNamespaceNumber' ) === 3 && String( mw.config.get( 'wgTitle' ) ).indexOf( '/' ) < 0 ) ) ) {
		setMessages();
		const link = addLink( PORTLETS, '#', mw.msg( 'mentorship-welcome-portlet' ), 'ca-mentorship-welcome' );
		if ( link ) {
			onActivate( link, ( trigger ) => withCore( trigger, ( lib ) => lib.welcome( { user: user, trigger: trigger } ) ) );
		}
	}
}

$( init );
