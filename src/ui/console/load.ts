/**
 * The console tab as the panel shows it: the console is its own module
 * (mentorship-core-console), loaded when a coordinator opens the tab, with a Retry when
 * loading fails (the loaders' withCore). Already there in a single-module build.
 */

import { TabContext } from '../panel/context';

export function consoleTab( ctx: TabContext ): JQuery {
	const lib = mw.libs.mentorship;
	if ( lib && lib.consoleTab ) {
		return lib.consoleTab( ctx );
	}
	const $tab = $( '<div>' ).text( mw.msg( 'mentorship-panel-loading' ) );
	mw.libs.mentorshipLoader.withCore( 'console', null, ( loaded ) => {
		$tab.empty().append( loaded.consoleTab( ctx ) );
	}, $tab[ 0 ] );
	return $tab;
}
