/**
 * The mentor's "Needs you" list as the mentees tab shows it: its code is its own module
 * (mentorship-core-needs, src/ui/panel/needs-you.ts), loaded when the tab is shown, with a
 * Retry when loading fails (the loaders' withCore). Already there in a single-module build.
 */

import { MentorView } from '../../wiki/membership';
import { TabContext } from './context';

export function needsYou( ctx: TabContext, view: MentorView ): JQuery {
	const lib = mw.libs.mentorship;
	if ( lib && lib.needsYouSection ) {
		return lib.needsYouSection( ctx, view );
	}
	const $box = $( '<div>' ).addClass( 'mg-needs-you-load' ).text( mw.msg( 'mentorship-panel-loading' ) );
	mw.libs.mentorshipLoader.withCore( 'needs', null, ( loaded ) => {
		$box.empty().append( loaded.needsYouSection( ctx, view ) );
	}, $box[ 0 ] );
	return $box;
}
