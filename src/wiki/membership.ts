/**
 * The matching panel's reads and writes: what a mentee, a mentor or a coordinator sees of
 * a program, and joining, choosing a mentor, editing a profile, releasing a mentee,
 * handing mentees over and leaving, each with the talk-page notice that goes with it.
 */

import { ContentMessages } from '../core/ask';
import { Membership, PROFILE, ProgramConfig, Proposal, Role, RosterMember } from '../core/format';
import { buildNotice, NoticeKind } from '../core/notices';
import { activeEntry, activeMembership, capacityOf, isConfirmedMember, mentorOf, ProgramState } from '../core/program';
import { listedMenteesOf, profileJoin, proposalFor } from '../core/roster';
import { profileTitle } from '../core/titles';
import { ActivityInfo, Contribution, UserInfo, WikiClient } from './client';
import { MentorCacheOption, mentorCacheOption } from './mentor-cache';
import { postSection, Posted } from './posting';
import { joinProgram, leaveProgram, LoadedProgram, loadProgram, readProfilesInto, releaseFromMentor, setMentor, WriteContext } from './programs';
import { isoSeconds } from '../core/dates';

export interface Viewer {
	name: string;
	/** Confirmed role (own profile, and listed in the roster's index), or null. */
	role: Role | null;
	/** The viewer's own statement of membership (their profile), even when the roster lacks them. */
	membership: Membership | null;
	entry: RosterMember | null;
	/** The viewer's mentor under the pairing rule (their own profile names them). */
	mentor: string | null;
	/** A mentor proposed to the viewer (a coordinator's match, a handover) that they have not accepted. */
	proposal: Proposal | null;
	coordinator: boolean;
}

export interface ProgramView {
	loaded: LoadedProgram;
	viewer: Viewer;
	/** Mentors the roster lists (current), and how many of them were read and can be shown. */
	mentorsListed: number;
	mentorsShown: number;
}

function viewerOf( state: ProgramState, me: string ): Viewer {
	const membership = activeMembership( state.profiles[ me ], state.id );
	const entry = activeEntry( state, me );
	const role = entry && isConfirmedMember( state, me, entry.role ) ? entry.role : null;
	return {
		name: me,
		role: role,
		membership: membership,
		entry: entry,
		mentor: membership && membership.role === 'mentee' ? mentorOf( state, me ) : null,
		proposal: membership && membership.role === 'mentee' ? proposalFor( state, me ) : null,
		coordinator: state.config.coordinators.indexOf( me ) !== -1,
	};
}

/** Mentors shown on a program's page at a time. */
export const MENTOR_PAGE = 20;
/** Mentees read per mentor shown, beyond the mentor's capacity, to count their load. */
export const LOAD_SLACK = 5;

/** The current mentors the roster lists, oldest first (the order of the pages of mentors). */
export function listedMentors( state: ProgramState ): string[] {
	return Object.keys( state.members ).filter( ( n ) => {
		const e = state.members[ n ] as RosterMember;
		return !e.left && e.role === 'mentor';
	} ).sort( ( a, b ) => {
		const ja = ( state.members[ a ] as RosterMember ).joined;
		const jb = ( state.members[ b ] as RosterMember ).joined;
		return ja < jb ? -1 : ja > jb ? 1 : ( a < b ? -1 : a > b ? 1 : 0 );
	} );
}

/**
 * Loads what the panel shows first, reading only what it can show: (1) config, roster and
 * the viewer's profile; (2) the profiles and accounts (with their edits of the last week) of
 * one page of mentors, the viewer's own mentor and proposed mentor; (3) the profiles of the
 * mentees the roster lists with those mentors (at most capacity + LOAD_SLACK each), which
 * confirm or not each mentor's load. Entries nobody confirmed cannot multiply requests:
 * 5,000 fake mentors cost the same as 20.
 */
export async function loadProgramView( client: WikiClient, programId: string, me: string, nowMs: number, options: { mentors?: number } = {} ): Promise<ProgramView> {
	const limit = options.mentors || MENTOR_PAGE;
	const loaded = await loadProgram( client, programId, { profiles: false, firstProfiles: [ me ] } );
	const state = loaded.state;
	const listed = listedMentors( state );
	const shown = listed.slice( 0, limit );
	const own = activeMembership( state.profiles[ me ], programId );
	const wanted = shown.slice();
	const entry = activeEntry( state, me );
	for ( const extra of [ own && own.mentor, own && own.coMentor, entry && entry.proposal && entry.proposal.mentor ] ) {
		if ( extra && wanted.indexOf( extra ) === -1 && extra !== me ) {
			wanted.push( extra );
		}
	}
	const toRead = wanted.filter( ( n ) => !Object.prototype.hasOwnProperty.call( state.profiles, n ) );
	const batch = await client.batch( {
		titles: toRead.map( profileTitle ),
		users: wanted.concat( [ me ] ),
		activitySince: isoSeconds( nowMs - 7 * 86400000 ),
		activityMaxContinue: 1,
	} );
	readProfilesInto( state, loaded.errors, toRead, batch.pages );
	loaded.users = batch.users;
	loaded.activity = batch.activity;
	// The mentees listed with each confirmed mentor (and with the viewer, when a mentor): their profiles decide the load.
	const mentees: string[] = [];
	for ( const mentor of wanted.concat( [ me ] ) ) {
		const m = activeMembership( state.profiles[ mentor ], programId );
		if ( m && m.role === 'mentor' ) {
			for ( const name of listedMenteesOf( state, mentor, capacityOf( m ) + LOAD_SLACK ) ) {
				if ( mentees.indexOf( name ) === -1 && !Object.prototype.hasOwnProperty.call( state.profiles, name ) ) {
					mentees.push( name );
				}
			}
		}
	}
	if ( mentees.length ) {
		readProfilesInto( state, loaded.errors, mentees, await client.readPages( mentees.map( profileTitle ) ) );
	}
	return { loaded: loaded, viewer: viewerOf( state, me ), mentorsListed: listed.length, mentorsShown: shown.length };
}

export interface MenteeRow {
	name: string;
	user?: UserInfo;
	activity?: ActivityInfo;
	membership: Membership | null;
}

export interface MentorView extends ProgramView {
	/** The mentor's mentees under the pairing rule (their own profiles name the mentor). */
	mentees: MenteeRow[];
	/** The mentor's own talk-page edits since the oldest question to them (to tell answered from unanswered). */
	replies: Contribution[];
	repliesComplete: boolean;
}

/** Mentees whose profiles a mentor's view reads at most (50 a request). */
export const MENTOR_VIEW_MAX = 250;

/** Loads a mentor's view: their mentees' profiles, accounts and last 30 days of edits, and their own replies. */
export async function loadMentorView( client: WikiClient, programId: string, me: string, nowMs: number ): Promise<MentorView> {
	const loaded = await loadProgram( client, programId, { profiles: false, firstProfiles: [ me ] } );
	const state = loaded.state;
	// The mentees the index lists with this mentor first, then the other current mentees: the
	// index can be forged (someone re-pairs a mentee in it), so the mentees' own profiles decide.
	const mineListed = listedMenteesOf( state, me, MENTOR_VIEW_MAX );
	const others = Object.keys( state.members ).filter( ( n ) => {
		const e = state.members[ n ] as RosterMember;
		return !e.left && e.role === 'mentee' && mineListed.indexOf( n ) === -1;
	} ).sort();
	const listed = mineListed.concat( others ).slice( 0, MENTOR_VIEW_MAX );
	const batch = await client.batch( {
		titles: listed.map( profileTitle ),
		users: listed.concat( [ me ] ),
		activitySince: isoSeconds( nowMs - 30 * 86400000 ),
	} );
	readProfilesInto( state, loaded.errors, listed, batch.pages );
	loaded.users = batch.users;
	loaded.activity = batch.activity;
	// Only the mentees whose own profiles name this mentor: a roster entry alone lists nobody here.
	const mine = listed.filter( ( name ) => mentorOf( state, name ) === me );
	const mentees: MenteeRow[] = mine.map( ( name ) => {
		const row: MenteeRow = { name: name, membership: activeMembership( state.profiles[ name ], programId ) };
		if ( loaded.users[ name ] ) {
			row.user = loaded.users[ name ];
		}
		if ( loaded.activity[ name ] ) {
			row.activity = loaded.activity[ name ];
		}
		return row;
	} );
	let oldest: string | null = null;
	for ( const row of mentees ) {
		for ( const q of ( row.membership && row.membership.questions ) || [] ) {
			if ( q.to === me && ( oldest === null || q.time < oldest ) ) {
				oldest = q.time;
			}
		}
	}
	let replies: Contribution[] = [];
	let complete = true;
	if ( oldest !== null ) {
		const contribs = await client.batch( { contribsOf: { user: me, since: oldest, namespace: 3, limit: 500 } } );
		replies = contribs.contribs;
		complete = contribs.contribsComplete;
	}
	const mentors = listedMentors( state );
	return {
		loaded: loaded, viewer: viewerOf( state, me ), mentorsListed: mentors.length, mentorsShown: 0,
		mentees: mentees, replies: replies, repliesComplete: complete,
	};
}

// ---- Writes ---------------------------------------------------------------------------

export interface Actor {
	client: WikiClient;
	ctx: WriteContext;
	messages: ContentMessages;
	random: () => number;
	/** The cached mentor's writer (default: the API only, for scripts and tests). */
	mentorCache?: MentorCacheOption;
}

function mentorCacheOf( actor: Actor ): MentorCacheOption {
	return actor.mentorCache || mentorCacheOption( actor.client, null );
}

function noticeId( actor: Actor ): string {
	return Math.floor( actor.random() * 1e12 ).toString( 36 );
}

export async function postNotice( actor: Actor, kind: NoticeKind, programId: string, config: ProgramConfig, to: string, about?: string, note?: string ): Promise<Posted> {
	const post = buildNotice( {
		kind: kind, id: noticeId( actor ), programId: programId, programName: config.name,
		from: actor.ctx.user, to: to, about: about, note: note,
	}, actor.messages );
	return postSection( actor.client, post, actor.ctx.user );
}

/** Joins as mentee or mentor (profile first, then roster). */
export async function join( actor: Actor, programId: string, config: ProgramConfig, membership: Membership ): Promise<void> {
	await joinProgram( actor.ctx, programId, config, membership );
}

/**
 * A mentee chooses (or changes) their mentor: their profile and the roster say so, the
 * cached mentor is set, and an introduction is posted on the mentor's talk page if wanted.
 */
export async function chooseMentor( actor: Actor, programId: string, config: ProgramConfig, mentor: string, intro: string | null ): Promise<Posted | null> {
	await setMentor( actor.ctx, programId, config, actor.ctx.user, mentor );
	await mentorCacheOf( actor ).save( { program: programId, mentor: mentor } );
	return intro === null ? null : postNotice( actor, 'intro', programId, config, mentor, actor.ctx.user, intro );
}

/** Updates the viewer's own membership (profile only; the roster holds no profile data). */
export async function saveProfile( actor: Actor, programId: string, patch: Partial<Membership> ): Promise<void> {
	await actor.ctx.store.update( profileTitle( actor.ctx.user ), PROFILE, ( p ) => {
		const existing = p.programs[ programId ];
		if ( !existing ) {
			return p;
		}
		const next: Membership = existing;
		for ( const key in patch ) {
			if ( Object.prototype.hasOwnProperty.call( patch, key ) ) {
				const value = ( patch as Record<string, unknown> )[ key ];
				if ( value === undefined || value === '' ) {
					delete ( next as Record<string, unknown> )[ key ];
				} else {
					( next as Record<string, unknown> )[ key ] = value;
				}
			}
		}
		return profileJoin( p, programId, next );
	}, { summary: actor.ctx.summaries.profile, create: false } );
}

/** A mentee leaves: profile and roster say so, their mentor is told, the cached mentor is cleared. */
export async function leaveAsMentee( actor: Actor, programId: string, config: ProgramConfig, mentor: string | null, note: string ): Promise<void> {
	await leaveProgram( actor.ctx, programId, config );
	await mentorCacheOf( actor ).save( null );
	if ( mentor ) {
		await postNotice( actor, 'mentee-left', programId, config, mentor, actor.ctx.user, note );
	}
}

/** A mentor releases a mentee back to the program (in the mentor's own profile); the mentee is told and offered other mentors. */
export async function releaseMentee( actor: Actor, programId: string, config: ProgramConfig, mentee: string, note: string ): Promise<void> {
	await releaseFromMentor( actor.ctx, programId, config, mentee );
	await postNotice( actor, 'released', programId, config, mentee, undefined, note );
}

export interface Handover {
	mentee: string;
	/** The new mentor, or null for "back to the program". */
	to: string | null;
}

export interface HandoverProgress {
	done: number;
	total: number;
	mentee?: string;
	error?: unknown;
}

/**
 * A mentor leaves: each mentee is proposed the chosen mentor (or sent back to the program)
 * and told on their talk page; the proposal counts once the mentee accepts it. Then the
 * mentor's profile and roster entry say they left: their pairings stop counting.
 */
export async function handOverAndLeave( actor: Actor, programId: string, config: ProgramConfig, plan: Handover[], note: string, progress: ( p: HandoverProgress ) => void ): Promise<{ failed: { mentee: string; error: unknown }[] }> {
	const failed: { mentee: string; error: unknown }[] = [];
	let done = 0;
	const total = plan.length + 1;
	for ( const step of plan ) {
		progress( { done: done, total: total, mentee: step.mentee } );
		try {
			await setMentor( actor.ctx, programId, config, step.mentee, step.to );
			await postNotice( actor, step.to ? 'handover' : 'handover-none', programId, config, step.mentee, step.to || undefined, note );
		} catch ( e ) {
			failed.push( { mentee: step.mentee, error: e } );
			progress( { done: done, total: total, mentee: step.mentee, error: e } );
		}
		done++;
	}
	if ( !failed.length ) {
		await leaveProgram( actor.ctx, programId, config, plan.map( ( p ) => p.mentee ) );
	}
	done++;
	progress( { done: done, total: total } );
	return { failed: failed };
}
