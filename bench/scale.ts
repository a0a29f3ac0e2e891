/**
 * Scale: loading a program of 50, 500 and 5,000 members (config, roster, every member's
 * profile, edit count and block state) the gadgets' way, beside the naive way (one request
 * per member), on the real local wiki, in the same run. Also the storage limit: the
 * largest roster and invitation log that fit the wiki's page-size limit, unsharded and
 * sharded, measured by saving pages of that size on the wiki.
 *
 * The members are made in bulk: accounts with one maintenance process, pages with one XML
 * import (the gadgets' own writes are measured by the tests; this measures reading).
 */

import { Invitation, Profile, ProgramConfig, RosterMember } from '../src/core/format';
import { toPageText } from '../src/core/json';
import { configTitle, profileTitle, rosterTitle, shardOf } from '../src/core/titles';
import { WikiClient } from '../src/wiki/client';
import { loadProgram } from '../src/wiki/programs';
import { loadProgramView } from '../src/wiki/membership';
import { suggestMentors } from '../src/core/matching';
import { isMentorshipError } from '../src/core/errors';
import { adminSession } from '../scripts/lib/accounts';
import { BulkPage, createUsers, importPages } from '../scripts/lib/bulk';
import { LocalWiki } from '../scripts/lib/localwiki';

export interface ScaleRow {
	members: number;
	gadgets: { requests: number; ms: number };
	naive: { requests: number; ms: number };
}

export function memberName( size: number, i: number ): string {
	return `Scale${ size } Member ${ String( i ).padStart( 5, '0' ) }`;
}

/**
 * Creates (once) a program of `size` members, `mentors` of them mentors (a tenth by default):
 * accounts, profiles, config and roster.
 */
export async function scaleFixture( wiki: LocalWiki, size: number, mentorCount?: number ): Promise<string> {
	const id = mentorCount === undefined ? `scale-${ size }` : `scale-${ size }-m${ mentorCount }`;
	const admin = await adminSession( wiki );
	const exists = await admin.client.readPage( configTitle( id ) );
	if ( exists.exists ) {
		return id;
	}
	const names: string[] = [];
	for ( let i = 0; i < size; i++ ) {
		names.push( memberName( size, i ) );
	}
	// Accounts: one PHP process creating them all.
	createUsers( wiki, names, id );
	const mentors = mentorCount === undefined ? Math.max( 1, Math.round( size / 10 ) ) : mentorCount;
	const topics = [ 'Art', 'History', 'Medicine', 'Music', 'Science' ];
	const members: Record<string, RosterMember> = {};
	const pages: BulkPage[] = [];
	names.forEach( ( name, i ) => {
		const mentor = i < mentors;
		const profile: Profile = { version: 1, programs: {} };
		profile.programs[ id ] = mentor ?
			{ role: 'mentor', joined: '2026-11-01T00:00:00Z', topics: [ topics[ i % 5 ] as string ], languages: [ 'en' ], capacity: 12, status: 'active' } :
			{ role: 'mentee', joined: '2026-11-01T00:00:00Z', topics: [ topics[ i % 5 ] as string ], languages: [ 'en' ], goals: 'Write about ' + topics[ i % 5 ] };
		members[ name ] = mentor ? { role: 'mentor', joined: '2026-11-01T00:00:00Z' } :
			{ role: 'mentee', joined: '2026-11-01T00:00:00Z', mentor: names[ i % mentors ] as string };
		pages.push( { title: profileTitle( name ), text: toPageText( profile ), model: 'json' } );
	} );
	const config: ProgramConfig = {
		version: 1, name: `Scale ${ size }`, description: 'A program for the scale benchmark.', coordinators: [ 'Admin' ],
		topics: topics, languages: [ 'en' ],
	};
	pages.push( { title: configTitle( id ), text: toPageText( config ), model: 'json' } );
	pages.push( { title: rosterTitle( id ), text: toPageText( { version: 1, members: members } ), model: 'json' } );
	importPages( wiki, pages, id );
	return id;
}

/** Reads every member the naive way: one request per member (profile and account together). */
async function naiveLoad( client: WikiClient, id: string ): Promise<number> {
	const before = client.requestCount;
	const roster = await client.readPage( rosterTitle( id ) );
	const members = Object.keys( ( JSON.parse( roster.content || '{}' ) as { members: Record<string, unknown> } ).members );
	await client.readPage( configTitle( id ) );
	for ( const name of members ) {
		await client.batch( { titles: [ profileTitle( name ) ], users: [ name ] } );
	}
	return client.requestCount - before;
}

export async function benchScale( wiki: LocalWiki, sizes: number[], log: ( line: string ) => void ): Promise<ScaleRow[]> {
	const rows: ScaleRow[] = [];
	const admin = await adminSession( wiki );
	for ( const size of sizes ) {
		const started = Date.now();
		const id = await scaleFixture( wiki, size );
		log( `  fixture of ${ size } members ready (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s)` );
		const client = admin.client;
		let count = client.requestCount;
		let t = performance.now();
		const loaded = await loadProgram( client, id, { users: true } );
		const gadgets = { requests: client.requestCount - count, ms: Math.round( performance.now() - t ) };
		if ( Object.keys( loaded.state.members ).length !== size ) {
			throw new Error( `scale-${ size }: loaded ${ Object.keys( loaded.state.members ).length } members` );
		}
		count = client.requestCount;
		t = performance.now();
		const naiveRequests = await naiveLoad( client, id );
		const naive = { requests: naiveRequests, ms: Math.round( performance.now() - t ) };
		rows.push( { members: size, gadgets, naive } );
		log( `  ${ size } members: ${ gadgets.requests } requests in ${ gadgets.ms } ms; naive ${ naive.requests } requests in ${ naive.ms } ms` );
		void count;
	}
	return rows;
}

export interface SuggestionsFigures {
	mentees: number;
	mentors: number;
	/** Each run: API requests and milliseconds of the program page a mentee opens (the panel's loadProgramView). */
	runs: { requests: number; ms: number }[];
	/** Mentors offered (with room, active), as the panel ranks them. */
	offered: number;
}

/**
 * A mentee opens the program page of a program of 2,000 mentees and 200 mentors and sees the
 * mentors ranked: the panel's own load (loadProgramView: config and roster, then the mentors'
 * and the viewer's profiles, accounts and last week's edits, 50 a request) and ranking.
 */
export async function benchSuggestions( wiki: LocalWiki, log: ( line: string ) => void, mentees = 2000, mentors = 200, runs = 3 ): Promise<SuggestionsFigures> {
	const started = Date.now();
	const id = await scaleFixture( wiki, mentees + mentors, mentors );
	log( `  fixture of ${ mentees } mentees and ${ mentors } mentors ready (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s)` );
	// The bulk accounts have no password: read as the admin, viewing as a mentee of the program.
	const admin = await adminSession( wiki );
	const viewer = memberName( mentees + mentors, mentors );
	const out: SuggestionsFigures = { mentees, mentors, runs: [], offered: 0 };
	for ( let r = 0; r < runs; r++ ) {
		const before = admin.client.requestCount;
		const t = performance.now();
		const view = await loadProgramView( admin.client, id, viewer, Date.now() );
		const membership = view.viewer.membership;
		if ( !membership ) {
			throw new Error( `${ viewer } is not a member of ${ id }` );
		}
		const fits = suggestMentors( view.loaded.state, membership, view.loaded.activity, new Date().toISOString().slice( 0, 10 ) );
		out.runs.push( { requests: admin.client.requestCount - before, ms: Math.round( performance.now() - t ) } );
		out.offered = fits.filter( ( f ) => f.eligible ).length;
	}
	log( `  suggestions for a mentee among ${ mentors } mentors: ` + out.runs.map( ( x ) => `${ x.requests } requests in ${ x.ms } ms` ).join( '; ' ) );
	return out;
}

// ---- The storage limit ----------------------------------------------------------------

export interface StorageLimit {
	maxArticleBytes: number;
	/** Members in one roster page, as designed (each with a mentor and one milestone), unsharded. */
	rosterMembers: number;
	/** Invitation records in one monthly log page, unsharded. */
	invitationsPerMonth: number;
	/** With the most shards the format allows. */
	maxShards: number;
	rosterMembersSharded: number;
	invitationsPerMonthSharded: number;
	/** Measured on the wiki: the largest roster saved, and the next size refused as too large. */
	onWiki: { saved: number; refused: number; refusedKind: string };
}

function rosterOf( n: number ): { version: 1; members: Record<string, RosterMember> } {
	const members: Record<string, RosterMember> = {};
	for ( let i = 0; i < n; i++ ) {
		members[ `Typical Member Name ${ i }` ] = {
			role: 'mentee', joined: '2026-11-01T00:00:00Z', mentor: `Typical Mentor Name ${ i % 100 }`,
		};
	}
	return { version: 1, members };
}

function logOf( n: number ): { version: 1; invitations: Invitation[] } {
	const invitations: Invitation[] = [];
	for ( let i = 0; i < n; i++ ) {
		invitations.push( { user: `Typical Newcomer Name ${ i }`, by: 'Typical Inviter Name', time: '2026-11-01T00:00:00Z', kind: 'invitation', lang: 'en', revid: 1000000 + i } );
	}
	return { version: 1, invitations };
}

/** The largest n for which build(n) serialises within `limit` bytes (pages are stored tab-indented). */
function largest( build: ( n: number ) => unknown, limit: number ): number {
	let lo = 0;
	let hi = 1;
	while ( Buffer.byteLength( toPageText( build( hi ) ) ) <= limit ) {
		lo = hi;
		hi *= 2;
	}
	while ( hi - lo > 1 ) {
		const mid = Math.floor( ( lo + hi ) / 2 );
		if ( Buffer.byteLength( toPageText( build( mid ) ) ) <= limit ) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	return lo;
}

export async function benchStorage( wiki: LocalWiki ): Promise<StorageLimit> {
	const admin = await adminSession( wiki );
	const info = await admin.client.get( { action: 'query', meta: 'siteinfo', siprop: 'general' } );
	const general = ( info.query as { general: { maxarticlesize?: number } } ).general;
	const maxArticleBytes = general.maxarticlesize || 2048 * 1024;
	const rosterMembers = largest( rosterOf, maxArticleBytes );
	const invitationsPerMonth = largest( logOf, maxArticleBytes );
	const maxShards = 256;
	// Shards fill unevenly (a hash): the fullest of 256 shards holds about 1.25 times the average at these sizes.
	const spread = unevenness( maxShards );
	// On the wiki: a roster of exactly the computed size saves, one with 5% more is refused.
	const title = 'Project:Mentorship/Programs/storage-limit/roster.json';
	const saved = rosterMembers;
	const read = await admin.client.readPage( title );
	await admin.client.edit( read.exists ?
		{ title, text: toPageText( rosterOf( saved ) ), summary: 'storage limit benchmark', baserevid: read.revid } :
		{ title, text: toPageText( rosterOf( saved ) ), summary: 'storage limit benchmark', createonly: true, contentmodel: 'json' } );
	const refused = Math.ceil( saved * 1.05 );
	let refusedKind = 'saved';
	try {
		const again = await admin.client.readPage( title );
		await admin.client.edit( { title, text: toPageText( rosterOf( refused ) ), summary: 'storage limit benchmark', baserevid: again.revid } );
	} catch ( e ) {
		refusedKind = isMentorshipError( e ) ? e.kind : String( e );
	}
	return {
		maxArticleBytes,
		rosterMembers,
		invitationsPerMonth,
		maxShards,
		rosterMembersSharded: Math.floor( rosterMembers * maxShards / spread ),
		invitationsPerMonthSharded: Math.floor( invitationsPerMonth * maxShards / spread ),
		onWiki: { saved, refused, refusedKind },
	};
}

/** How much fuller the fullest shard is than the average, for 100,000 names over `shards` shards. */
function unevenness( shards: number ): number {
	const counts = new Array( shards ).fill( 0 ) as number[];
	const n = 100000;
	for ( let i = 0; i < n; i++ ) {
		counts[ shardOf( `Typical Member Name ${ i }`, shards ) ]!++;
	}
	return Math.max( ...counts ) / ( n / shards );
}
