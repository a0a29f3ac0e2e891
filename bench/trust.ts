/**
 * Trust benchmark (issue 14's figures): what the trust rules cost, on the real local test wiki.
 *
 * - Opening a program of 500 members as the panel does (loadProgramView: the config through
 *   its trust chain, the roster, one page of mentors with their profiles and accounts, and the
 *   profiles of the mentees they list), and as the loaders of the whole program do
 *   (loadProgram with every profile and account, the "Loading a program" table).
 * - The program list, as every visitor of the panel sees it (listProgramsWithRoom), with the
 *   number of programs the wiki holds at the time.
 * - Applying a cohort's proposals as the console does: the program loaded, the cohort proposed
 *   by the exact matching, the pairs written as proposals (one roster write).
 *
 *   npx tsx bench/trust.ts            prints the figures
 *   benchTrust()                      for npm run bench (bench/run.ts)
 */

import { pathToFileURL } from 'node:url';
import { cohortContext, proposeCohort, RosterAssignment } from '../src/core/cohort';
import { Profile, ProgramConfig, ROSTER, RosterMember } from '../src/core/format';
import { toPageText } from '../src/core/json';
import { configTitle, profileTitle, rosterTitle } from '../src/core/titles';
import { applyPairs } from '../src/wiki/console';
import { loadProgramView } from '../src/wiki/membership';
import { listProgramsWithRoom } from '../src/wiki/program-list';
import { loadProgram } from '../src/wiki/programs';
import { Store } from '../src/wiki/store';
import { adminSession } from '../scripts/lib/accounts';
import { BulkPage, createUsers, importPages } from '../scripts/lib/bulk';
import { ensureInstalled, ensureMediaWiki, LocalWiki, startServer } from '../scripts/lib/localwiki';
import { wiki as testWiki } from '../tests/support/fixtures';
import { memberName, scaleFixture } from './scale';

export interface Timed {
	requests: number;
	ms: number;
}

export interface TrustFigures {
	/** The panel's view of a program of 500 members (a mentee looking). */
	programView: { members: number; runs: Timed[] };
	/** Every member's profile and account. */
	programFull: { members: number; runs: Timed[] };
	/** The program list; `programs`: how many the wiki held. */
	list: { programs: number; runs: Timed[] };
	/** A cohort's proposals: loading and proposing, then the writes. */
	cohort: { mentees: number; mentors: number; pairs: number; writes: number; load: Timed; propose: { ms: number }; apply: Timed };
}

const COHORT = 'trust-cohort';
const TOPICS = [ 'Art', 'History', 'Medicine', 'Music', 'Science' ];

function cohortName( i: number ): string {
	return `Cohort Member ${ String( i ).padStart( 4, '0' ) }`;
}

/**
 * A program of `mentees` mentees without a mentor and `mentors` mentors (capacity 5), made in
 * bulk, its roster written afresh on every call (so each run applies the same proposals).
 */
async function cohortFixture( wiki: LocalWiki, mentees: number, mentors: number ): Promise<void> {
	const admin = await adminSession( wiki );
	const names: string[] = [];
	for ( let i = 0; i < mentees + mentors; i++ ) {
		names.push( cohortName( i ) );
	}
	const exists = await admin.client.readPage( configTitle( COHORT ) );
	const pages: BulkPage[] = [];
	const members: Record<string, RosterMember> = {};
	names.forEach( ( name, i ) => {
		const mentor = i < mentors;
		members[ name ] = { role: mentor ? 'mentor' : 'mentee', joined: '2026-11-01T00:00:00Z' };
		const profile: Profile = { version: 1, programs: {} };
		profile.programs[ COHORT ] = mentor ?
			{ role: 'mentor', joined: '2026-11-01T00:00:00Z', topics: [ TOPICS[ i % 5 ] as string ], languages: [ 'en' ], capacity: 5, status: 'active' } :
			{ role: 'mentee', joined: '2026-11-01T00:00:00Z', topics: [ TOPICS[ ( i * 7 ) % 5 ] as string ], languages: [ 'en' ] };
		pages.push( { title: profileTitle( name ), text: toPageText( profile ), model: 'json' } );
	} );
	if ( !exists.exists ) {
		createUsers( wiki, names, COHORT );
		const config: ProgramConfig = {
			version: 1, name: 'Trust cohort', description: 'A cohort for the trust benchmark.', coordinators: [ 'Admin' ],
			topics: TOPICS, languages: [ 'en' ],
		};
		pages.push( { title: configTitle( COHORT ), text: toPageText( config ), model: 'json' } );
		pages.push( { title: rosterTitle( COHORT ), text: toPageText( { version: 1, members: members } ), model: 'json' } );
		importPages( wiki, pages, COHORT );
		return;
	}
	// The roster without proposals again, through the API (an import would not be the latest revision for baserevid).
	const store = new Store( admin.client );
	await store.update( rosterTitle( COHORT ), ROSTER, () => ( { version: 1, members: members } ),
		{ summary: 'bench: the cohort without proposals', create: false } );
}

function median( values: number[] ): number {
	const s = values.slice().sort( ( a, b ) => a - b );
	return s[ Math.floor( s.length / 2 ) ] as number;
}

async function timed<T>( client: { requestCount: number }, fn: () => Promise<T> ): Promise<{ value: T; t: Timed }> {
	const before = client.requestCount;
	const start = performance.now();
	const value = await fn();
	return { value, t: { requests: client.requestCount - before, ms: Math.round( performance.now() - start ) } };
}

export async function benchTrust( wiki: LocalWiki, log: ( line: string ) => void, runs = 3 ): Promise<TrustFigures> {
	const admin = await adminSession( wiki );
	const client = admin.client;
	const id = await scaleFixture( wiki, 500 );
	// The viewer: a mentee of the program (the bulk accounts have no password: read as the admin, viewing as them).
	const viewer = memberName( 500, 499 );
	const view: Timed[] = [];
	const full: Timed[] = [];
	const list: Timed[] = [];
	let programs = 0;
	let members = 0;
	for ( let r = 0; r < runs; r++ ) {
		view.push( ( await timed( client, () => loadProgramView( client, id, viewer, Date.now() ) ) ).t );
		const loaded = await timed( client, () => loadProgram( client, id, { users: true } ) );
		members = Object.keys( loaded.value.state.members ).length;
		full.push( loaded.t );
		const listed = await timed( client, () => listProgramsWithRoom( client ) );
		programs = listed.value.length;
		list.push( listed.t );
	}
	log( `  a program of ${ members } members, as the panel opens it: ` + view.map( ( t ) => `${ t.requests } requests in ${ t.ms } ms` ).join( '; ' ) );
	log( '  the same with every profile and account: ' + full.map( ( t ) => `${ t.requests } requests in ${ t.ms } ms` ).join( '; ' ) );
	log( `  the program list (${ programs } programs): ` + list.map( ( t ) => `${ t.requests } requests in ${ t.ms } ms` ).join( '; ' ) );

	const mentees = 200;
	const mentors = 40;
	await cohortFixture( wiki, mentees, mentors );
	const load = await timed( client, () => loadProgram( client, COHORT, { users: true } ) );
	const start = performance.now();
	const today = new Date().toISOString().slice( 0, 10 );
	const proposal = proposeCohort( cohortContext( load.value.state, today ) );
	const proposeMs = Math.round( performance.now() - start );
	const pairs: RosterAssignment[] = [];
	for ( const p of proposal.plan ) {
		if ( p.mentor ) {
			pairs.push( { mentee: p.mentee, mentor: p.mentor } );
		}
	}
	const writer = { store: new Store( client ), user: 'Admin', now: new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' ), summaries: { create: 'c', config: 'c', roster: 'r', match: 'bench: proposals', milestone: 'm' } };
	const applied = await timed( client, () => applyPairs( writer, COHORT, load.value.state.config, pairs ) );
	log( `  a cohort of ${ mentees } mentees and ${ mentors } mentors: loaded in ${ load.t.requests } requests and ${ load.t.ms } ms; ` +
		`${ pairs.length } pairs proposed in ${ proposeMs } ms; written as proposals in ${ applied.t.requests } requests (${ applied.value.writes } edit) and ${ applied.t.ms } ms` );
	return {
		programView: { members, runs: view },
		programFull: { members, runs: full },
		list: { programs, runs: list },
		cohort: { mentees, mentors, pairs: pairs.length, writes: applied.value.writes, load: load.t, propose: { ms: proposeMs }, apply: applied.t },
	};
}

/** Lines for docs/performance.md. */
export function trustReport( f: TrustFigures ): string[] {
	const m = ( runs: Timed[] ): string => `${ median( runs.map( ( r ) => r.requests ) ) } | ${ median( runs.map( ( r ) => r.ms ) ) } ms`;
	return [
		'## What the trust rules cost',
		'',
		'Each config is taken through its trust chain (the revisions that count), pairings from the mentees\' own profiles, rooms from the profiles of the mentors shown; medians of ' + f.list.runs.length + ' runs.',
		'',
		'| action | API requests | time |',
		'|---|---:|---:|',
		`| open a program of ${ f.programView.members } members as the panel does (one page of mentors) | ${ m( f.programView.runs ) } |`,
		`| load the same program with every profile and account | ${ m( f.programFull.runs ) } |`,
		`| the program list (${ f.list.programs } programs on the wiki) | ${ m( f.list.runs ) } |`,
		`| load a cohort of ${ f.cohort.mentees } mentees and ${ f.cohort.mentors } mentors | ${ f.cohort.load.requests } | ${ f.cohort.load.ms } ms |`,
		`| propose its ${ f.cohort.pairs } pairs (exact matching) | 0 | ${ f.cohort.propose.ms } ms |`,
		`| write them as proposals the mentees accept (${ f.cohort.writes } edit) | ${ f.cohort.apply.requests } | ${ f.cohort.apply.ms } ms |`,
		'',
	];
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	( async () => {
		const w = testWiki();
		ensureMediaWiki( w.release );
		ensureInstalled( w );
		await startServer( w );
		const figures = await benchTrust( w, ( line ) => process.stdout.write( line + '\n' ) );
		process.stdout.write( trustReport( figures ).join( '\n' ) + '\n' );
	} )().catch( ( e: unknown ) => {
		process.stderr.write( ( e instanceof Error ? e.stack || e.message : String( e ) ) + '\n' );
		process.exit( 1 );
	} );
}
