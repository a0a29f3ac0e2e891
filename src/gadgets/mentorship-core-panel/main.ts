/**
 * mentorship-core-panel: the matching panel (with the shared base, in the same request).
 * Its console tab loads mentorship-core-console when a coordinator opens it
 * (src/ui/console/load.ts).
 */

import { programIdFrom } from '../../core/program-titles';
import { PanelContext } from '../../lib/contract';
import { browserEnv } from '../../ui/env';
import { Panel } from '../../ui/panel/panel';
import { library, withMessages } from '../common/feature';

function mountPanel( container: HTMLElement, context: PanelContext ): void {
	// Embedded in a page (data-program): one program, no list and no URL changes.
	// An id that does not match the id pattern (from the URL or the div) opens nothing.
	const program = programIdFrom( context.program );
	const checked: PanelContext = program ? { ...context, program: program } : { ...context, program: undefined };
	new Panel( container, browserEnv(), checked, !context.page ).start();
}

library().mountPanel = withMessages( mountPanel );
