/**
 * The Graduate button's click, in the panel and the console: the dialog is its own module
 * (mentorship-core-graduation), loaded on the first click, with a Retry when loading fails
 * (the loaders' withCore). Already there in a single-module build.
 */

import type { GraduationConfig } from './dialog';

/** Opens the graduation dialog; resolves with whether the mentee graduated. */
export function graduateLazily( config: GraduationConfig, trigger: HTMLElement ): Promise<boolean> {
	const lib = mw.libs.mentorship;
	if ( lib && lib.graduate ) {
		return lib.graduate( config, trigger );
	}
	return new Promise( ( resolve ) => {
		mw.libs.mentorshipLoader.withCore( 'graduation', trigger, ( loaded ) => {
			void loaded.graduate( config, trigger ).then( resolve );
		} );
	} );
}
