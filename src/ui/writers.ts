/**
 * The writers of every feature, apart from env.ts so that the ask dialog's first click does
 * not ship them (nor their edit summaries' messages): it writes from Preview on.
 */

import { isoSeconds } from '../core/dates';
import { fillSummary } from '../core/template';
import { ConsoleWriter } from '../wiki/program-settings';
import { WriteContext } from '../wiki/programs';
import { WelcomeProgram, WelcomeWriter } from '../wiki/welcome';
import { Env } from './env';

/*
 * The write session: every writer the UI hands to src/wiki is built here, from the page's
 * client and store, with edit summaries in the content language filled by a function
 * (fillSummary: a program name holding $& or $1 stays as typed), and the cached mentor
 * through env.mentorCache.
 */

/** A content-language edit summary naming the program. */
export function summaryFor( env: Env, key: string, programName: string ): string {
	return fillSummary( env.content( key ), programName );
}

/** What the store's writes need: the acting user, the time, and edit summaries in the content language. */
export function writeContext( env: Env, programName: string ): WriteContext {
	return {
		store: env.store,
		user: env.user as string,
		now: isoSeconds( env.clock.now() ),
		summaries: {
			profile: summaryFor( env, 'mentorship-summary-profile', programName ),
			roster: summaryFor( env, 'mentorship-summary-roster', programName ),
		},
	};
}

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
