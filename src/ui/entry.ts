/**
 * The entry points the loaders call (through mw.libs.mentorship), wiring the page's wiki
 * client to each feature.
 */

import { programIdFrom } from '../core/titles';
import { AskContext, PanelContext, panelUrl, WelcomeContext } from '../lib/contract';
import { AskDialog } from './ask/dialog';
import { browserEnv } from './env';
import { openWindow } from './windows';
import { Panel } from './panel/panel';
import { WelcomeBatchDialog } from './welcome/batch';
import { WelcomeDialog } from './welcome/dialog';

export function openAsk( context: AskContext ): void {
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

export function openWelcome( context: WelcomeContext ): void {
	if ( !context.user ) {
		return;
	}
	openWindow( new WelcomeDialog( { env: browserEnv(), user: context.user } ), {}, context.trigger );
}

export function openWelcomeBatch( context: { names?: string[]; trigger?: HTMLElement } ): void {
	openWindow( new WelcomeBatchDialog( { env: browserEnv(), names: context.names || [] } ), {}, context.trigger );
}

export function mountPanel( container: HTMLElement, context: PanelContext ): void {
	// Embedded in a page (data-program): one program, no list and no URL changes.
	// An id that does not match the id pattern (from the URL or the div) opens nothing.
	const program = programIdFrom( context.program );
	const checked: PanelContext = program ? { ...context, program: program } : { ...context, program: undefined };
	new Panel( container, browserEnv(), checked, !context.page ).start();
}
