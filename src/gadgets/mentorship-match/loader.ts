/**
 * mentorship-match, the loader: mounts the matching panel on Special:BlankPage/Mentorship
 * and in any <div class="mentorship-panel" data-program="ID"></div> of a page, and adds a
 * "Mentorship" link for logged-in users. Elsewhere it only adds the link: no request.
 */

import messages from 'mentorship:loader-messages';

const { addLink, panelUrl, setMessages, withCore } = mw.libs.mentorshipLoader;

/** "Loading the mentorship panel…", replaced by the panel, or by the error and Retry. */
function placeholder( container: HTMLElement ): HTMLElement {
	const p = document.createElement( 'div' );
	p.className = 'mg-panel-loading';
	p.setAttribute( 'role', 'status' );
	p.textContent = mw.msg( 'mentorship-panel-loading' );
	container.appendChild( p );
	return p;
}

function mountAll( root: HTMLElement ): void {
	const panels = root.querySelectorAll( 'div.mentorship-panel' );
	for ( let i = 0; i < panels.length; i++ ) {
		const panel = panels[ i ] as HTMLElement;
		if ( panel.getAttribute( 'data-mentorship-mounted' ) ) {
			continue;
		}
		panel.setAttribute( 'data-mentorship-mounted', '1' );
		const status = placeholder( panel );
		const program = panel.getAttribute( 'data-program' ) || undefined;
		withCore( 'panel', null, ( lib ) => lib.mountPanel( panel, { program: program } ), status );
	}
}

function init(): void {
	setMessages( messages );
	if ( mw.config.get( 'wgUserName' ) ) {
		addLink( [ 'p-personal', 'p-tb' ], panelUrl(), mw.msg( 'mentorship-match-portlet' ), 'pt-mentorship' );
	}
	const title = String( mw.config.get( 'wgTitle' ) );
	if ( mw.config.get( 'wgCanonicalSpecialPageName' ) === 'Blankpage' && /\/Mentorship$/.test( title ) ) {
		const content = document.getElementById( 'mw-content-text' );
		if ( content ) {
			// The panel is the page: not "This page is intentionally left blank".
			content.textContent = '';
			const heading = document.getElementById( 'firstHeading' );
			if ( heading ) {
				heading.textContent = mw.msg( 'mentorship-match-portlet' );
			}
			const container = document.createElement( 'div' );
			container.className = 'mentorship-panel mg-panel-page';
			content.appendChild( container );
			container.setAttribute( 'data-mentorship-mounted', '1' );
			const status = placeholder( container );
			withCore( 'panel', null, ( lib ) => lib.mountPanel( container, {
				program: mw.util.getParamValue( 'program' ) || undefined,
				view: mw.util.getParamValue( 'view' ) || undefined,
				page: true,
			} ), status );
		}
	}
	mw.hook( 'wikipage.content' ).add( ( $content: JQuery ) => {
		const node = $content[ 0 ];
		if ( node ) {
			mountAll( node );
		}
	} );
}

$( init );
