/**
 * mentorship-core-welcome: the welcome dialog, loaded when "Welcome / invite" is clicked
 * (with the shared base, in the same request). The batch invitation dialog is a module of
 * its own (mentorship-core-batch).
 */

import { WelcomeContext } from '../../lib/contract';
import { browserEnv } from '../../ui/env';
import { openWindow } from '../../ui/windows';
import { WelcomeDialog } from '../../ui/welcome/dialog';
import { library, withMessages } from '../common/feature';

function openWelcome( context: WelcomeContext ): void {
	if ( !context.user ) {
		return;
	}
	openWindow( new WelcomeDialog( { env: browserEnv(), user: context.user } ), {}, context.trigger );
}

library().welcome = withMessages( openWelcome );
