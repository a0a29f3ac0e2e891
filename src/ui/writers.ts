/**
 * The welcome dialogs' and the console's writers, apart from env.ts so that the ask
 * dialog's first click does not ship them (nor their edit summaries' messages).
 */

import { isoSeconds } from '../core/dates';
import { ConsoleWriter } from '../wiki/program-settings';
import { WelcomeProgram, WelcomeWriter } from '../wiki/welcome';
import { Env, summaryFor } from './env';

/** What the welcome dialogs' writes need: posting, and the invitation log with its summary. */
export function welcomeWriter( env: Env, program: WelcomeProgram, client = env.client, store = env.store ): WelcomeWriter {
	return {
		client: client,
		store: store,
		program: program,
		logSummary: summaryFor( env, 'mentorship-welcome-log-summary', program.config.name ),
		random: env.random,
	};
}

/** What the console's writes need: the coordinator, the time, and edit summaries in the content language. */
export function consoleWriter( env: Env, programName: string ): ConsoleWriter {
	const summary = ( key: string ): string => summaryFor( env, key, programName );
	return {
		store: env.store,
		user: env.user as string,
		now: isoSeconds( env.clock.now() ),
		summaries: {
			create: summary( 'mentorship-console-summary-create' ),
			config: summary( 'mentorship-console-summary-config' ),
			roster: summary( 'mentorship-console-summary-roster' ),
			match: summary( 'mentorship-console-summary-match' ),
			milestone: summary( 'mentorship-console-summary-milestone' ),
		},
	};
}
