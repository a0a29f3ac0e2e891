/**
 * A program's dated snapshots against the wiki (core/snapshot.ts): listing them with the
 * author of each page's last revision (one request per 500 pages, no content), reading
 * only those a trend needs among the ones a coordinator wrote (one request), and
 * publishing one (the JSON page, then its wikitable) through the store.
 */

import { ProgramConfig } from '../core/format';
import {
	addDays, DEFAULT_TERM_DAYS, matchesListing, SNAPSHOT_WINDOW_DAYS, neededSnapshots, Snapshot, SNAPSHOT, SNAPSHOT_READ, SnapshotListing, SnapshotSetAside,
	snapshotDayOf, snapshotsPrefix, snapshotTableTitle, snapshotTitle, Trend, trendsOf, trustListing,
} from '../core/snapshot';
import { PROJECT_NAMESPACE } from '../core/titles';
import { PageKind } from '../core/format';
import { asArray, asRecord, WikiClient } from './client';
import { docsFrom, SetAside, Store, UpdateResult } from './store';
import { editText, TextEditResult } from './text-page';

/**
 * The snapshot pages of a program (JSON pages only), with their last revision, by day;
 * with `from` and `to` (days), only the titles between them (pages dated outside, whoever
 * made them, are not even listed).
 */
export async function listSnapshots( client: WikiClient, programId: string, from?: string, to?: string ): Promise<SnapshotListing[]> {
	const out: SnapshotListing[] = [];
	const prefix = snapshotsPrefix( programId );
	const params: Record<string, string | number> = {
		generator: 'allpages', gapnamespace: PROJECT_NAMESPACE, gapprefix: prefix, gaplimit: 'max',
		prop: 'revisions', rvprop: 'ids|user|timestamp',
	};
	if ( from ) {
		params.gapfrom = prefix + from;
	}
	if ( to ) {
		params.gapto = prefix + to + '.json';
	}
	await client.queryAll( params, ( response ) => {
		for ( const page of asArray( asRecord( response.query ).pages ) ) {
			const day = snapshotDayOf( String( page.title ), programId );
			const rev = asArray( page.revisions )[ 0 ];
			if ( !day || !rev ) {
				continue;
			}
			const listing: SnapshotListing = { title: snapshotTitle( programId, day ), day: day, revid: Number( rev.revid ), timestamp: String( rev.timestamp ) };
			if ( typeof rev.user === 'string' && !rev.userhidden ) {
				listing.user = rev.user;
			}
			out.push( listing );
		}
	} );
	return out.sort( ( a, b ) => a.day < b.day ? -1 : a.day > b.day ? 1 : 0 );
}

export interface SnapshotsData {
	/** Every snapshot page listed (those dated within the window), oldest first. */
	listed: SnapshotListing[];
	/** The pages within the window that a coordinator wrote last, oldest first. */
	trusted: SnapshotListing[];
	/** The snapshots read, by day (the latest, and those a term and a year before it). */
	read: Record<string, Snapshot>;
	/** Pages that do not count (not last written by a coordinator, invalid, or not the page they claim). */
	setAside: SnapshotSetAside[];
	/** Member entries set aside in the snapshots read. */
	entriesSetAside: { title: string; entry: SetAside }[];
	trends: Trend[];
	requests: number;
}

/**
 * Lists a program's snapshots and reads the ones its trends need. Requests: one per 500
 * snapshot pages for the list, then one for at most three snapshots.
 */
export async function loadSnapshots( client: WikiClient, programId: string, config: ProgramConfig, today: string ): Promise<SnapshotsData> {
	const before = client.requestCount;
	const listed = await listSnapshots( client, programId, addDays( today, -SNAPSHOT_WINDOW_DAYS ), today );
	const sorted = trustListing( listed, config.coordinators, today );
	const setAside = sorted.setAside;
	const termDays = config.termDays || DEFAULT_TERM_DAYS;
	const read: Record<string, Snapshot> = {};
	const entriesSetAside: { title: string; entry: SetAside }[] = [];
	let trusted = sorted.trusted;
	let needed = neededSnapshots( trusted, termDays );
	// A page that turns out invalid is set aside and the choice made again without it.
	for ( let round = 0; round < 5 && needed.end; round++ ) {
		const want: SnapshotListing[] = [];
		for ( const l of [ needed.end, needed.bases.term, needed.bases.year ] ) {
			if ( l && !read[ l.day ] && want.indexOf( l ) === -1 ) {
				want.push( l );
			}
		}
		if ( !want.length ) {
			break;
		}
		const titles = want.map( ( l ) => l.title );
		const docs = docsFrom( titles, await client.readPages( titles ), SNAPSHOT_READ );
		const bad: string[] = [];
		for ( const l of want ) {
			const doc = docs[ l.title ];
			// The revision read must be the one listed: one written since may be anyone's.
			if ( !doc || doc.error || !doc.value || doc.revid !== l.revid || !matchesListing( doc.value, l, programId ) ) {
				bad.push( l.title );
				const aside: SnapshotSetAside = { title: l.title, reason: doc && doc.value && doc.revid === l.revid ? 'mismatch' : 'invalid' };
				if ( l.user ) {
					aside.user = l.user;
				}
				setAside.push( aside );
				continue;
			}
			read[ l.day ] = doc.value;
			for ( const entry of doc.setAside || [] ) {
				entriesSetAside.push( { title: l.title, entry: entry } );
			}
		}
		if ( !bad.length ) {
			break;
		}
		trusted = trusted.filter( ( l ) => bad.indexOf( l.title ) === -1 );
		needed = neededSnapshots( trusted, termDays );
	}
	return {
		listed: listed,
		trusted: trusted,
		read: read,
		setAside: setAside,
		entriesSetAside: entriesSetAside,
		trends: trendsOf( read, needed, termDays ),
		requests: client.requestCount - before,
	};
}

export interface PublishResult {
	json: UpdateResult<Snapshot>;
	table: TextEditResult;
}

/**
 * Publishes a snapshot: its JSON page (created only if absent; a snapshot of the same day
 * is replaced with the baserevid of the revision read, re-read on a conflict; a page of
 * that name that is not a valid snapshot is never overwritten), then its wikitable page.
 */
export async function publishSnapshot( store: Store, snapshot: Snapshot, wikitext: string, summary: string ): Promise<PublishResult> {
	const kind: PageKind<Snapshot> = { name: SNAPSHOT.name, schema: SNAPSHOT.schema, empty: () => snapshot };
	const json = await store.update( snapshotTitle( snapshot.program, snapshot.date ), kind, () => snapshot, { summary: summary, create: true } );
	const table = await editText( store, snapshotTableTitle( snapshot.program, snapshot.date ), () => wikitext, { summary: summary, contentmodel: 'wikitext' } );
	return { json: json, table: table };
}

/** The snapshot page of a day as it is now (for the preview: does one exist, and whose). */
export async function existingSnapshot( client: WikiClient, programId: string, day: string ): Promise<SnapshotListing | null> {
	const title = snapshotTitle( programId, day );
	let found: SnapshotListing | null = null;
	await client.queryAll( { prop: 'revisions', titles: title, rvprop: 'ids|user|timestamp' }, ( response ) => {
		for ( const page of asArray( asRecord( response.query ).pages ) ) {
			const rev = asArray( page.revisions )[ 0 ];
			if ( rev ) {
				found = { title: title, day: day, revid: Number( rev.revid ), timestamp: String( rev.timestamp ) };
				if ( typeof rev.user === 'string' && !rev.userhidden ) {
					found.user = rev.user;
				}
			}
		}
	}, 1 );
	return found;
}
