/**
 * mentorship-core-welcome: the welcome and batch invitation dialogs, loaded when
 * "Welcome / invite" or "Invite new accounts" is clicked (with the shared base, in the
 * same request).
 */

import { WelcomeContext } from '../../lib/contract';
import { browserEnv } from '../../ui/env';
import { openWindow } from '../../ui/windows';
import { WelcomeBatchDialog } from '../../ui/welcome/batch';
import { WelcomeDialog } from '../../ui/welcome/dialog';
import { library, withMessages } from '../common/feature';

function openWelcome( context: WelcomeContext ): void {
	if ( !context.user ) {
		return;
	}
	openWindow( new WelcomeDialog( { env: browserEnv(), user: context.user } ), {}, context.trigger );
}

function openWelcomeBatch( context: { names?: string[]; trigger?: HTMLElement } ): void {
	openWindow( new WelcomeBatchDialog( { env: browserEnv(), names: context.names || [] } ), {}, context.trigger );
}

const lib = library();
lib.welcome = withMessages( openWelcome );
lib.welcomeBatch = withMessages( openWelcomeBatch );
