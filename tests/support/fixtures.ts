/**
 * Fixtures on the real test wiki: unique names per run, accounts with sessions, and
 * programs with members, written as the gadgets write them (each member through their
 * own session, so the pairing rule holds).
 */

import { CONFIG, Membership, ProgramConfig } from '../../src/core/format';
import { encodeMentorCache, MENTOR_OPTION } from '../../src/core/program';
import { configTitle } from '../../src/core/titles';
import { isoSeconds, joinProgram, setMentor, WriteContext } from '../../src/wiki/programs';
import { Store } from '../../src/wiki/store';
import { ensureAccounts, login, Session, setGadgets } from '../../scripts/lib/accounts';
import { LocalWiki, localWiki } from '../../scripts/lib/localwiki';

export const PASSWORD = 'test-password-mentorship';
/** Distinguishes this run's accounts and programs from earlier runs on the same wiki. */
export const RUN = Date.now().toString( 36 ).slice( -5 ) + Math.floor( Math.random() * 1296 ).toString( 36 );

export function wiki(): LocalWiki {
	return localWiki( 'test' );
}

/** A user name unique to this run ("Maya" -> "Maya Kx3fz1a"). */
export function unique( base: string ): string {
	return base + ' ' + RUN.charAt( 0 ).toUpperCase() + RUN.slice( 1 );
}

export function programId( base: string ): string {
	return base + '-' + RUN;
}

export async function users( names: string[], groups: Record<string, string[]> = {} ): Promise<Record<string, Session>> {
	const w = wiki();
	await ensureAccounts( w, names.map( ( name ) => ( { name, password: PASSWORD, groups: groups[ name ] } ) ) );
	const sessions: Record<string, Session> = {};
	for ( const name of names ) {
		sessions[ name ] = await login( w, name, PASSWORD );
	}
	return sessions;
}

export async function enableGadgets( session: Session, ids: string[] ): Promise<void> {
	const change: Record<string, boolean> = {};
	for ( const id of ids ) {
		change[ id ] = true;
	}
	await setGadgets( session, change );
}

export function context( session: Session ): WriteContext {
	return {
		store: new Store( session.client ),
		user: session.name,
		now: isoSeconds( Date.now() ),
		summaries: { profile: 'test: profile', roster: 'test: roster' },
	};
}

export interface MemberSpec {
	name: string;
	membership: Omit<Membership, 'joined'>;
	/** For a mentee: their mentor (the mentee chooses, the cache option is set). */
	mentor?: string;
}

export function config( overrides: Partial<ProgramConfig> = {} ): ProgramConfig {
	return {
		version: 1,
		name: 'Test program ' + RUN,
		description: 'A program made by the tests.',
		coordinators: [],
		topics: [ 'Art', 'History', 'Medicine', 'Music', 'Science' ],
		languages: [ 'en', 'es', 'ar', 'fr' ],
		unansweredDays: 3,
		helpDesk: 'Project:Help desk',
		...overrides,
	};
}

/** Creates a program (config by `coordinator`) and its members, each through their own session. */
export async function program( id: string, coordinator: Session, cfg: ProgramConfig, members: MemberSpec[], sessions: Record<string, Session> ): Promise<void> {
	await new Store( coordinator.client ).create( configTitle( id ), CONFIG, cfg, 'test: program' );
	for ( const spec of members ) {
		const session = sessions[ spec.name ];
		if ( !session ) {
			throw new Error( 'No session for ' + spec.name );
		}
		const ctx = context( session );
		await joinProgram( ctx, id, cfg, { ...spec.membership, joined: ctx.now } as Membership );
	}
	for ( const spec of members ) {
		if ( spec.mentor ) {
			const session = sessions[ spec.name ] as Session;
			await setMentor( context( session ), id, cfg, spec.name, spec.mentor );
			await session.client.setOption( MENTOR_OPTION, encodeMentorCache( { program: id, mentor: spec.mentor } ) );
		}
	}
}

export function mentor( topics: string[], languages: string[], extra: Partial<Membership> = {} ): Omit<Membership, 'joined'> {
	return { role: 'mentor', topics, languages, capacity: 3, status: 'active', ...extra };
}

export function mentee( topics: string[], languages: string[], extra: Partial<Membership> = {} ): Omit<Membership, 'joined'> {
	return { role: 'mentee', topics, languages, ...extra };
}

/** Creates (or replaces) an article as the admin, for the ask journeys. */
export async function article( admin: Session, title: string, text: string ): Promise<number> {
	const read = await admin.client.readPage( title );
	const saved = await admin.client.edit( read.exists ?
		{ title, text, summary: 'test article', baserevid: read.revid } :
		{ title, text, summary: 'test article', createonly: true } );
	return saved.newrevid || read.revid || 0;
}
