/**
 * A program's settings against the wiki, for the panel and the console: creating a program
 * and saving its settings (moving roster entries when the number of shards changes), and a
 * member's end-of-term check-in. The console's own writes are in console.ts.
 */

import { Checkin, CONFIG, PROFILE, ProgramConfig, ROSTER, RosterMember } from '../core/format';
import { profileAddCheckin } from '../core/checkins';
import { isMentorshipError, MentorshipError } from '../core/errors';
import {
	applyConfigEdit, reshardRoster, rosterKeepOnly, rosterPut, rosterShardCount,
} from '../core/program-config';
import { configTitle, profileTitle, rosterTitle } from '../core/titles';
import { rosterTitles } from '../core/program-titles';
import { Actor } from './membership';
import { chunk, collectPages, PageRights, PageState, unique, WikiClient, asArray, asRecord } from './client';
import { Store } from './store';
import { createPage } from './create-page';
import { readTrustedConfig } from './trust';

export interface ConsoleWriter {
	store: Store;
	/** The acting coordinator. */
	user: string;
	/** ISO timestamp. */
	now: string;
	/** Edit summaries in the wiki's content language. */
	summaries: {
		create: string;
		config: string;
		roster: string;
		match: string;
		milestone: string;
	};
}

/**
 * Creates a program: its empty roster (one page; a sharded roster's pages are created by
 * the first write to each) and then its config, both with the JSON content model. A
 * program with this id already existing is refused (kind `exists`), nothing written.
 */
export async function createProgram( w: ConsoleWriter, programId: string, config: ProgramConfig ): Promise<void> {
	const title = configTitle( programId );
	const existing = await w.store.client.readPage( title, { content: false } );
	if ( existing.exists ) {
		throw new MentorshipError( 'exists', 'articleexists', title + ' exists', [ title ], { page: title } );
	}
	if ( rosterShardCount( config ) === 1 ) {
		await createPage( w.store, rosterTitle( programId ), ROSTER, { version: 1, members: {} }, w.summaries.create );
	}
	const created = await createPage( w.store, title, CONFIG, config, w.summaries.create );
	if ( !created.changed ) {
		throw new MentorshipError( 'exists', 'articleexists', title + ' exists', [ title ], { page: title } );
	}
}

/**
 * Saves the console's edit of a program's settings: the members the coordinator changed
 * (see applyConfigEdit). When the number of roster shards changes, the entries move
 * first: copied to their pages in the new layout, then the config switches to it, then
 * every page drops the entries that now live elsewhere.
 */
export async function saveConfig( w: ConsoleWriter, programId: string, baseline: ProgramConfig, edited: ProgramConfig ): Promise<ProgramConfig> {
	const from = rosterShardCount( baseline );
	const to = rosterShardCount( edited );
	let oldTitles: string[] = [];
	if ( from !== to ) {
		oldTitles = rosterTitles( programId, from );
		const docs = await w.store.readMany( oldTitles, ROSTER );
		const members: Record<string, RosterMember> = {};
		for ( const t of oldTitles ) {
			const doc = docs[ t ];
			if ( doc && doc.error ) {
				throw doc.error;
			}
			if ( doc && doc.value ) {
				for ( const name of Object.keys( doc.value.members ) ) {
					members[ name ] = doc.value.members[ name ] as RosterMember;
				}
			}
		}
		const layout = reshardRoster( programId, members, to );
		for ( const t of Object.keys( layout ) ) {
			const entries = layout[ t ] as Record<string, RosterMember>;
			if ( Object.keys( entries ).length || to === 1 ) {
				await w.store.update( t, ROSTER, ( r ) => rosterPut( r, entries ), { summary: w.summaries.roster } );
			}
		}
	}
	// The coordinator's changes apply to the config in force (the end of the trust chain), not
	// to the latest revision: what someone who is not a coordinator changed is not carried
	// into a revision that counts (the save puts the page back to the config in force).
	const trusted = await readTrustedConfig( w.store.client, configTitle( programId ) );
	const saved = await w.store.update( configTitle( programId ), CONFIG,
		( c ) => applyConfigEdit( trusted.config || c, baseline, edited ), { summary: w.summaries.config, create: false } );
	for ( const t of oldTitles ) {
		await w.store.update( t, ROSTER, ( r ) => rosterKeepOnly( r, ( name ) => rosterTitle( programId, to, name ) === t ),
			{ summary: w.summaries.roster, create: false } ).catch( ( e: unknown ) => {
			if ( !isMentorshipError( e, 'missing' ) ) {
				throw e;
			}
		} );
	}
	return saved.value;
}

/** The member's end-of-term check-in, in their own profile. */
export async function saveCheckin( actor: Actor, programId: string, checkin: Checkin ): Promise<void> {
	await actor.ctx.store.update( profileTitle( actor.ctx.user ), PROFILE, ( p ) => profileAddCheckin( p, programId, checkin ),
		{ summary: actor.ctx.summaries.profile, create: false } );
}

/**
 * Whether the logged-in user may carry out `action` (edit, create) on each title, and
 * the protection each has (prop=info&intestactions): one request per batchSize titles.
 */
export async function pageRights( client: WikiClient, titles: string[], action: 'edit' | 'create' = 'edit' ): Promise<Record<string, PageRights>> {
	const out: Record<string, PageRights> = {};
	for ( const part of chunk( unique( titles ), client.batchSize ) ) {
		const response = await client.request( part.length > 20 ? 'POST' : 'GET', {
			action: 'query', prop: 'info', inprop: 'protection', intestactions: action, titles: part,
		} );
		const state: PageState = { normalized: {}, redirects: {}, pages: {} };
		collectPages( response, state );
		for ( const requested of part ) {
			const name = state.normalized[ requested ] || requested;
			const page = state.pages[ name ];
			if ( !page ) {
				continue;
			}
			const actions = asRecord( page.actions );
			out[ requested ] = {
				title: String( page.title ),
				exists: !page.missing && !page.invalid,
				allowed: !!actions[ action ],
				protection: asArray( page.protection ).map( ( p ) => ( {
					type: String( p.type ), level: String( p.level ), expiry: String( p.expiry ),
				} ) ),
			};
		}
	}
	return out;
}
