/**
 * Loading a program (config, roster shards, members' profiles, members' accounts) in as
 * few requests as the API allows, and the writes that join, leave and pair members (the
 * list of programs is in program-list.ts, recording a question in ask.ts). Writes go through the Store; the change functions are in core/program.
 */

import { MentorshipError } from '../core/errors';
import { CONFIG, Membership, PROFILE, Profile, ProgramConfig, ROSTER, Role, Roster, RosterMember } from '../core/format';
import { ProgramState, rosterShards } from '../core/program';
import { profileJoin, profileLeave, profileRelease, profileSetMentor, rosterJoin, rosterLeave, rosterPropose, rosterSetMentor } from '../core/roster';
import { configTitle, profileTitle, rosterTitle } from '../core/titles';
import { rosterTitles } from '../core/program-titles';
import { ActivityInfo, PageRead, UserInfo, WikiClient } from './client';
import { docsFrom, SetAside, Store, UpdateResult } from './store';
import { readTrustedConfig } from './trust';
import { ignoredSince, RevisionMeta } from '../core/trust';

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
	/** Users whose profiles are read in the first request, with the config and roster. */
	firstProfiles?: string[];
	/**
	 * Take the config through the trust chain (default true): the last revision made by a
	 * coordinator of the revision before that counted, not merely the latest revision.
	 */
	trust?: boolean;
}

export interface ConfigTrust {
	/** The revision in force, and the page's latest. */
	revid?: number;
	latest?: number;
	/** Revisions after the one in force that do not count (not by a coordinator). */
	ignored: RevisionMeta[];
	protection: { type: string; level: string }[];
	/** Requests the chain took. */
	requests: number;
}

export interface LoadedProgram {
	state: ProgramState;
	configRevid?: number;
	/** How the config in force was chosen (absent when loaded without the trust chain). */
	trust?: ConfigTrust;
	users: Record<string, UserInfo>;
	activity: Record<string, ActivityInfo>;
	/** Pages that could not be used, by title (an invalid profile does not stop the load). */
	errors: Record<string, MentorshipError>;
	/** Roster entries that are invalid: set aside (ignored, kept in the page), for coordinators to repair. */
	setAside: { page: string; entry: SetAside }[];
}

/** The profiles of `names` from pages read, into the program's state; one unusable page is an error of its own. */
export function readProfilesInto( state: ProgramState, errors: Record<string, MentorshipError>, names: string[], pages: Record<string, PageRead> ): void {
	const docs = docsFrom( names.map( profileTitle ), pages, PROFILE );
	for ( const name of names ) {
		const doc = docs[ profileTitle( name ) ];
		if ( doc && doc.error ) {
			errors[ profileTitle( name ) ] = doc.error;
		}
		state.profiles[ name ] = doc && doc.value ? doc.value : null;
	}
}

/**
 * Loads a program. Requests: one for the config and roster, one per 50 roster shards when
 * sharded, then one per 50 members carrying both their profiles and their accounts.
 */
export async function loadProgram( client: WikiClient, programId: string, options: LoadOptions = {} ): Promise<LoadedProgram> {
	const cTitle = configTitle( programId );
	const plainRoster = rosterTitle( programId );
	const firstProfiles = options.firstProfiles || [];
	const first = await client.readPages( [ cTitle, plainRoster ].concat( firstProfiles.map( profileTitle ) ) );
	const configDocs = docsFrom( [ cTitle ], first, CONFIG );
	const configDoc = configDocs[ cTitle ];
	if ( !configDoc || configDoc.error ) {
		throw configDoc && configDoc.error ? configDoc.error : new MentorshipError( 'missing', 'missingtitle', cTitle, [ cTitle ] );
	}
	if ( !configDoc.exists || !configDoc.value ) {
		throw new MentorshipError( 'missing', 'missingtitle', cTitle + ' does not exist', [ cTitle ], { page: cTitle } );
	}
	let config = configDoc.value;
	let trust: ConfigTrust | undefined;
	if ( options.trust !== false ) {
		const chain = await readTrustedConfig( client, cTitle );
		trust = { ignored: ignoredSince( chain ), protection: chain.protection, requests: chain.requests };
		if ( chain.revid !== undefined ) {
			trust.revid = chain.revid;
		}
		if ( chain.latest !== undefined ) {
			trust.latest = chain.latest;
		}
		if ( chain.config ) {
			config = chain.config;
		}
	}
	const shards = rosterShards( config );
	const errors: Record<string, MentorshipError> = {};
	const members: Record<string, RosterMember> = {};
	const rosterPageTitles = rosterTitles( programId, shards );
	const rosterPages = shards > 1 ? await client.readPages( rosterPageTitles ) : first;
	const rosterDocs = docsFrom( rosterPageTitles, rosterPages, ROSTER );
	const setAside: { page: string; entry: SetAside }[] = [];
	for ( const title of rosterPageTitles ) {
		const doc = rosterDocs[ title ];
		if ( !doc ) {
			continue;
		}
		for ( const entry of doc.setAside || [] ) {
			setAside.push( { page: title, entry: entry } );
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
	const loaded: LoadedProgram = { state: state, users: {}, activity: {}, errors: errors, setAside: setAside };
	if ( configDoc.revid !== undefined ) {
		loaded.configRevid = configDoc.revid;
	}
	if ( trust ) {
		loaded.trust = trust;
	}
	if ( firstProfiles.length ) {
		readProfilesInto( state, errors, firstProfiles, first );
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
 * A mentee chooses (or with null, drops) their mentor: their own profile records the
 * choice, which is what counts, and the roster's index follows. Anyone else (a coordinator,
 * a mentor handing over) can only propose: the roster gets a proposal the mentee accepts.
 */
export async function setMentor(
	ctx: WriteContext, programId: string, config: ProgramConfig, mentee: string, mentor: string | null,
): Promise<void> {
	if ( mentee !== ctx.user ) {
		await ctx.store.update( rosterPageFor( programId, config, mentee ), ROSTER,
			( r ) => rosterPropose( r, mentee, mentor, ctx.user, ctx.now ), { summary: ctx.summaries.roster, create: false } );
		return;
	}
	await ctx.store.update( profileTitle( mentee ), PROFILE,
		( p ) => profileSetMentor( p, programId, mentor ), { summary: ctx.summaries.profile, create: false } );
	await ctx.store.update( rosterPageFor( programId, config, mentee ), ROSTER,
		( r ) => rosterSetMentor( r, mentee, mentor ), { summary: ctx.summaries.roster, create: false } );
}

/**
 * A mentor releases a mentee: the mentor's own profile says so (the pairing stops
 * counting), and the roster's index forgets the pairing.
 */
export async function releaseFromMentor( ctx: WriteContext, programId: string, config: ProgramConfig, mentee: string ): Promise<void> {
	await ctx.store.update( profileTitle( ctx.user ), PROFILE,
		( p ) => profileRelease( p, programId, mentee ), { summary: ctx.summaries.profile, create: false } );
	await ctx.store.update( rosterPageFor( programId, config, mentee ), ROSTER, ( r ) => {
		const entry = r.members[ mentee ];
		if ( entry && entry.mentor === ctx.user ) {
			delete entry.mentor;
		}
		return r;
	}, { summary: ctx.summaries.roster, create: false } );
}

/**
 * The mentee puts the roster's index back in line with their own profile (after someone
 * re-paired them in the roster): only the index of their choice changes, not a proposal.
 * `seen` is the index's mentor as the page read it: the repair is made only while the index
 * still says that. A repair started on page load must not undo what changed meanwhile (the
 * mentee accepting a proposal, a choice in another tab), even when its edit conflicts and is
 * re-applied to the newer roster.
 */
export async function repairOwnIndex(
	ctx: WriteContext, programId: string, config: ProgramConfig, mentor: string | null, seen: string | null,
): Promise<void> {
	await ctx.store.update( rosterPageFor( programId, config, ctx.user ), ROSTER, ( r ) => {
		const entry = r.members[ ctx.user ];
		if ( entry && !entry.left && entry.role === 'mentee' && ( entry.mentor || null ) === seen ) {
			if ( mentor ) {
				entry.mentor = mentor;
			} else {
				delete entry.mentor;
			}
		}
		return r;
	}, { summary: ctx.summaries.roster, create: false } );
}

/** A coordinator's repair: removes the roster entries that are set aside (invalid) from a roster page. */
export async function dropSetAside( ctx: WriteContext, page: string ): Promise<void> {
	await ctx.store.update( page, ROSTER, ( r ) => r, { summary: ctx.summaries.roster, create: false, dropSetAside: true } );
}
