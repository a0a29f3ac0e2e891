/**
 * The store: every read and write of a structured (JSON) page goes through here.
 *
 * update() reads the page, validates it, applies a change and saves it with the baserevid
 * of the revision it read. On an edit conflict it reads again and re-applies the change;
 * when the wiki merged our text with someone else's, it reads the result back and checks
 * that it is valid and still holds the change, repairing it if not. A page that does not
 * match the schema is never overwritten. Changes must be idempotent (set this, add that if
 * absent): a retry after a lost response then finds the change applied and writes nothing.
 */

import { MentorshipError, isMentorshipError } from '../core/errors';
import { PageKind } from '../core/format';
import { clone, deepEqual, parseJson, toPageText } from '../core/json';
import { describeIssue, Issue, validate } from '../core/schema';
import { PageRead, WikiClient } from './client';

export interface Doc<T> {
	/** The title as it was asked for. */
	title: string;
	exists: boolean;
	/** Revision read (absent when the page does not exist). */
	revid?: number;
	value: T | null;
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
	const checked = validate( kind.schema, parsed.value );
	if ( !checked.ok ) {
		throw invalidPage( read.requested, kind.name, checked.issues );
	}
	doc.value = checked.value;
	return doc;
}

export class Store {
	public readonly client: WikiClient;
	private readonly maxAttempts: number;
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

	/**
	 * Creates a page with `value` unless it exists (then the existing one is returned and
	 * nothing is written): a retry after a lost response creates nothing twice.
	 */
	public async create<T>( title: string, kind: PageKind<T>, value: T, summary: string ): Promise<UpdateResult<T>> {
		const checked = validate( kind.schema, value );
		if ( !checked.ok ) {
			throw invalidPage( title, kind.name, checked.issues );
		}
		for ( let attempt = 0; attempt < this.maxAttempts; attempt++ ) {
			const doc = await this.read( title, kind );
			if ( doc.exists && doc.value !== null ) {
				return { value: doc.value, revid: doc.revid, changed: false, conflicts: 0, merged: false, repaired: false };
			}
			try {
				const saved = await this.client.edit( {
					title: title, text: toPageText( value ), summary: summary, createonly: true, contentmodel: 'json',
				} );
				return { value: value, revid: saved.newrevid, changed: true, conflicts: 0, merged: false, repaired: false };
			} catch ( e ) {
				if ( !isMentorshipError( e ) || ( e.kind !== 'exists' && e.kind !== 'network' && e.kind !== 'timeout' ) ) {
					throw e;
				}
			}
		}
		throw new MentorshipError( 'retries', 'too-many-attempts', 'Gave up creating ' + title, [ title ], { page: title } );
	}

	/** Reads, changes and saves a page, safely under concurrent edits (see the file comment). */
	public async update<T>( title: string, kind: PageKind<T>, change: Change<T>, options: UpdateOptions<T> ): Promise<UpdateResult<T>> {
		const create = options.create !== undefined ? options.create : !!kind.empty;
		let conflicts = 0;
		let merged = false;
		let repaired = false;
		let wrote = false;
		// Set after the wiki merged our edit: invalid content is then ours to repair.
		let checkMerge = false;
		let lastError: MentorshipError | undefined;
		for ( let attempt = 0; attempt < this.maxAttempts; attempt++ ) {
			if ( attempt > 0 ) {
				// Back off a little, at random, so that competing writers spread out.
				await this.client.clock.sleep( Math.floor( this.random() * 100 * Math.min( attempt, 5 ) ) );
			}
			const initial = attempt === 0 ? options.initial : undefined;
			const read: PageRead = initial ? { requested: title, title: title, exists: initial.exists, revid: initial.revid } : await this.client.readPage( title );
			let doc: Doc<T>;
			try {
				doc = initial || toDoc( read, kind );
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
			if ( next === UNCHANGED || ( doc.exists && deepEqual( next, current ) ) ) {
				return { value: current, revid: doc.revid, changed: wrote, conflicts: conflicts, merged: merged, repaired: repaired };
			}
			const value = next as T;
			const checked = validate( kind.schema, value );
			if ( !checked.ok ) {
				throw invalidPage( title, kind.name, checked.issues );
			}
			try {
				const saved = await this.client.edit( doc.exists ? {
					title: title,
					text: toPageText( value ),
					summary: options.summary,
					baserevid: doc.revid,
					nocreate: true,
				} : {
					title: title,
					text: toPageText( value ),
					summary: options.summary,
					createonly: true,
					contentmodel: 'json',
				} );
				if ( saved.nochange ) {
					return { value: value, revid: doc.revid, changed: false, conflicts: conflicts, merged: merged, repaired: repaired };
				}
				if ( doc.exists && saved.oldrevid !== undefined && saved.oldrevid !== doc.revid ) {
					// Someone saved in between and the wiki merged the texts: check the result.
					merged = true;
					wrote = true;
					checkMerge = true;
					continue;
				}
				return { value: value, revid: saved.newrevid, changed: true, conflicts: conflicts, merged: merged, repaired: repaired };
			} catch ( e ) {
				if ( !isMentorshipError( e ) ) {
					throw e;
				}
				lastError = e;
				if ( e.kind === 'editconflict' || e.kind === 'exists' || e.kind === 'missing' ) {
					conflicts++;
					continue;
				}
				if ( ( e.kind === 'network' || e.kind === 'timeout' ) && attempt + 1 < this.maxAttempts ) {
					// If the next read shows the change, it is ours: report it as written.
					wrote = true;
					// The edit may have been saved: the next read tells, and the change is not applied twice.
					continue;
				}
				throw e;
			}
		}
		throw new MentorshipError( 'retries', 'too-many-conflicts',
			'Gave up on ' + title + ' after ' + this.maxAttempts + ' attempts' + ( lastError ? ' (' + lastError.code + ')' : '' ),
			[ title ], { page: title } );
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
			await this.client.edit( { title: title, text: toPageText( value ), summary: summary, baserevid: badRevid, nocreate: true } );
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
