/**
 * The matching panel's reads and writes: what a mentee, a mentor or a coordinator sees of
 * a program, and joining, choosing a mentor, editing a profile, releasing a mentee,
 * handing mentees over and leaving, each with the talk-page notice that goes with it.
 */

import { ContentMessages } from '../core/ask';
import { Membership, PROFILE, ProgramConfig, Role, RosterMember } from '../core/format';
import { buildNotice, NoticeKind } from '../core/notices';
import {
	activeEntry, activeMembership, encodeMentorCache, isConfirmedMember, MENTOR_OPTION, mentorOf,
	profileJoin, ProgramState,
} from '../core/program';
import { profileTitle } from '../core/titles';
import { ActivityInfo, Contribution, UserInfo, WikiClient } from './client';
import { postSection, Posted } from './posting';
import { isoSeconds, joinProgram, leaveProgram, LoadedProgram, loadProgram, setMentor, WriteContext } from './programs';

export interface Viewer {
	name: string;
	/** Confirmed role (roster and own profile agree), or null. */
	role: Role | null;
	/** The viewer's own statement of membership (their profile), even when the roster lacks them. */
	membership: Membership | null;
	entry: RosterMember | null;
	/** The viewer's mentor under the pairing rule. */
	mentor: string | null;
	coordinator: boolean;
}

export interface ProgramView {
	loaded: LoadedProgram;
	viewer: Viewer;
}

function viewerOf( state: ProgramState, me: string ): Viewer {
	const membership = activeMembership( state.profiles[ me ], state.id );
	const entry = activeEntry( state, me );
	const role = isConfirmedMember( state, me ) && entry ? entry.role : null;
	return {
		name: me,
		role: role,
		membership: membership,
		entry: entry,
		mentor: role === 'mentee' ? mentorOf( state, me ) : null,
		coordinator: state.config.coordinators.indexOf( me ) !== -1,
	};
}

/**
 * Loads what the panel shows first: config, roster, the mentors' profiles and accounts
 * (with their edits of the last week, for "active this week") and the viewer's profile.
 * For 200 mentors: 1 request for config and roster, then 4 for mentors and viewer.
 */
export async function loadProgramView( client: WikiClient, programId: string, me: string, nowMs: number ): Promise<ProgramView> {
	const loaded = await loadProgram( client, programId, {
		only: [ me ],
		users: true,
		activitySince: isoSeconds( nowMs - 7 * 86400000 ),
		activityMaxContinue: 1,
	} );
	return { loaded: loaded, viewer: viewerOf( loaded.state, me ) };
}

export interface MenteeRow {
	name: string;
	user?: UserInfo;
	activity?: ActivityInfo;
	membership: Membership | null;
}

export interface MentorView extends ProgramView {
	/** The mentor's mentees under the pairing rule, and those the roster names but their profile does not confirm. */
	mentees: MenteeRow[];
	/** The mentor's own talk-page edits since the oldest question to them (to tell answered from unanswered). */
	replies: Contribution[];
	repliesComplete: boolean;
}

/** Loads a mentor's view: their mentees' profiles, accounts and last 30 days of edits, and their own replies. */
export async function loadMentorView( client: WikiClient, programId: string, me: string, nowMs: number ): Promise<MentorView> {
	const first = await loadProgram( client, programId, { profiles: false } );
	const mine = Object.keys( first.state.members ).filter( ( n ) => {
		const e = first.state.members[ n ] as RosterMember;
		return !e.left && e.role === 'mentee' && e.mentor === me;
	} );
	const loaded = await loadProgram( client, programId, {
		only: mine.concat( [ me ] ),
		users: true,
		activitySince: isoSeconds( nowMs - 30 * 86400000 ),
	} );
	const state = loaded.state;
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
		const batch = await client.batch( { contribsOf: { user: me, since: oldest, namespace: 3, limit: 500 } } );
		replies = batch.contribs;
		complete = batch.contribsComplete;
	}
	return { loaded: loaded, viewer: viewerOf( state, me ), mentees: mentees, replies: replies, repliesComplete: complete };
}

// ---- Writes ---------------------------------------------------------------------------

export interface Actor {
	client: WikiClient;
	ctx: WriteContext;
	messages: ContentMessages;
	random: () => number;
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
	await actor.client.setOption( MENTOR_OPTION, encodeMentorCache( { program: programId, mentor: mentor } ) );
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
	await actor.client.setOption( MENTOR_OPTION, null );
	if ( mentor ) {
		await postNotice( actor, 'mentee-left', programId, config, mentor, actor.ctx.user, note );
	}
}

/** A mentor releases a mentee back to the program; the mentee is told and offered other mentors. */
export async function releaseMentee( actor: Actor, programId: string, config: ProgramConfig, mentee: string, note: string ): Promise<void> {
	await setMentor( actor.ctx, programId, config, mentee, null );
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
 * A mentor leaves: each mentee goes to the chosen mentor (or back to the program) and is
 * told on their talk page; then the mentor's profile and roster entry say they left.
 * Nobody is left with a mentor who is gone: the roster loses every pairing to the mentor.
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
