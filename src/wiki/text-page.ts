/**
 * Text pages (not JSON) edited under the store's save and error policy: what the deploy
 * script writes gadget pages with. Apart from Store so that no feature's first click
 * loads it.
 */

import { PageRead } from './client';
import { Attempts, Store, UNCHANGED } from './store';

/** A text page's change: the new text, or UNCHANGED. */
export type TextChange = ( current: string, exists: boolean ) => string | typeof UNCHANGED;

export interface TextEditOptions {
	/** Edit summary, or one for a page that exists and one for a page created. */
	summary: string | ( ( exists: boolean ) => string );
	/** The content model of a page created (default: the wiki's for the title). */
	contentmodel?: string;
	/** The page as just read (with its content): the first attempt starts from it. */
	initial?: PageRead;
}

export interface TextEditResult {
	changed: boolean;
	/** The page did not exist and was created. */
	created: boolean;
	revid?: number;
	/** Edits refused as conflicts, each followed by a fresh read and a new attempt. */
	conflicts: number;
}

/**
 * Reads a text page, changes its text and saves it with the baserevid of the revision
 * read (or creates it), reading again and re-applying the change after a conflict or a
 * lost response: the store's save and error policy, for pages that are not JSON.
 */
export async function editText( store: Store, title: string, change: TextChange, options: TextEditOptions ): Promise<TextEditResult> {
	const tries = new Attempts( title, store.maxAttempts );
	for ( let attempt = 0; attempt < store.maxAttempts; attempt++ ) {
		await store.backOff( attempt );
		const read = attempt === 0 && options.initial ? options.initial : await store.client.readPage( title );
		const next = change( read.exists ? read.content || '' : '', read.exists );
		if ( next === UNCHANGED ) {
			return { changed: tries.wrote, created: false, revid: read.revid, conflicts: tries.conflicts };
		}
		const summary = typeof options.summary === 'function' ? options.summary( read.exists ) : options.summary;
		try {
			const saved = await store.save( title, read, next as string, summary, options.contentmodel );
			return { changed: !saved.nochange, created: !read.exists, revid: saved.newrevid || read.revid, conflicts: tries.conflicts };
		} catch ( e ) {
			// After a lost answer, the next read tells whether it was saved (then the change finds nothing to do).
			tries.failed( e, attempt );
		}
	}
	throw tries.gaveUp();
}
