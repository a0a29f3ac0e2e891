/**
 * mentorship-welcome, the loader: a "Welcome / invite" control on a user's talk page and
 * contributions, and on the new-users log an invite link on each new account plus a way
 * to invite several at once. No request and no OOUI until a control is used.
 */

import messages from 'mentorship:loader-messages';

const { addLink, onActivate, setMessages, withCore } = mw.libs.mentorshipLoader;

/**
 * The new account a line of the new-users log is about: for a self-created account the
 * performer (the first user link). Created by someone else, the line names the creator and
 * the account in the order the language puts them: the account is the first when its own
 * contributions link alone says "no edits", else the last.
 */
function accountLink( line: Element ): Element | undefined {
	const links = line.querySelectorAll( 'a.mw-userlink' );
	const tools = line.querySelector( '.mw-usertoollinks' );
	const fresh = '.mw-usertoollinks-contribs-no-edits';
	const first = /\/(create|autocreate)$/.test( line.getAttribute( 'data-mw-logaction' ) || '' ) ||
		line.querySelectorAll( fresh ).length === 1 && !!tools && !!tools.querySelector( fresh );
	return links[ first ? 0 : links.length - 1 ];
}

function initLog(): void {
	const names: string[] = [];
	const lines = document.querySelectorAll( 'li[data-mw-logaction^="newusers/"]' );
	if ( lines.length ) {
		setMessages( messages );
	}
	Array.prototype.forEach.call( lines, ( line: Element ) => {
		const account = accountLink( line );
		const name = account ? ( account.textContent || '' ).trim() : '';
		if ( name ) {
			names.push( name );
			const link = document.createElement( 'a' );
			link.href = '#';
			link.className = 'mg-log-invite';
			link.textContent = mw.msg( 'mentorship-welcome-portlet' );
			// Named "welcome / invite NAME", for screen readers' lists of links.
			link.setAttribute( 'aria-label', link.textContent + ' ' + name );
			line.appendChild( document.createTextNode( ' ' ) );
			line.appendChild( link );
			onActivate( link, ( trigger ) => withCore( 'welcome', trigger, ( lib ) => lib.welcome( { user: name, trigger: trigger } ) ) );
		}
	} );
	// The batch link goes before the list, where the keyboard reaches it before the lines.
	const list = document.querySelector( 'ul.mw-logevent-loglines' );
	if ( list && names.length ) {
		const batch = document.createElement( 'a' );
		batch.className = 'mg-log-batch';
		batch.href = '#';
		batch.textContent = mw.msg( 'mentorship-welcome-batch-portlet' );
		( list.parentNode as Node ).insertBefore( batch, list );
		onActivate( batch, ( trigger ) => withCore( 'batch', trigger, ( lib ) => lib.welcomeBatch( { names: names, trigger: trigger } ) ) );
	}
}

function init(): void {
	const me = mw.config.get( 'wgUserName' );
	const special = mw.config.get( 'wgCanonicalSpecialPageName' );
	const user = mw.config.get( 'wgRelevantUserName' ) as string | null;
	if ( !me ) {
		return;
	}
	if ( special === 'Log' ) {
		// Any log view with account creations in it (the new-users log, or all logs).
		initLog();
	} else if ( user && user !== me && ( special === 'Contributions' ||
		( mw.config.get( 'wgNamespaceNumber' ) === 3 && String( mw.config.get( 'wgTitle' ) ).indexOf( '/' ) < 0 ) ) ) {
		setMessages( messages );
		const link = addLink( [ 'p-views', 'p-cactions', 'p-tb' ], '#', mw.msg( 'mentorship-welcome-portlet' ), 'ca-mentorship-welcome', '', true );
		if ( link ) {
			onActivate( link, ( trigger ) => withCore( 'welcome', trigger, ( lib ) => lib.welcome( { user: user, trigger: trigger } ) ) );
		}
	}
}

$( init );
