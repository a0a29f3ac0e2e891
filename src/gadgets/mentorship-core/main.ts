/**
 * mentorship-core: the shared code the loaders fetch on demand (with OOUI and the other
 * ResourceLoader dependencies declared in gadgets/mentorship-core.json). It installs the
 * messages and offers mw.libs.mentorship to the loaders.
 */

import messages from 'mentorship:messages';
import { VERSION } from 'mentorship:build';
import { installMessages } from '../../ui/i18n';
import { MentorshipLib } from '../common/lib';
import { openAsk, openWelcome, openWelcomeBatch, mountPanel } from '../../ui/entry';

installMessages( messages );

const lib: MentorshipLib = {
	version: VERSION,
	ask: openAsk,
	welcome: openWelcome,
	welcomeBatch: openWelcomeBatch,
	mountPanel: mountPanel,
};

mw.libs.mentorship = lib;
mw.hook( 'mentorship.ready' ).fire( lib );
