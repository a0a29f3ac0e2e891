/**
 * Dated snapshots of a program (issue 18): what the dashboard showed on a day, published
 * by a coordinator as Project:Mentorship/Programs/ID/snapshots/YYYY-MM-DD.json (with a
 * wikitable beside it, .../snapshots/YYYY-MM-DD), and the trends across them: stage
 * changes, attrition, graduations and leadership steps over a term and a year, as the
 * seeds' pilot reported them (001: "at the end of the project, 6 of the mentees have taken
 * on some new leadership-related task … a year after, 12 … attrition is less than 25%").
 *
 * A snapshot counts only when its page was last edited by a coordinator of the program (by
 * the config in force); any other page is set aside without its content being read, and a
 * snapshot's invalid member entries are set aside one by one. Only the snapshots a trend
 * needs are read (the latest, and the one a term and a year before it), so the cost of
 * reading does not grow with pages nobody confirmed.
 */

import { DashboardSummary, MemberRow } from './dashboard';
import { Cell, toWikitable } from './export';
import { PageKind, ROLES } from './format';
import { isLeadership, Stage, STAGES } from './stages';
import { date, id, Infer, num, object, oneOf, optional, record, text, timestamp, username, version1 } from './schema';
import { programPrefix } from './titles';
import { escapeBlock, fillTemplate, signature, userLink } from './wikitext';
import { compareNames } from './names';

export const SNAPSHOT_STATUSES = [ 'active', 'inactive', 'left' ] as const;
export type SnapshotStatus = typeof SNAPSHOT_STATUSES[ number ];

const count = num( { integer: true, min: 0 } );

export const snapshotMemberSchema = object( {
	role: oneOf( ROLES ),
	status: oneOf( SNAPSHOT_STATUSES ),
	/** Absent when the account is unknown (renamed or deleted). */
	stage: optional( oneOf( STAGES ) ),
	joined: timestamp,
	/** Milestones reached in the program that count (recorded by a coordinator or the confirmed mentor, or shown by the wiki). */
	milestones: count,
	/** Of those, leadership steps (not editing milestones). */
	leadership: count,
	/** When the member graduated, if a graduation the mentor or a coordinator confirmed says so. */
	graduated: optional( date ),
}, 'One confirmed member on the snapshot\'s day' );

export const snapshotSchema = object( {
	version: version1,
	program: id,
	date: date,
	time: timestamp,
	by: username,
	/** The coordinator's note, shown with the table. */
	note: optional( text( 300 ) ),
	totals: object( {
		mentors: count,
		mentees: count,
		left: count,
		inactive: count,
		unconfirmed: count,
		stages: object( { nascent: count, emerging: count, expanding: count, elevated: count } ),
		milestones: count,
		leadership: count,
		/** Mentees with at least one leadership step. */
		leaders: count,
		graduations: count,
	} ),
	members: record( username, snapshotMemberSchema ),
}, 'Project:Mentorship/Programs/ID/snapshots/YYYY-MM-DD.json: the program on that day, written by a coordinator' );

export type SnapshotMember = Infer<typeof snapshotMemberSchema>;
export type Snapshot = Infer<typeof snapshotSchema>;

/** Writing: the whole page is the snapshot (an existing page that does not validate is never overwritten). */
export const SNAPSHOT: PageKind<Snapshot> = { name: 'snapshot.json', schema: snapshotSchema };
/** Reading: an invalid member entry is set aside on its own; the others count. */
export const SNAPSHOT_READ: PageKind<Snapshot> = {
	name: 'snapshot.json',
	schema: snapshotSchema,
	entries: { field: 'members', key: username, item: snapshotMemberSchema },
};

/** The folder of a program's snapshots (relative to the project namespace, for listing by prefix). */
export function snapshotsPrefix( programId: string ): string {
	return programPrefix( programId ).replace( /^Project:/, '' ) + 'snapshots/';
}

/** `day` is YYYY-MM-DD. */
export function snapshotTitle( programId: string, day: string ): string {
	return programPrefix( programId ) + 'snapshots/' + day + '.json';
}

/** The wikitable page beside the JSON page. */
export function snapshotTableTitle( programId: string, day: string ): string {
	return programPrefix( programId ) + 'snapshots/' + day;
}

/** The day of a snapshot page, from its title as the wiki reports it (any name of the project namespace), or null. */
export function snapshotDayOf( title: string, programId: string ): string | null {
	const tail = '/Programs/' + programId + '/snapshots/';
	const at = title.indexOf( tail );
	if ( at === -1 ) {
		return null;
	}
	const m = /^(\d{4}-\d{2}-\d{2})\.json$/.exec( title.slice( at + tail.length ) );
	return m ? m[ 1 ] as string : null;
}

// ---- Building a snapshot ------------------------------------------------------------------

export interface SnapshotInput {
	programId: string;
	/** ISO timestamp of the publication. */
	now: string;
	by: string;
	rows: MemberRow[];
	summary: DashboardSummary;
	note?: string;
	/**
	 * Graduations the mentor or a coordinator confirmed, by member: the day (YYYY-MM-DD).
	 * Without it, a member's first `graduated` milestone among those that count for them.
	 */
	graduates?: Record<string, string>;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The day of a member's first graduation among the milestones that count for them (the dashboard's trusted list). */
function graduatedOn( row: MemberRow ): string | undefined {
	const times = row.recorded.filter( ( m ) => m.type === 'graduated' ).map( ( m ) => m.time ).sort();
	return times.length ? ( times[ 0 ] as string ).slice( 0, 10 ) : undefined;
}

/**
 * The snapshot of the dashboard: one entry per confirmed member (the unconfirmed are only
 * counted), with the milestones that count (as the dashboard counts them: recorded by a
 * coordinator or the confirmed mentor since joining, and those the wiki shows).
 */
export function buildSnapshot( input: SnapshotInput ): Snapshot {
	const members: Record<string, SnapshotMember> = {};
	const stages = { nascent: 0, emerging: 0, expanding: 0, elevated: 0 };
	let milestones = 0;
	let leadership = 0;
	let leaders = 0;
	let graduations = 0;
	let unconfirmed = 0;
	const rows = input.rows.slice().sort( ( a, b ) => compareNames( a.name, b.name ) );
	for ( const row of rows ) {
		if ( row.status === 'unconfirmed' ) {
			unconfirmed++;
			continue;
		}
		const recorded = row.recorded.filter( ( m ) => m.time >= row.joined );
		const detected = row.detected.filter( ( d ) => !d.time || d.time >= row.joined );
		const steps = recorded.filter( isLeadership ).length + detected.length;
		const entry: SnapshotMember = {
			role: row.role,
			status: row.status,
			joined: row.joined,
			milestones: recorded.length + detected.length,
			leadership: steps,
		};
		if ( row.stage ) {
			entry.stage = row.stage.stage;
			if ( row.status !== 'left' ) {
				stages[ row.stage.stage ]++;
			}
		}
		const graduated = input.graduates && hasOwn.call( input.graduates, row.name ) ? input.graduates[ row.name ] : graduatedOn( row );
		if ( graduated ) {
			entry.graduated = graduated;
			graduations++;
		}
		milestones += entry.milestones;
		leadership += steps;
		if ( row.role === 'mentee' && steps ) {
			leaders++;
		}
		members[ row.name ] = entry;
	}
	const s = input.summary;
	const snapshot: Snapshot = {
		version: 1,
		program: input.programId,
		date: input.now.slice( 0, 10 ),
		time: input.now,
		by: input.by,
		totals: {
			mentors: s.counts.mentors,
			mentees: s.counts.mentees,
			left: s.counts.left,
			inactive: s.inactive.length,
			unconfirmed: unconfirmed,
			stages: stages,
			milestones: milestones,
			leadership: leadership,
			leaders: leaders,
			graduations: graduations,
		},
		members: members,
	};
	if ( input.note ) {
		snapshot.note = input.note;
	}
	return snapshot;
}

/** What the wikitable says, in the language of the wiki (the UI passes its messages). */
export interface TableLabels {
	caption: string;
	columns: string[];
	role: ( role: SnapshotMember[ 'role' ] ) => string;
	status: ( status: SnapshotStatus ) => string;
	stage: ( stage: Stage | undefined ) => string;
	/** The totals' row: its first cell. */
	totals: string;
	/** The line under the table, with $1 for the publisher's signature. */
	footer: string;
}

/**
 * The snapshot's page in wikitext: the coordinator's note (shown as typed), a wikitable
 * with a row per member (name, role, status, stage, milestones, leadership steps,
 * graduated) and the totals, then a signed line. Every text is escaped (toWikitable).
 */
export function snapshotWikitable( snapshot: Snapshot, labels: TableLabels ): string {
	const rows: Cell[][] = [];
	for ( const name of Object.keys( snapshot.members ) ) {
		const m = snapshot.members[ name ] as SnapshotMember;
		rows.push( [
			{ text: name, wikitext: userLink( name ) },
			labels.role( m.role ),
			labels.status( m.status ),
			labels.stage( m.stage ),
			String( m.milestones ),
			String( m.leadership ),
			m.graduated || '',
		] );
	}
	const t = snapshot.totals;
	rows.push( [ labels.totals, String( t.mentors + t.mentees ), String( t.left ), '', String( t.milestones ), String( t.leadership ), String( t.graduations ) ] );
	const parts = [ toWikitable( labels.caption, labels.columns, rows ), fillTemplate( labels.footer, [ signature() ] ) ];
	if ( snapshot.note ) {
		parts.unshift( escapeBlock( snapshot.note ) );
	}
	return parts.join( '\n\n' );
}

// ---- Which snapshots count ------------------------------------------------------------------

/** A snapshot page as listed (no content): its day and its last revision. */
export interface SnapshotListing {
	title: string;
	day: string;
	revid: number;
	/** The last revision's author; absent when hidden. */
	user?: string;
	timestamp: string;
}

export type SetAsideReason = 'author' | 'invalid' | 'mismatch';

/** A snapshot page that does not count, and why. */
export interface SnapshotSetAside {
	title: string;
	reason: SetAsideReason;
	user?: string;
}

/** How far back trends look: a year, with a month's slack for a snapshot published late. */
export const SNAPSHOT_WINDOW_DAYS = 400;

const DAY_MS = 86400000;

function dayMs( day: string ): number {
	return Date.parse( day + 'T00:00:00Z' );
}

export function addDays( day: string, days: number ): string {
	return new Date( dayMs( day ) + days * DAY_MS ).toISOString().slice( 0, 10 );
}

/**
 * Sorts the listed pages of the window (`today` back SNAPSHOT_WINDOW_DAYS days, by their
 * day) into those whose last revision a coordinator made (`trusted`, oldest first) and the
 * others (set aside: their content is never read). Pages outside the window are ignored.
 */
export function trustListing( listing: SnapshotListing[], coordinators: string[], today: string ): { trusted: SnapshotListing[]; setAside: SnapshotSetAside[] } {
	const from = addDays( today, -SNAPSHOT_WINDOW_DAYS );
	const trusted: SnapshotListing[] = [];
	const setAside: SnapshotSetAside[] = [];
	for ( const l of listing ) {
		if ( l.day < from || l.day > today ) {
			continue;
		}
		if ( l.user && coordinators.indexOf( l.user ) !== -1 ) {
			trusted.push( l );
		} else {
			const aside: SnapshotSetAside = { title: l.title, reason: 'author' };
			if ( l.user ) {
				aside.user = l.user;
			}
			setAside.push( aside );
		}
	}
	trusted.sort( ( a, b ) => a.day < b.day ? -1 : a.day > b.day ? 1 : 0 );
	return { trusted: trusted, setAside: setAside };
}

/** The term's length when the program sets none (the seeds' cohort: three months). */
export const DEFAULT_TERM_DAYS = 90;

export type PeriodKind = 'term' | 'year';

/**
 * The snapshots a trend needs, among the trusted (oldest first): the latest, and for each
 * period the latest one at least that long before it (or, when there is none, the oldest:
 * a partial period). At most three pages, whatever else was published.
 */
export function neededSnapshots( trusted: SnapshotListing[], termDays: number ): { end: SnapshotListing | null; bases: Record<PeriodKind, SnapshotListing | null> } {
	const end = trusted.length ? trusted[ trusted.length - 1 ] as SnapshotListing : null;
	const bases: Record<PeriodKind, SnapshotListing | null> = { term: null, year: null };
	if ( !end || trusted.length < 2 ) {
		return { end: end, bases: bases };
	}
	const periods: [ PeriodKind, number ][] = [ [ 'term', termDays ], [ 'year', 365 ] ];
	for ( const p of periods ) {
		const before = addDays( end.day, -p[ 1 ] );
		let base: SnapshotListing = trusted[ 0 ] as SnapshotListing;
		for ( const l of trusted ) {
			if ( l.day <= before ) {
				base = l;
			}
		}
		bases[ p[ 0 ] ] = base;
	}
	return { end: end, bases: bases };
}

/** Whether a snapshot read from `listing` is the page it claims to be. */
export function matchesListing( snapshot: Snapshot, listing: SnapshotListing, programId: string ): boolean {
	return snapshot.program === programId && snapshot.date === listing.day;
}

// ---- Trends -----------------------------------------------------------------------------------

export interface Trend {
	kind: PeriodKind;
	/** The period's length as asked (days). */
	days: number;
	from: string;
	to: string;
	/** The snapshots are closer than the period: the trend covers `from` to `to` only. */
	partial: boolean;
	/** Members in both snapshots (and current in the first) whose stage rose, fell, or stayed. */
	stages: { up: number; down: number; same: number };
	/** Members in the later snapshot and not the earlier. */
	joined: number;
	/**
	 * Mentees current in the earlier snapshot who, in the later, left, are inactive or are
	 * no longer listed; rate: a share of those mentees (null without any).
	 */
	attrition: { mentees: number; lost: number; rate: number | null };
	/** Members who graduated in the period. */
	graduations: number;
	/** Leadership steps taken in the period, and the mentees who took at least one. */
	leadership: { steps: number; mentees: number };
	/** Milestones reached in the period. */
	milestones: number;
}

function rank( stage: Stage | undefined ): number {
	return stage ? STAGES.indexOf( stage ) : -1;
}

/** The trend from `base` to `end` (two snapshots of a program, `base` the earlier). */
export function trendBetween( base: Snapshot, end: Snapshot, kind: PeriodKind, days: number ): Trend {
	const trend: Trend = {
		kind: kind,
		days: days,
		from: base.date,
		to: end.date,
		partial: dayMs( end.date ) - dayMs( base.date ) < days * DAY_MS,
		stages: { up: 0, down: 0, same: 0 },
		joined: 0,
		attrition: { mentees: 0, lost: 0, rate: null },
		graduations: 0,
		leadership: { steps: 0, mentees: 0 },
		milestones: 0,
	};
	for ( const name of Object.keys( end.members ) ) {
		const now = end.members[ name ] as SnapshotMember;
		const then = hasOwn.call( base.members, name ) ? base.members[ name ] as SnapshotMember : null;
		if ( !then ) {
			trend.joined++;
		}
		if ( now.graduated && !( then && then.graduated ) ) {
			trend.graduations++;
		}
		const steps = Math.max( 0, now.leadership - ( then ? then.leadership : 0 ) );
		trend.leadership.steps += steps;
		if ( steps && now.role === 'mentee' ) {
			trend.leadership.mentees++;
		}
		trend.milestones += Math.max( 0, now.milestones - ( then ? then.milestones : 0 ) );
		if ( then && then.status !== 'left' && rank( then.stage ) !== -1 && rank( now.stage ) !== -1 ) {
			const d = rank( now.stage ) - rank( then.stage );
			if ( d > 0 ) {
				trend.stages.up++;
			} else if ( d < 0 ) {
				trend.stages.down++;
			} else {
				trend.stages.same++;
			}
		}
	}
	for ( const name of Object.keys( base.members ) ) {
		const then = base.members[ name ] as SnapshotMember;
		if ( then.role !== 'mentee' || then.status === 'left' ) {
			continue;
		}
		trend.attrition.mentees++;
		const now = hasOwn.call( end.members, name ) ? end.members[ name ] as SnapshotMember : null;
		if ( !now || now.status !== 'active' ) {
			trend.attrition.lost++;
		}
	}
	if ( trend.attrition.mentees ) {
		trend.attrition.rate = trend.attrition.lost / trend.attrition.mentees;
	}
	return trend;
}

/** The trends over a term and a year, from the snapshots read (by day) and which ones neededSnapshots chose. */
export function trendsOf( read: Record<string, Snapshot>, needed: ReturnType<typeof neededSnapshots>, termDays: number ): Trend[] {
	const out: Trend[] = [];
	const end = needed.end ? read[ needed.end.day ] : undefined;
	if ( !end ) {
		return out;
	}
	const periods: [ PeriodKind, number ][] = [ [ 'term', termDays ], [ 'year', 365 ] ];
	for ( const p of periods ) {
		const listing = needed.bases[ p[ 0 ] ];
		const base = listing ? read[ listing.day ] : undefined;
		if ( base && base.date < end.date ) {
			out.push( trendBetween( base, end, p[ 0 ], p[ 1 ] ) );
		}
	}
	return out;
}
