/**
 * The entry points the loaders call, wiring the browser's wiki client to each feature.
 */

import { AskContext, PanelContext, WelcomeContext } from '../gadgets/common/lib';
import { msg } from './i18n';

function notBuiltYet( what: string ): void {
	OO.ui.alert( msg( 'mentorship-loading-failed' ) + ' (' + what + ')' );
}

export function openAsk( context: AskContext ): void {
	notBuiltYet( 'ask ' + context.article );
}

export function openWelcome( context: WelcomeContext ): void {
	notBuiltYet( 'welcome ' + ( context.user || '' ) );
}

export function openWelcomeBatch( context: { names?: string[] } ): void {
	notBuiltYet( 'batch ' + ( context.names || [] ).length );
}

export function mountPanel( container: HTMLElement, context: PanelContext ): void {
	container.textContent = 'panel ' + ( context.program || '' );
}
