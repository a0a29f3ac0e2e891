/**
 * mentorship-ask, the loader: on an article a logged-in user reads, an "Ask my mentor"
 * control (or "Find a mentor" when they have none), which says so when the mentee's latest
 * question has waited past the program's limit. The mentor's name and that time come from
 * the cached user option, so the page view costs no request; the click loads the dialog.
 */

import { decodeMentorCache, MENTOR_OPTION } from '../../core/program';
import messages from 'mentorship:loader-messages';

const { addLink, onActivate, panelUrl, setMessages, withCore } = mw.libs.mentorshipLoader;

function init(): void {
	if ( mw.config.get( 'wgNamespaceNumber' ) !== 0 || mw.config.get( 'wgAction' ) !== 'view' ||
		!mw.config.get( 'wgUserName' ) || !mw.config.get( 'wgIsArticle' ) ) {
		return;
	}
	setMessages( messages );
	const cache = decodeMentorCache( mw.user.options.get( MENTOR_OPTION ) );
	const portlets = [ 'p-views', 'p-cactions', 'p-tb' ];
	if ( !cache ) {
		addLink( portlets, panelUrl(), mw.msg( 'mentorship-find-portlet' ), 'ca-mentorship-find', '', true );
		return;
	}
	// The latest question has waited past the program's limit: the control says so (the
	// time is in the cached option, so this costs no request).
	const waiting = !!cache.due && Date.now() >= Date.parse( cache.due );
	const link = addLink( portlets, '#', mw.msg( waiting ? 'mentorship-ask-portlet-waiting' : 'mentorship-ask-portlet' ), 'ca-mentorship-ask',
		mw.msg( 'mentorship-ask-portlet-tooltip', cache.mentor ), true );
	if ( link ) {
		onActivate( link, ( trigger ) => {
			withCore( 'ask', trigger, ( lib ) => lib.ask( {
				article: String( mw.config.get( 'wgPageName' ) ),
				revid: Number( mw.config.get( 'wgRevisionId' ) ),
				trigger: trigger,
			} ) );
		} );
	}
}

$( init );
