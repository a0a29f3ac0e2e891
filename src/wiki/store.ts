/**
 * The store: every read and write of a structured (JSON) page goes through here.
 *
 * update() reads the page, validates it, applies a change and saves it with the baserevid
 * of the revision it read. On an edit conflict it reads again and re-applies the change;
 * when the wiki merged our text with someone else's, it reads the result back and checks
 * that it is valid and still holds the change, repairing it if not. A page that does not
 * match the schema is never overwritten. Changes must be idempotent (set this, add that if
 * absent): a retry after a lost response then finds the change applied and writes nothing.
 *
 * editText() does the same for a text page (deploy's gadget pages), without a schema:
 * the same save, back-off and error policy (isConflict, isLost in src/core/errors.ts).
 */

import { isConflict, isLost, isMentorshipError, MentorshipError } from '../core/errors';
import { PageKind } from '../core/format';
import { clone, deepEqual, isPlainObject, own, parseJson, toPageText } from '../core/json';
import { describeIssue, describeValue, Issue, joinPath, validate } from '../core/schema';
import { EditResult, PageRead, WikiClient } from './client';

export interface Doc<T> {
	/** The title as it was asked for. */
	title: string;
	exists: boolean;
	/** Revision read (absent when the page does not exist). */
	revid?: number;
	value: T | null;
	/** Entries that did not validate: left out of `value`, kept in the page by every write. */
	setAside?: SetAside[];
	/** The order of a record's entries in the page (to put those set aside back in place). */
	entryOrder?: string[];
}

/** An invalid entry of a page (a roster member, an invitation record), set aside on its own. */
export interface SetAside {
	/** The member's name (a record's key) or the record's position (a list's index). */
	key: string | number;
	/** The entry as the page holds it. */
	value: unknown;
	issues: Issue[];
}

/**
 * Splits a page's entries into the valid ones and those set aside (see PageKind.entries).
 * Only when the page itself is readable (an object of the right version whose entries are
 * a record or a list); otherwise the whole page is validated, and refused, as before.
 */
export function splitEntries( kind: PageKind<unknown>, parsed: unknown ): { value: unknown; setAside: SetAside[] } {
	const spec = kind.entries;
	if ( !spec || !isPlainObject( parsed ) || parsed.version !== 1 ) {
		return { value: parsed, setAside: [] };
	}
	const entries = parsed[ spec.field ];
	const setAside: SetAside[] = [];
	const copy: Record<string, unknown> = {};
	for ( const k in parsed ) {
		if ( own( parsed, k ) ) {
			copy[ k ] = parsed[ k ];
		}
	}
	if ( spec.key && isPlainObject( entries ) ) {
		const kept: Record<string, unknown> = {};
		for ( const name in entries ) {
			if ( own( entries, name ) ) {
				const issues: Issue[] = [];
				const path = joinPath( spec.field, name );
				spec.key.check( name, path, issues );
				if ( issues.length ) {
					( issues[ 0 ] as Issue ).got = describeValue( name ) + ' as a key';
				}
				spec.item.check( entries[ name ], path, issues );
				if ( issues.length ) {
					setAside.push( { key: name, value: entries[ name ], issues: issues } );
				} else {
					kept[ name ] = entries[ name ];
				}
			}
		}
		copy[ spec.field ] = kept;
	} else if ( !spec.key && Array.isArray( entries ) ) {
		const kept: unknown[] = [];
		entries.forEach( ( entry, i ) => {
			const issues: Issue[] = [];
			spec.item.check( entry, joinPath( spec.field, i ), issues );
			if ( issues.length ) {
				setAside.push( { key: i, value: entry, issues: issues } );
			} else {
				kept.push( entry );
			}
		} );
		copy[ spec.field ] = kept;
	} else {
		return { value: parsed, setAside: [] };
	}
	return { value: copy, setAside: setAside };
}

/**
 * The value to save with the entries set aside put back, untouched: a record's at their
 * place among the keys they stood between, a list's at their index. An entry the change
 * replaced (a valid entry now under the same name) is not put back.
 */
export function withSetAside<T>( kind: PageKind<T>, value: T, setAside: SetAside[] | undefined, originalOrder?: string[] ): T {
	const spec = kind.entries;
	if ( !spec || !setAside || !setAside.length || !isPlainObject( value ) ) {
		return value;
	}
	const out: Record<string, unknown> = {};
	for ( const k in value ) {
		if ( own( value, k ) ) {
			out[ k ] = value[ k ];
		}
	}
	const entries = value[ spec.field ];
	if ( spec.key && isPlainObject( entries ) ) {
		const order = Object.keys( entries );
		const original = originalOrder || [];
		for ( const aside of setAside ) {
			const name = String( aside.key );
			if ( own( entries, name ) ) {
				continue;
			}
			// Before the first key that followed it in the page, if still there.
			const at = original.indexOf( name );
			let before = -1;
			if ( at !== -1 ) {
				for ( let i = at + 1; i < original.length && before === -1; i++ ) {
					before = order.indexOf( original[ i ] as string );
				}
			}
			if ( before === -1 ) {
				order.push( name );
			} else {
				order.splice( before, 0, name );
			}
		}
		const merged: Record<string, unknown> = {};
		const byName: Record<string, unknown> = {};
		for ( const aside of setAside ) {
			byName[ '#' + aside.key ] = aside.value;
		}
		for ( const name of order ) {
			merged[ name ] = own( entries, name ) ? entries[ name ] : byName[ '#' + name ];
		}
		out[ spec.field ] = merged;
	} else if ( !spec.key && Array.isArray( entries ) ) {
		const list = entries.slice();
		for ( const aside of setAside.slice().sort( ( a, b ) => ( a.key as number ) - ( b.key as number ) ) ) {
			list.splice( Math.min( aside.key as number, list.length ), 0, aside.value );
		}
		out[ spec.field ] = list;
	}
	return out as unknown as T;
}

export interface DocResult<T> extends Doc<T> {
	/** Set when the page exists but cannot be used (wrong content model, invalid data). */
	error?: MentorshipError;
}

/** Return from a change to say that nothing needs to be written. */
export const UNCHANGED: { readonly unchanged: true } = { unchanged: true };
export type Change<T> = ( current: T, exists: boolean ) => T | typeof UNCHANGED;

export interface UpdateOptions<T> {
	/** Edit summary. */
	summary: string;
	/** Create the page from kind.empty() when it does not exist (default: when kind has one). */
	create?: boolean;
	/**
	 * The page as it was just read (for example when a dialog opened): the first attempt
	 * starts from it instead of reading again. A conflict still leads to a fresh read.
	 */
	initial?: Doc<T>;
	/** Drop the entries set aside instead of keeping them (a coordinator's repair). */
	dropSetAside?: boolean;
}

export interface UpdateResult<T> {
	value: T;
	revid?: number;
	/** False when the change was already applied (nothing was written). */
	changed: boolean;
	/** Edits refused as conflicts, each followed by a fresh read and a new attempt. */
	conflicts: number;
	/** The wiki merged our edit with another one (and we checked the result). */
	merged: boolean;
	/** The merged text had to be repaired. */
	repaired: boolean;
}

export interface StoreOptions {
	maxAttempts?: number;
	/** A source of randomness for the back-off between attempts (tests pass a fixed one). */
	random?: () => number;
}

export function invalidPage( title: string, kindName: string, issues: Issue[] ): MentorshipError {
	const first = issues[ 0 ] as Issue;
	const detail = issues.map( describeIssue ).join( '; ' );
	return new MentorshipError( 'invalid', 'invalid-data', kindName + ': ' + detail,
		[ title, first.path || kindName, describeIssue( first ) ], { page: title, issues: issues } );
}

/** Turns a page as read into a document, refusing a wrong content model or invalid data. */
export function toDoc<T>( read: PageRead, kind: PageKind<T> ): Doc<T> {
	const doc: Doc<T> = { title: read.requested, exists: read.exists, value: null };
	if ( read.invalid ) {
		throw new MentorshipError( 'invalid', 'invalidtitle', read.invalid, [ read.requested, '', read.invalid ], { page: read.requested } );
	}
	if ( !read.exists ) {
		return doc;
	}
	doc.revid = read.revid;
	if ( read.contentmodel !== 'json' ) {
		throw new MentorshipError( 'contentmodel', 'wrong-contentmodel',
			read.requested + ' has content model ' + read.contentmodel + ', not json',
			[ read.requested, String( read.contentmodel ) ], { page: read.requested } );
	}
	const parsed = parseJson( read.content || '' );
	if ( !parsed.ok ) {
		throw invalidPage( read.requested, kind.name, [ { path: '', expected: 'object', got: 'text that is not JSON' } ] );
	}
	const split = splitEntries( kind as PageKind<unknown>, parsed.value );
	const checked = validate( kind.schema, split.value );
	if ( !checked.ok ) {
		throw invalidPage( read.requested, kind.name, checked.issues );
	}
	doc.value = checked.value;
	if ( split.setAside.length ) {
		doc.setAside = split.setAside;
		const spec = kind.entries as { field: string };
		const entries = ( parsed.value as Record<string, unknown> )[ spec.field ];
		if ( isPlainObject( entries ) ) {
			doc.entryOrder = Object.keys( entries );
		}
	}
	return doc;
}

/**
 * The attempts of one write (Store.update, Store.editText) under the error policy of
 * src/core/errors.ts: a conflict, or a lost answer while attempts remain, is tried again
 * from a fresh read; anything else is thrown.
 */
export class Attempts {
	/** Edits refused as conflicts. */
	public conflicts = 0;
	/** A save whose answer was lost (or that the wiki merged) may have written. */
	public wrote = false;
	private readonly title: string;
	private readonly max: number;
	private lastError: MentorshipError | undefined;

	public constructor( title: string, max: number ) {
		this.title = title;
		this.max = max;
	}

	/** After a failed save: returns to try again, or throws what no new attempt can change. */
	public failed( e: unknown, attempt: number ): void {
		if ( isConflict( e ) ) {
			this.conflicts++;
		} else if ( isLost( e ) && attempt + 1 < this.max ) {
			// The edit may have been saved: the next read tells, and the change is not applied twice.
			this.wrote = true;
		} else {
			throw e;
		}
		this.lastError = e;
	}

	public gaveUp(): MentorshipError {
		return new MentorshipError( 'retries', 'too-many-conflicts',
			'Gave up on ' + this.title + ' after ' + this.max + ' attempts' + ( this.lastError ? ' (' + this.lastError.code + ')' : '' ),
			[ this.title ], { page: this.title } );
	}
}

export class Store {
	public readonly client: WikiClient;
	/** Attempts of one write (reads, changes and saves) before giving up. */
	public readonly maxAttempts: number;
	private readonly random: () => number;

	public constructor( client: WikiClient, options: StoreOptions = {} ) {
		this.client = client;
		this.maxAttempts = options.maxAttempts || 12;
		this.random = options.random || Math.random;
	}

	public async read<T>( title: string, kind: PageKind<T> ): Promise<Doc<T>> {
		return toDoc( await this.client.readPage( title ), kind );
	}

	/**
	 * Reads many pages of one kind in batches. A page that cannot be used does not fail
	 * the others: its result carries the error.
	 */
	public async readMany<T>( titles: string[], kind: PageKind<T> ): Promise<Record<string, DocResult<T>>> {
		const pages = await this.client.readPages( titles );
		return docsFrom( titles, pages, kind );
	}

	/** Reads, changes and saves a page, safely under concurrent edits (see the file comment). */
	public async update<T>( title: string, kind: PageKind<T>, change: Change<T>, options: UpdateOptions<T> ): Promise<UpdateResult<T>> {
		const create = options.create !== undefined ? options.create : !!kind.empty;
		const tries = new Attempts( title, this.maxAttempts );
		let merged = false;
		let repaired = false;
		// Set after the wiki merged our edit: invalid content is then ours to repair.
		let checkMerge = false;
		// Entries set aside in the revision our last edit was based on (a merge must not add any).
		let asideBefore = 0;
		for ( let attempt = 0; attempt < this.maxAttempts; attempt++ ) {
			await this.backOff( attempt );
			const initial = attempt === 0 ? options.initial : undefined;
			const read: PageRead = initial ? { requested: title, title: title, exists: initial.exists, revid: initial.revid } : await this.client.readPage( title );
			let doc: Doc<T>;
			try {
				doc = initial || toDoc( read, kind );
				if ( checkMerge && ( doc.setAside ? doc.setAside.length : 0 ) > asideBefore ) {
					// The merge broke an entry (ours or another's): repair as for an invalid page.
					throw invalidPage( title, kind.name, ( doc.setAside as SetAside[] )[ 0 ]!.issues );
				}
			} catch ( e ) {
				if ( checkMerge && isMentorshipError( e, 'invalid' ) && read.revid ) {
					// Our edit was merged into something invalid: rebuild from the revision before it.
					await this.repairMerge( title, kind, change, read.revid, options.summary );
					repaired = true;
					checkMerge = false;
					continue;
				}
				throw e;
			}
			if ( !doc.exists && !create ) {
				throw new MentorshipError( 'missing', 'missingtitle', title + ' does not exist', [ title ], { page: title } );
			}
			if ( doc.value === null && !kind.empty ) {
				throw new MentorshipError( 'missing', 'missingtitle', title + ' does not exist and cannot be made empty', [ title ], { page: title } );
			}
			const current: T = doc.value !== null ? doc.value : ( kind.empty as () => T )();
			const next = change( clone( current ), doc.exists );
			const dropping = !!options.dropSetAside && !!doc.setAside && doc.setAside.length > 0;
			if ( !dropping && ( next === UNCHANGED || ( doc.exists && deepEqual( next, current ) ) ) ) {
				return { value: current, revid: doc.revid, changed: tries.wrote, conflicts: tries.conflicts, merged: merged, repaired: repaired };
			}
			const value = ( next === UNCHANGED ? current : next ) as T;
			const checked = validate( kind.schema, value );
			if ( !checked.ok ) {
				throw invalidPage( title, kind.name, checked.issues );
			}
			asideBefore = doc.setAside ? doc.setAside.length : 0;
			// Entries set aside stay in the page as they are: one bad entry stops nobody.
			const text = toPageText( options.dropSetAside ? value : withSetAside( kind, value, doc.setAside, doc.entryOrder ) );
			try {
				const saved = await this.save( title, doc, text, options.summary, 'json' );
				if ( saved.nochange ) {
					return { value: value, revid: doc.revid, changed: false, conflicts: tries.conflicts, merged: merged, repaired: repaired };
				}
				if ( doc.exists && saved.oldrevid !== undefined && saved.oldrevid !== doc.revid ) {
					// Someone saved in between and the wiki merged the texts: check the result.
					merged = true;
					tries.wrote = true;
					checkMerge = true;
					continue;
				}
				return { value: value, revid: saved.newrevid, changed: true, conflicts: tries.conflicts, merged: merged, repaired: repaired };
			} catch ( e ) {
				// After a lost answer, if the next read shows the change, it is ours: reported as written.
				tries.failed( e, attempt );
			}
		}
		throw tries.gaveUp();
	}

	/** Before each attempt after the first: a little, at random, so that competing writers spread out. */
	public backOff( attempt: number ): Promise<void> {
		return attempt > 0 ? this.client.clock.sleep( Math.floor( this.random() * 100 * Math.min( attempt, 5 ) ) ) : Promise.resolve();
	}

	/** Saves a page's new text against the revision read, or creates it when it did not exist. */
	public save( title: string, read: { exists: boolean; revid?: number }, text: string, summary: string, contentmodel?: string ): Promise<EditResult> {
		return this.client.edit( read.exists ? {
			title: title, text: text, summary: summary, baserevid: read.revid, nocreate: true,
		} : {
			title: title, text: text, summary: summary, createonly: true, contentmodel: contentmodel,
		} );
	}

	/**
	 * The wiki merged our edit into text that is no longer valid. Rebuild from the revision
	 * before ours (valid: it was the latest when we saved) and apply the change again.
	 */
	private async repairMerge<T>( title: string, kind: PageKind<T>, change: Change<T>, badRevid: number, summary: string ): Promise<void> {
		const response = await this.client.get( {
			action: 'query', prop: 'revisions', titles: title, rvprop: 'ids|content|contentmodel',
			rvslots: 'main', rvstartid: badRevid, rvlimit: 2,
		}, title );
		const pages = ( ( response.query || {} ) as { pages?: { revisions?: { revid: number; slots?: { main?: { content?: string; contentmodel?: string } } }[] }[] } ).pages || [];
		const revisions = ( pages[ 0 ] && pages[ 0 ].revisions ) || [];
		const previous = revisions[ 1 ];
		if ( !previous || !previous.slots || !previous.slots.main ) {
			throw new MentorshipError( 'invalid', 'merge-unrepairable', 'Cannot repair ' + title, [ title, '', 'merge' ], { page: title } );
		}
		const doc = toDoc( {
			requested: title, title: title, exists: true, revid: previous.revid,
			contentmodel: previous.slots.main.contentmodel, content: previous.slots.main.content,
		}, kind );
		const next = change( clone( doc.value as T ), true );
		const value = next === UNCHANGED ? doc.value as T : next as T;
		const checked = validate( kind.schema, value );
		if ( !checked.ok ) {
			throw invalidPage( title, kind.name, checked.issues );
		}
		try {
			await this.client.edit( { title: title, text: toPageText( withSetAside( kind, value, doc.setAside, doc.entryOrder ) ), summary: summary, baserevid: badRevid, nocreate: true } );
		} catch ( e ) {
			if ( !isMentorshipError( e, 'editconflict' ) ) {
				throw e;
			}
			// Someone else saved after the bad merge; the caller's loop reads and checks again.
		}
	}
}

export function docsFrom<T>( titles: string[], pages: Record<string, PageRead>, kind: PageKind<T> ): Record<string, DocResult<T>> {
	const out: Record<string, DocResult<T>> = {};
	for ( const title of titles ) {
		const read = pages[ title ] || { requested: title, title: title, exists: false };
		try {
			out[ title ] = toDoc( read, kind );
		} catch ( e ) {
			if ( !isMentorshipError( e ) ) {
				throw e;
			}
			const failed: DocResult<T> = { title: title, exists: read.exists, value: null, error: e };
			if ( read.revid !== undefined ) {
				failed.revid = read.revid;
			}
			out[ title ] = failed;
		}
	}
	return out;
}
