/**
 * Creating a JSON page of one kind unless it exists (a new program's config.json and
 * roster.json): the console's, apart from Store so that the other first clicks do not
 * load it.
 */

import { isConflict, isLost, MentorshipError } from '../core/errors';
import { PageKind } from '../core/format';
import { toPageText } from '../core/json';
import { validate } from '../core/schema';
import { invalidPage, Store, UpdateResult } from './store';

/**
 * Creates a page with `value` unless it exists (then the existing one is returned and
 * nothing is written): a retry after a lost response creates nothing twice.
 */
export async function createPage<T>( store: Store, title: string, kind: PageKind<T>, value: T, summary: string ): Promise<UpdateResult<T>> {
	const checked = validate( kind.schema, value );
	if ( !checked.ok ) {
		throw invalidPage( title, kind.name, checked.issues );
	}
	for ( let attempt = 0; attempt < store.maxAttempts; attempt++ ) {
		const doc = await store.read( title, kind );
		if ( doc.exists && doc.value !== null ) {
			return { value: doc.value, revid: doc.revid, changed: false, conflicts: 0, merged: false, repaired: false };
		}
		try {
			const saved = await store.client.edit( {
				title: title, text: toPageText( value ), summary: summary, createonly: true, contentmodel: 'json',
			} );
			return { value: value, revid: saved.newrevid, changed: true, conflicts: 0, merged: false, repaired: false };
		} catch ( e ) {
			if ( !isConflict( e ) && !isLost( e ) ) {
				throw e;
			}
		}
	}
	throw new MentorshipError( 'retries', 'too-many-attempts', 'Gave up creating ' + title, [ title ], { page: title } );
}
