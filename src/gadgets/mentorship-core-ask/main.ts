/**
 * mentorship-core-ask: the ask dialog, loaded when "Ask my mentor" is clicked (with the
 * shared base, in the same request).
 */

import { AskContext, panelUrl } from '../../lib/contract';
import { AskDialog } from '../../ui/ask/dialog';
import { browserEnv } from '../../ui/env';
import { openWindow } from '../../ui/windows';
import { library, withMessages } from '../common/feature';

function openAsk( context: AskContext ): void {
	const env = browserEnv();
	const cache = env.mentorCache.read();
	if ( !cache ) {
		location.href = panelUrl();
		return;
	}
	const dialog = new AskDialog( {
		env: env,
		cache: cache,
		article: context.article,
		revid: context.revid,
		panelUrl: panelUrl( cache.program ),
	} );
	openWindow( dialog, {}, context.trigger );
}

library().ask = withMessages( openAsk );
