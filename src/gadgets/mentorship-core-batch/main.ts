/**
 * mentorship-core-batch: the batch invitation dialog, loaded when "Invite new accounts" is
 * clicked on the new-users log (with the shared code it uses, in the same request). Apart
 * from the welcome dialog, which does not load it.
 */

import { browserEnv } from '../../ui/env';
import { openWindow } from '../../ui/windows';
import { WelcomeBatchDialog } from '../../ui/welcome/batch';
import { library, withMessages } from '../common/feature';

function openWelcomeBatch( context: { names?: string[]; trigger?: HTMLElement } ): void {
	openWindow( new WelcomeBatchDialog( { env: browserEnv(), names: context.names || [] } ), {}, context.trigger );
}

library().welcomeBatch = withMessages( openWelcomeBatch );
