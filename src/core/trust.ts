/**
 * A program belongs to its coordinators: the trust chain over the revisions of its
 * config.json. The page's first revision (its creator's) counts; after it, a revision
 * counts only if its author was a coordinator in the last revision that counted (and its
 * content is a valid config). Every other revision is ignored, and the coordinators are
 * shown it (with its diff): a vandal who edits the config can neither add coordinators,
 * nor change the help desk, nor the messages inviters post.
 *
 * The walk is pure: it asks for the content of the revisions it needs (those whose author
 * may count), a batch at a time; revisions by anyone else cost no content at all.
 */

import { ProgramConfig } from './format';

export interface RevisionMeta {
	revid: number;
	parentid: number;
	/** Absent when the author's name is hidden (then the revision cannot count). */
	user?: string;
	timestamp: string;
}

export interface TrustChain {
	/** The config of the last revision that counted, or null when none does. */
	config: ProgramConfig | null;
	revid?: number;
	/** Revisions that did not count (not by a coordinator, or invalid), oldest first. */
	ignored: RevisionMeta[];
}

/** Content of revisions, by revid: the config, or null when the revision holds no valid config. */
export type RevisionContents = Record<string, ProgramConfig | null>;

/** Walks the chain over `revisions` (oldest first); returns the revids whose content it still needs, or the result. */
export function walkTrustChain( revisions: RevisionMeta[], contents: RevisionContents, batch = 50 ): TrustChain | { need: number[] } {
	let coordinators: string[] | null = null;
	let config: ProgramConfig | null = null;
	let revid: number | undefined;
	const ignored: RevisionMeta[] = [];
	const may = ( r: RevisionMeta, coords: string[] | null ): boolean => coords === null || ( !!r.user && coords.indexOf( r.user ) !== -1 );
	for ( let i = 0; i < revisions.length; i++ ) {
		const r = revisions[ i ] as RevisionMeta;
		if ( !may( r, coordinators ) ) {
			ignored.push( r );
			continue;
		}
		if ( !Object.prototype.hasOwnProperty.call( contents, String( r.revid ) ) ) {
			// This one and the next that may count under the same coordinators, in one request.
			const need: number[] = [];
			for ( let j = i; j < revisions.length && need.length < batch; j++ ) {
				const next = revisions[ j ] as RevisionMeta;
				if ( may( next, coordinators ) && !Object.prototype.hasOwnProperty.call( contents, String( next.revid ) ) ) {
					need.push( next.revid );
				}
			}
			return { need: need };
		}
		const content = contents[ String( r.revid ) ];
		if ( !content ) {
			ignored.push( r );
			continue;
		}
		config = content;
		coordinators = content.coordinators;
		revid = r.revid;
	}
	const chain: TrustChain = { config: config, ignored: ignored };
	if ( revid !== undefined ) {
		chain.revid = revid;
		// Only what was ignored after the last revision that counted still differs from it.
	}
	return chain;
}

/** The ignored revisions after the one that counts: what makes the page differ from the config in force. */
export function ignoredSince( chain: TrustChain ): RevisionMeta[] {
	return chain.ignored.filter( ( r ) => chain.revid === undefined || r.revid > ( chain.revid as number ) );
}
