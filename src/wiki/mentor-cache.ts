/**
 * The cached mentor: the user option userjs-mentorship (MENTOR_OPTION), which lets the ask
 * link know the mentee's program and mentor without reading any page. This module is the
 * only one that writes it: through the API, then in the page's copy of the user's options
 * (so that this page sees the change without a reload).
 */

import { decodeMentorCache, encodeMentorCache, MENTOR_OPTION, MentorCache } from '../core/program';
import { WikiClient } from './client';

/** The page's copy of the user's options (mw.user.options), or a test double. */
export interface OptionsCopy {
	get( key: string ): unknown;
	set( key: string, value: string | null ): void;
}

export interface MentorCacheOption {
	/** The cached mentor as this page knows it (null when none, or unreadable). */
	read(): MentorCache | null;
	/** Saves the cached mentor (null: none); the page's copy follows once the wiki has it. */
	save( cache: MentorCache | null ): Promise<void>;
}

export function mentorCacheOption( client: WikiClient, copy: OptionsCopy | null ): MentorCacheOption {
	return {
		read: () => copy ? decodeMentorCache( copy.get( MENTOR_OPTION ) ) : null,
		save: ( cache ) => {
			const value = encodeMentorCache( cache );
			return client.setOption( MENTOR_OPTION, value ).then( () => {
				if ( copy ) {
					copy.set( MENTOR_OPTION, value );
				}
			} );
		},
	};
}

/**
 * Keeps the cached mentor's `due` in line with what was just learnt of the latest question;
 * saves the option only when its value changes.
 */
export function cacheDue( cache: MentorCacheOption, program: string, mentor: string, due: string | null ): Promise<void> {
	const wanted: MentorCache = { program: program, mentor: mentor };
	if ( due ) {
		wanted.due = due;
	}
	// (Not an async function: its ES5 is smaller, and it ships with every first click.)
	return encodeMentorCache( cache.read() ) !== encodeMentorCache( wanted ) ? cache.save( wanted ) : Promise.resolve();
}
