/**
 * Posting a new section on a talk page, safe against a lost response: every post carries
 * a marker (an HTML comment with an id), and when the answer to the edit is lost the page's
 * recent revisions by the poster are searched for it before anyone posts again.
 */

import { isMentorshipError } from '../core/errors';
import { WikiClient } from './client';

export interface SectionPost {
	page: string;
	sectiontitle: string;
	text: string;
	summary: string;
	/** Unique text inside `text` that identifies this post. */
	marker: string;
}

export interface Posted {
	/** The page the section landed on (after a redirect). */
	title: string;
	revid: number;
	timestamp?: string;
}

export interface PostOptions {
	/** Put the page on the poster's watchlist for this long (e.g. "1 month"). */
	watchFor?: string;
}

/** The revision of `page` by `user` that holds `mark`, if any. */
export async function findPosted( client: WikiClient, page: string, user: string, mark: string ): Promise<Posted | null> {
	const response = await client.get( {
		action: 'query', prop: 'revisions', titles: page, redirects: true, rvuser: user, rvlimit: 5,
		rvprop: 'ids|timestamp|content', rvslots: 'main',
	}, page );
	const pages = ( ( response.query || {} ) as { pages?: { title: string; revisions?: { revid: number; timestamp: string; slots?: { main?: { content?: string } } }[] }[] } ).pages || [];
	const found = pages[ 0 ];
	for ( const revision of ( found && found.revisions ) || [] ) {
		const content = revision.slots && revision.slots.main && revision.slots.main.content;
		if ( content && content.indexOf( mark ) !== -1 ) {
			return { title: ( found as { title: string } ).title, revid: revision.revid, timestamp: revision.timestamp };
		}
	}
	return null;
}

/** Adds the section (following a redirect); a post whose response was lost is found by its marker, not posted twice. */
export async function postSection( client: WikiClient, post: SectionPost, poster: string, options: PostOptions = {} ): Promise<Posted> {
	try {
		const saved = await client.addSection( {
			title: post.page,
			sectiontitle: post.sectiontitle,
			text: post.text,
			summary: post.summary,
			watchlist: options.watchFor ? 'watch' : 'nochange',
			watchlistexpiry: options.watchFor,
		} );
		const posted: Posted = { title: saved.title, revid: saved.newrevid as number };
		if ( saved.newtimestamp ) {
			posted.timestamp = saved.newtimestamp;
		}
		return posted;
	} catch ( e ) {
		const found = isMentorshipError( e ) && e.details.maybeSaved ? await findPosted( client, post.page, poster, post.marker ) : null;
		if ( !found ) {
			throw e;
		}
		return found;
	}
}
