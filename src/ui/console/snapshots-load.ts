/**
 * The dashboard's snapshots section as the console shows it: its code is its own module
 * (mentorship-core-snapshots, src/ui/console/snapshots.ts), loaded when the dashboard
 * shows, with a Retry when loading fails (the loaders' withCore). Already there in a
 * single-module build.
 */

import { ConsoleContext } from './context';

export function snapshots( ctx: ConsoleContext ): JQuery {
	const lib = mw.libs.mentorship;
	if ( lib && lib.snapshotsSection ) {
		return lib.snapshotsSection( ctx );
	}
	const $box = $( '<div>' ).addClass( 'mg-snapshots-load' ).text( mw.msg( 'mentorship-panel-loading' ) );
	mw.libs.mentorshipLoader.withCore( 'snapshots', null, ( loaded ) => {
		$box.empty().append( loaded.snapshotsSection( ctx ) );
	}, $box[ 0 ] );
	return $box;
}
