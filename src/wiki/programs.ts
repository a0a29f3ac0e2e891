/**
 * Finding programs, loading one (config, roster shards, members' profiles, members'
 * accounts) in as few requests as the API allows, and the writes that join, leave and
 * pair members. Writes go through the Store; the change functions are in core/program.
 */

import { MentorshipError, isMentorshipError } from '../core/errors';
import { CONFIG, Membership, PROFILE, Profile, ProgramConfig, Question, ROSTER, Role, Roster, RosterMember } from '../core/format';
import {
	mentorsWithRoom, ProgramState, profileAddQuestion, profileJoin, profileLeave, profileSetMentor,
	rosterJoin, rosterLeave, rosterSetMentor,
} from '../core/program';
import { LIMITS } from '../core/format';
import { configTitle, PROGRAMS_PREFIX, PROJECT_NAMESPACE, profileTitle, programIdOf, rosterTitle, rosterTitles } from '../core/titles';
import { ActivityInfo, UserInfo, WikiClient } from './client';
import { Doc, docsFrom, Store, UpdateResult } from './store';

export interface ProgramSummary {
	id: string;
	config: ProgramConfig | null;
	/** Why the config cannot be used, when it cannot. */
	error?: MentorshipError;
}

/** Every program on the wiki (pages named Project:Mentorship/Programs/ID/config.json), by id. */
export async function listPrograms( client: WikiClient ): Promise<ProgramSummary[]> {
	const titles = await client.prefixPages( PROJECT_NAMESPACE, PROGRAMS_PREFIX );
	const ids: string[] = [];
	for ( const t of titles ) {
		const id = programIdOf( t );
		if ( id && /\/config\.json$/.test( t ) && t.split( '/' ).length === 4 && ids.indexOf( id ) === -1 ) {
			ids.push( id );
		}
	}
	ids.sort();
	const configTitles = ids.map( configTitle );
	const docs = docsFrom( configTitles, await client.readPages( configTitles ), CONFIG );
	return ids.map( ( id ) => {
		const doc = docs[ configTitle( id ) ];
		const summary: ProgramSummary = { id: id, config: doc ? doc.value : null };
		if ( doc && doc.error ) {
			summary.error = doc.error;
		}
		return summary;
	} );
}

export interface ProgramListing extends ProgramSummary {
	/** Mentors available and below capacity, and all confirmed mentors. */
	mentors?: { room: number; total: number };
	members?: number;
}

/**
 * The programs with how many mentors have room: one request for the list, one per 50
 * configs, one per 50 roster pages, one per 50 mentors' profiles.
 */
export async function listProgramsWithRoom( client: WikiClient, today: string ): Promise<ProgramListing[]> {
	const programs: ProgramListing[] = await listPrograms( client );
	const rosterPages: string[] = [];
	for ( const p of programs ) {
		if ( p.config ) {
			rosterPages.push( ...rosterTitles( p.id, rosterShards( p.config ) ) );
		}
	}
	const rosters = docsFrom( rosterPages, await client.readPages( rosterPages ), ROSTER );
	const states: Record<string, ProgramState> = {};
	const mentors: string[] = [];
	for ( const p of programs ) {
		if ( !p.config ) {
			continue;
		}
		const members: Record<string, RosterMember> = {};
		for ( const t of rosterTitles( p.id, rosterShards( p.config ) ) ) {
			const doc = rosters[ t ];
			if ( doc && doc.value ) {
				for ( const name in doc.value.members ) {
					if ( Object.prototype.hasOwnProperty.call( doc.value.members, name ) ) {
						const entry = doc.value.members[ name ] as RosterMember;
						members[ name ] = entry;
						if ( entry.role === 'mentor' && !entry.left && mentors.indexOf( name ) === -1 ) {
							mentors.push( name );
						}
					}
				}
			}
		}
		states[ p.id ] = { id: p.id, config: p.config, members: members, profiles: {} };
	}
	const profiles = docsFrom( mentors.map( profileTitle ), await client.readPages( mentors.map( profileTitle ) ), PROFILE );
	for ( const p of programs ) {
		const state = states[ p.id ];
		if ( !state ) {
			continue;
		}
		for ( const name of mentors ) {
			const doc = profiles[ profileTitle( name ) ];
			state.profiles[ name ] = doc && doc.value ? doc.value : null;
		}
		p.mentors = mentorsWithRoom( state, today );
		p.members = Object.keys( state.members ).filter( ( n ) => !( state.members[ n ] as RosterMember ).left ).length;
	}
	return programs;
}

export interface LoadOptions {
	/** Read members' profiles (default true). */
	profiles?: boolean;
	/** Read members' accounts: edit count, registration, groups, block (default false). */
	users?: boolean;
	/** Also count members' edits since this ISO time. */
	activitySince?: string;
	/** Read profiles and accounts of these users only (e.g. a mentor's mentees) plus the mentors. */
	only?: string[];
	/** Users to read with the members (e.g. the current user, a mentor). */
	extraUsers?: string[];
	/** Continuation requests allowed for activity per batch of users (default 2). */
	activityMaxContinue?: number;
}

export interface LoadedProgram {
	state: ProgramState;
	configRevid?: number;
	users: Record<string, UserInfo>;
	activity: Record<string, ActivityInfo>;
	/** Pages that could not be used, by title (an invalid profile does not stop the load). */
	errors: Record<string, MentorshipError>;
}

/** The shard count of a program's roster, from its config. */
export function rosterShards( config: ProgramConfig ): number {
	return ( config.shards && config.shards.roster ) || 1;
}

/**
 * Loads a program. Requests: one for the config and roster, one per 50 roster shards when
 * sharded, then one per 50 members carrying both their profiles and their accounts.
 */
export async function loadProgram( client: WikiClient, programId: string, options: LoadOptions = {} ): Promise<LoadedProgram> {
	const cTitle = configTitle( programId );
	const plainRoster = rosterTitle( programId );
	const first = await client.readPages( [ cTitle, plainRoster ] );
	const configDocs = docsFrom( [ cTitle ], first, CONFIG );
	const configDoc = configDocs[ cTitle ];
	if ( !configDoc || configDoc.error ) {
		throw configDoc && configDoc.error ? configDoc.error : new MentorshipError( 'missing', 'missingtitle', cTitle, [ cTitle ] );
	}
	if ( !configDoc.exists || !configDoc.value ) {
		throw new MentorshipError( 'missing', 'missingtitle', cTitle + ' does not exist', [ cTitle ], { page: cTitle } );
	}
	const config = configDoc.value;
	const shards = rosterShards( config );
	const errors: Record<string, MentorshipError> = {};
	const members: Record<string, RosterMember> = {};
	const rosterPageTitles = rosterTitles( programId, shards );
	const rosterPages = shards > 1 ? await client.readPages( rosterPageTitles ) : first;
	const rosterDocs = docsFrom( rosterPageTitles, rosterPages, ROSTER );
	for ( const title of rosterPageTitles ) {
		const doc = rosterDocs[ title ];
		if ( !doc ) {
			continue;
		}
		if ( doc.error ) {
			errors[ title ] = doc.error;
			continue;
		}
		if ( doc.value ) {
			for ( const name in doc.value.members ) {
				if ( Object.prototype.hasOwnProperty.call( doc.value.members, name ) ) {
					members[ name ] = doc.value.members[ name ] as RosterMember;
				}
			}
		}
	}
	const state: ProgramState = { id: programId, config: config, members: members, profiles: {} };
	const loaded: LoadedProgram = { state: state, users: {}, activity: {}, errors: errors };
	if ( configDoc.revid !== undefined ) {
		loaded.configRevid = configDoc.revid;
	}

	let names = Object.keys( members ).sort();
	if ( options.only ) {
		const wanted = options.only;
		names = names.filter( ( n ) => wanted.indexOf( n ) !== -1 || ( members[ n ] as RosterMember ).role === 'mentor' );
	}
	const withProfiles = options.profiles !== false;
	const userNames = options.users ? names.concat( options.extraUsers || [] ) : ( options.extraUsers || [] );
	const profileTitles = withProfiles ? names.map( profileTitle ) : [];
	if ( profileTitles.length || userNames.length ) {
		const batch = await client.batch( {
			titles: profileTitles,
			users: userNames,
			activitySince: options.activitySince,
			activityMaxContinue: options.activityMaxContinue,
		} );
		const profileDocs = docsFrom( profileTitles, batch.pages, PROFILE );
		for ( const name of names ) {
			const title = profileTitle( name );
			const doc = profileDocs[ title ];
			if ( doc && doc.error ) {
				errors[ title ] = doc.error;
			}
			state.profiles[ name ] = doc && doc.value ? doc.value : null;
		}
		loaded.users = batch.users;
		loaded.activity = batch.activity;
	}
	return loaded;
}

// ---- Writes ---------------------------------------------------------------------------

export interface WriteContext {
	store: Store;
	/** The acting user (whose own profile may be written). */
	user: string;
	/** Current time as an ISO timestamp without milliseconds. */
	now: string;
	/** Edit summaries, in the wiki's content language. */
	summaries: {
		profile: string;
		roster: string;
	};
}

export function isoSeconds( ms: number ): string {
	return new Date( ms ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/** The roster page holding `name` (the plain roster, or its shard). */
export function rosterPageFor( programId: string, config: ProgramConfig, name: string ): string {
	return rosterTitle( programId, rosterShards( config ), name );
}

/**
 * Joins a program as `role`: the user's own profile first (their consent, and the proof
 * the pairing rule asks for), then the roster.
 */
export async function joinProgram(
	ctx: WriteContext, programId: string, config: ProgramConfig, membership: Membership,
): Promise<{ profile: UpdateResult<Profile>; roster: UpdateResult<Roster> }> {
	// The roster must be usable before the profile says "joined": an invalid roster (or one
	// with the wrong content model) fails here and leaves every page unchanged.
	const rosterPage = rosterPageFor( programId, config, ctx.user );
	const before = await ctx.store.read( rosterPage, ROSTER );
	const profile = await ctx.store.update( profileTitle( ctx.user ), PROFILE,
		( p ) => profileJoin( p, programId, membership ), { summary: ctx.summaries.profile } );
	const roster = await ctx.store.update( rosterPage, ROSTER,
		( r ) => rosterJoin( r, ctx.user, membership.role as Role, ctx.now ), { summary: ctx.summaries.roster, initial: before } );
	return { profile: profile, roster: roster };
}

/** Leaves a program: the profile says so, the roster entry is closed and nobody stays paired with the user. */
export async function leaveProgram( ctx: WriteContext, programId: string, config: ProgramConfig, menteesToo: string[] = [] ): Promise<void> {
	await ctx.store.update( profileTitle( ctx.user ), PROFILE,
		( p ) => profileLeave( p, programId, ctx.now ), { summary: ctx.summaries.profile, create: false } );
	const pages = [ rosterPageFor( programId, config, ctx.user ) ];
	for ( const mentee of menteesToo ) {
		const page = rosterPageFor( programId, config, mentee );
		if ( pages.indexOf( page ) === -1 ) {
			pages.push( page );
		}
	}
	for ( const page of pages ) {
		await ctx.store.update( page, ROSTER, ( r ) => rosterLeave( r, ctx.user, ctx.now ), { summary: ctx.summaries.roster, create: false } );
	}
}

/**
 * Pairs a mentee with a mentor (or with null, unpairs). When the acting user is the
 * mentee, their own profile records the choice too; a coordinator or a mentor handing
 * over writes the roster only.
 */
export async function setMentor(
	ctx: WriteContext, programId: string, config: ProgramConfig, mentee: string, mentor: string | null,
): Promise<void> {
	if ( mentee === ctx.user ) {
		await ctx.store.update( profileTitle( mentee ), PROFILE,
			( p ) => profileSetMentor( p, programId, mentor ), { summary: ctx.summaries.profile, create: false } );
	}
	await ctx.store.update( rosterPageFor( programId, config, mentee ), ROSTER,
		( r ) => rosterSetMentor( r, mentee, mentor ), { summary: ctx.summaries.roster, create: false } );
}

/** Records a question the user asked in their own profile. */
export async function recordQuestion( ctx: WriteContext, programId: string, question: Question, initial?: Doc<Profile> ): Promise<void> {
	await ctx.store.update( profileTitle( ctx.user ), PROFILE,
		( p ) => profileAddQuestion( p, programId, question, LIMITS.questionsKept ), { summary: ctx.summaries.profile, create: false, initial: initial } );
}

export function isMissing( e: unknown ): boolean {
	return isMentorshipError( e, 'missing' );
}
