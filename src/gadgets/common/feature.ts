/**
 * How a feature offers its entry points: it adds its functions to mw.libs.mentorship. Each
 * lazily loaded module (build.mjs) adds its English messages to mw.libs.mentorshipMessages
 * when it runs, as the message modules of the user's and the wiki's languages loaded in the
 * same request do; they are installed on first use.
 */

import { VERSION } from 'mentorship:build';
import { ensureMessages } from '../../ui/i18n';
import { MentorshipLib } from './lib';

/** mw.libs.mentorship, created by the first module that runs (the base). */
export function library(): MentorshipLib {
	const lib = mw.libs.mentorship || { version: VERSION };
	mw.libs.mentorship = lib;
	return lib;
}

/** Nothing bundled: each module's English comes through mw.libs.mentorshipMessages. */
const BUNDLED = {};

/** Installs the messages loaded so far, then calls `fn`. */
export function withMessages<A extends unknown[], R>( fn: ( ...args: A ) => R ): ( ...args: A ) => R {
	return ( ...args: A ) => {
		ensureMessages( BUNDLED );
		return fn( ...args );
	};
}
