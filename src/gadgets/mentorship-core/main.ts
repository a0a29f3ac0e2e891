/**
 * mentorship-core: the shared code the loaders fetch on demand (with OOUI and the other
 * ResourceLoader dependencies declared in gadgets/mentorship-core.json). It installs the
 * messages and offers mw.libs.mentorship to the loaders.
 */

import messages from 'mentorship:messages';
import { VERSION } from 'mentorship:build';
import { ensureMessages } from '../../ui/i18n';
import { MentorshipLib } from '../common/lib';
import { openAsk, openWelcome, openWelcomeBatch, mountPanel } from '../../ui/entry';

/**
 * Messages are installed on first use, when the message modules loaded with this one
 * (the user's and the wiki's languages) have run too.
 */
function withMessages<A extends unknown[]>( fn: ( ...args: A ) => void ): ( ...args: A ) => void {
	return ( ...args: A ) => {
		ensureMessages( messages );
		fn( ...args );
	};
}

const lib: MentorshipLib = {
	version: VERSION,
	ask: withMessages( openAsk ),
	welcome: withMessages( openWelcome ),
	welcomeBatch: withMessages( openWelcomeBatch ),
	mountPanel: withMessages( mountPanel ),
};

mw.libs.mentorship = lib;
mw.hook( 'mentorship.ready' ).fire( lib );
