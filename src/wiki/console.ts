/**
 * The coordinator console against the wiki: loading the dashboard of a program in a
 * handful of requests; applying a cohort's pairs in one roster write per page; telling
 * each pair on their talk pages, paced by the coordinator's edit limit; recording
 * milestones. Creating a program, saving its settings and a member's check-in, which the
 * panel uses too, are in program-settings.ts.
 */

import { INVITATIONS, Invitation, PROFILE, Profile, ProgramConfig, ROSTER, Roster, RosterMember } from '../core/format';
import { editInterval, RosterAssignment, rosterAssign } from '../core/cohort';
import { ACTIVITY_DAYS, buildDashboard, Dashboard, DashboardInput, MilestoneRecord, pendingQuestions, profileAddMilestone } from '../core/dashboard';
import { isMentorshipError } from '../core/errors';
import { NoticeKind } from '../core/notices';
import { activeMembership, ProgramState } from '../core/program';
import { legacyPairings, rosterMigrateLegacy } from '../core/roster';
import { RightsChange } from '../core/stages';
import { PROGRAMS_PREFIX, PROJECT_NAMESPACE, profileTitle } from '../core/titles';
import { programIdOf } from '../core/program-titles';
import { asArray, asRecord, WikiClient } from './client';
import { Actor, postNotice } from './membership';
import { ConsoleWriter } from './program-settings';
import { prefixPages } from './program-list';
import { LoadedProgram, loadProgram, rosterPageFor } from './programs';
import { isoSeconds } from '../core/dates';
import { docsFrom } from './store';

const hasOwn = Object.prototype.hasOwnProperty;

export interface ConsoleData {
	loaded: LoadedProgram;
	input: DashboardInput;
	dashboard: Dashboard;
	/** Requests the load took. */
	requests: number;
}

const DAY = 86400000;

/** Which of the pages under the programs' prefix are other programs' rosters and this program's invitation logs. */
export function programPages( titles: string[], programId: string, config: ProgramConfig ): { rosters: string[]; invitations: string[] } {
	const shardedLogs = !!config.shards && ( config.shards.invitations || 1 ) > 1;
	const rosters: string[] = [];
	const invitations: string[] = [];
	for ( const t of titles ) {
		const id = programIdOf( t );
		if ( !id ) {
			continue;
		}
		const rest = t.slice( t.indexOf( '/' + id + '/' ) + id.length + 2 );
		if ( id !== programId && /^roster(\/\d+)?\.json$/.test( rest ) ) {
			rosters.push( t );
		} else if ( id === programId && ( shardedLogs ? /^invitations\/\d{4}-\d{2}\/\d+\.json$/ : /^invitations\/\d{4}-\d{2}\.json$/ ).test( rest ) ) {
			invitations.push( t );
		}
	}
	return { rosters: rosters, invitations: invitations };
}

/**
 * Loads what the console shows. Requests, for a program of N members in one roster page:
 * 1 for the config and roster with, at the same time, 1 listing the programs' pages;
 * N / 50 for the members' profiles, accounts and edits of the last 30 days (more only
 * for very active members); then at the same time 1 for the other programs' rosters, this
 * program's invitation logs and the talk-page edits of everyone asked a question past the
 * limit (per 50 of each), and 1 for the rights log since the first member joined.
 */
export async function loadConsole( client: WikiClient, programId: string, nowMs: number ): Promise<ConsoleData> {
	const before = client.requestCount;
	const now = isoSeconds( nowMs );
	const both = await Promise.all( [
		loadProgram( client, programId, { users: true, activitySince: isoSeconds( nowMs - ACTIVITY_DAYS * DAY ) } ),
		prefixPages( client, PROJECT_NAMESPACE, PROGRAMS_PREFIX ),
	] );
	const loaded = both[ 0 ];
	const state = loaded.state;
	const pages = programPages( both[ 1 ], programId, state.config );
	const pending = pendingQuestions( state, now );
	let earliest: string | null = null;
	for ( const name of Object.keys( state.members ) ) {
		const joined = ( state.members[ name ] as RosterMember ).joined;
		if ( earliest === null || joined < earliest ) {
			earliest = joined;
		}
	}
	// The coordinators' own profiles hold the milestones they recorded (those the members'
	// batch has not read already); a program has a few coordinators, so the same request.
	const coordinatorTitles = state.config.coordinators.filter( ( c ) => !hasOwn.call( state.profiles, c ) ).map( profileTitle );
	const extra = await Promise.all( [
		client.batch( {
			titles: pages.rosters.concat( pages.invitations, coordinatorTitles ),
			contribsOf: pending ? { user: pending.users, since: pending.since, namespace: 3, limit: 500, maxContinue: 2 } : undefined,
		} ),
		earliest !== null ? rightsLog( client, earliest ) : Promise.resolve( null ),
	] );
	const batch = extra[ 0 ];
	const rights = extra[ 1 ];

	const rosters: Roster[] = [ { version: 1, members: state.members } ];
	const rosterDocs = docsFrom( pages.rosters, batch.pages, ROSTER );
	for ( const t of pages.rosters ) {
		const doc = rosterDocs[ t ];
		if ( doc && doc.value ) {
			rosters.push( doc.value );
		}
	}
	const invitations: Invitation[] = [];
	const logDocs = docsFrom( pages.invitations, batch.pages, INVITATIONS );
	for ( const t of pages.invitations ) {
		const doc = logDocs[ t ];
		if ( doc && doc.error ) {
			loaded.errors[ t ] = doc.error;
		} else if ( doc && doc.value ) {
			invitations.push( ...doc.value.invitations );
			// Invalid records are set aside (the others count) and shown to the coordinators.
			for ( const entry of doc.setAside || [] ) {
				loaded.setAside.push( { page: t, entry: entry } );
			}
		}
	}
	const coordinatorProfiles: Record<string, Profile | null> = {};
	const coordinatorDocs = docsFrom( coordinatorTitles, batch.pages, PROFILE );
	for ( const c of state.config.coordinators ) {
		if ( hasOwn.call( state.profiles, c ) ) {
			coordinatorProfiles[ c ] = state.profiles[ c ] as Profile | null;
		} else {
			const doc = coordinatorDocs[ profileTitle( c ) ];
			coordinatorProfiles[ c ] = doc && doc.value ? doc.value : null;
		}
	}
	const input: DashboardInput = {
		program: state,
		coordinatorProfiles: coordinatorProfiles,
		now: now,
		accounts: loaded.users,
		activity: loaded.activity,
		replies: batch.contribs,
		repliesComplete: batch.contribsComplete,
		invitations: invitations,
		rosters: rosters,
	};
	if ( rights ) {
		const log: Record<string, RightsChange[]> = {};
		for ( const name of Object.keys( state.members ) ) {
			if ( rights.changes[ name ] ) {
				log[ name ] = rights.changes[ name ] as RightsChange[];
			}
		}
		input.rightsLog = log;
		input.rightsLogSince = rights.from;
	}
	return { loaded: loaded, input: input, dashboard: buildDashboard( input ), requests: client.requestCount - before };
}

// ---- Matching a cohort ----------------------------------------------------------------------

export interface ApplyResult {
	/** The pairs written (or already there). */
	applied: RosterAssignment[];
	/** Mentees whose entry changed since the plan was made (they chose a mentor, or left): not written. */
	skipped: string[];
	/** Roster pages written. */
	writes: number;
}

/**
 * The migration of pairings written before the consent rule (see legacyPairings): each
 * becomes a proposal the mentee accepts; one write per roster page. Returns how many.
 */
export async function migrateLegacyPairings( w: ConsoleWriter, programId: string, config: ProgramConfig, state: ProgramState ): Promise<number> {
	const pairings = legacyPairings( state );
	const own: Record<string, string | null> = {};
	const byPage: Record<string, Record<string, string>> = {};
	for ( const mentee of Object.keys( pairings ) ) {
		const m = activeMembership( state.profiles[ mentee ], programId );
		own[ mentee ] = m && m.mentor ? m.mentor : null;
		const page = rosterPageFor( programId, config, mentee );
		( byPage[ page ] || ( byPage[ page ] = {} ) )[ mentee ] = pairings[ mentee ] as string;
	}
	for ( const page of Object.keys( byPage ) ) {
		await w.store.update( page, ROSTER, ( r ) => rosterMigrateLegacy( r, byPage[ page ] as Record<string, string>, own, w.user, w.now ),
			{ summary: w.summaries.roster, create: false } );
	}
	return Object.keys( pairings ).length;
}

/** Writes the pairs into the roster as proposals the mentees accept: one write per roster page (one in all unless sharded). */
export async function applyPairs( w: ConsoleWriter, programId: string, config: ProgramConfig, pairs: RosterAssignment[] ): Promise<ApplyResult> {
	const byPage: Record<string, RosterAssignment[]> = {};
	const order: string[] = [];
	for ( const p of pairs ) {
		const page = rosterPageFor( programId, config, p.mentee );
		if ( !byPage[ page ] ) {
			byPage[ page ] = [];
			order.push( page );
		}
		( byPage[ page ] as RosterAssignment[] ).push( p );
	}
	const skipped: string[] = [];
	let writes = 0;
	for ( const page of order ) {
		const mine: string[] = [];
		const result = await w.store.update( page, ROSTER, ( r ) => {
			mine.length = 0;
			return rosterAssign( r, byPage[ page ] as RosterAssignment[], mine, w.user, w.now );
		}, { summary: w.summaries.match, create: false } );
		if ( result.changed ) {
			writes++;
		}
		skipped.push( ...mine );
	}
	return { applied: pairs.filter( ( p ) => skipped.indexOf( p.mentee ) === -1 ), skipped: skipped, writes: writes };
}

export interface NotifyProgress {
	done: number;
	total: number;
	/** Whose talk page the last post went to, and the failure if it failed. */
	to?: string;
	error?: unknown;
}

export interface NotifyReport {
	posted: number;
	failed: { to: string; kind: NoticeKind; error: unknown }[];
	/** Stopped by the coordinator before the end. */
	stopped: boolean;
	/** The pause kept between two posts, in milliseconds. */
	interval: number;
}

/**
 * Tells each pair on their talk pages (a matched-mentee notice to the mentee, a
 * matched-mentor notice to the mentor), one post after another, paced by the edit limit
 * the wiki reports for the coordinator. A post refused for the rate limit waits a full
 * period and is tried once more; any other failure is recorded and the others go on.
 */
export async function notifyPairs(
	actor: Actor, programId: string, config: ProgramConfig, pairs: { mentee: string; mentor: string }[], note: string,
	options: { progress: ( p: NotifyProgress ) => void; stopped?: () => boolean; limit?: { hits: number; seconds: number } },
): Promise<NotifyReport> {
	const interval = editInterval( options.limit );
	const posts: { kind: NoticeKind; to: string; about: string }[] = [];
	for ( const p of pairs ) {
		posts.push( { kind: 'matched-mentee', to: p.mentee, about: p.mentor } );
		posts.push( { kind: 'matched-mentor', to: p.mentor, about: p.mentee } );
	}
	const report: NotifyReport = { posted: 0, failed: [], stopped: false, interval: interval };
	const clock = actor.client.clock;
	for ( let i = 0; i < posts.length; i++ ) {
		if ( options.stopped && options.stopped() ) {
			report.stopped = true;
			break;
		}
		const post = posts[ i ] as { kind: NoticeKind; to: string; about: string };
		if ( i > 0 && interval ) {
			await clock.sleep( interval );
		}
		let error: unknown = null;
		for ( let attempt = 0; attempt < 2; attempt++ ) {
			try {
				await postNotice( actor, post.kind, programId, config, post.to, post.about, note );
				error = null;
				break;
			} catch ( e ) {
				error = e;
				if ( !isMentorshipError( e, 'ratelimited' ) || attempt > 0 ) {
					break;
				}
				await clock.sleep( 1000 * ( options.limit ? options.limit.seconds : 60 ) );
			}
		}
		if ( error ) {
			report.failed.push( { to: post.to, kind: post.kind, error: error } );
		} else {
			report.posted++;
		}
		options.progress( error ? { done: i + 1, total: posts.length, to: post.to, error: error } : { done: i + 1, total: posts.length, to: post.to } );
	}
	return report;
}

// ---- Milestones and check-ins ---------------------------------------------------------------

/**
 * Records a member's milestone in the acting coordinator's own profile (idempotent): only its
 * owner can write a user's JSON page, so a milestone's recorder cannot be forged. It counts
 * while the recorder coordinates the program.
 */
export async function recordMilestone( w: ConsoleWriter, programId: string, name: string, record: MilestoneRecord ): Promise<void> {
	await w.store.update( profileTitle( w.user ), PROFILE, ( p ) => profileAddMilestone( p, programId, name, record ),
		{ summary: w.summaries.milestone, create: true } );
}

/**
 * Changes of users' groups from the rights log since `since` (newest first, in at most
 * `maxRequests` requests), by user name; `complete` says whether the log was read back
 * to `since`, and `from` how far back it was read.
 */
export async function rightsLog( client: WikiClient, since: string, maxRequests = 2 ): Promise<{ changes: Record<string, { time: string; added: string[] }[]>; complete: boolean; from: string }> {
	const changes: Record<string, { time: string; added: string[] }[]> = {};
	let oldest = '';
	const complete = await client.queryAll( {
		list: 'logevents', letype: 'rights', leend: since, leprop: 'title|timestamp|details', lelimit: 'max',
	}, ( response ) => {
		for ( const e of asArray( asRecord( response.query ).logevents ) ) {
			const title = String( e.title );
			// A user page title: the local namespace name, a colon, the name (names hold no colon).
			const name = title.slice( title.indexOf( ':' ) + 1 );
			const params = asRecord( e.params );
			const before = Array.isArray( params.oldgroups ) ? params.oldgroups.map( String ) : [];
			const after = Array.isArray( params.newgroups ) ? params.newgroups.map( String ) : [];
			const added = after.filter( ( g ) => before.indexOf( g ) === -1 );
			const time = String( e.timestamp );
			if ( !oldest || time < oldest ) {
				oldest = time;
			}
			if ( added.length ) {
				( changes[ name ] || ( changes[ name ] = [] ) ).push( { time: time, added: added } );
			}
		}
	}, maxRequests );
	return { changes: changes, complete: complete, from: complete ? since : oldest || since };
}
