/**
 * The list of programs on the wiki (the panel's start, the welcome dialog's choice of
 * program): in a file of its own, so that loading it does not load a program's members and
 * the writes of src/wiki/programs.ts.
 */

import { MentorshipError } from '../core/errors';
import { CONFIG, ProgramConfig } from '../core/format';
import { configTitle, PROGRAMS_PREFIX, PROJECT_NAMESPACE } from '../core/titles';
import { programIdOf } from '../core/program-titles';
import { asArray, asRecord, WikiClient } from './client';
import { docsFrom } from './store';

export interface ProgramSummary {
	id: string;
	config: ProgramConfig | null;
	/** The config page's latest revision (what a trust chain read is kept under). */
	revid?: number;
	/** Why the config cannot be used, when it cannot. */
	error?: MentorshipError;
}

/** Titles of the pages in a namespace that start with a prefix. */
export async function prefixPages( client: WikiClient, namespace: number, prefix: string ): Promise<string[]> {
	const titles: string[] = [];
	await client.queryAll( { list: 'allpages', apnamespace: namespace, apprefix: prefix, aplimit: 'max' }, ( response ) => {
		for ( const page of asArray( asRecord( response.query ).allpages ) ) {
			titles.push( String( page.title ) );
		}
	} );
	return titles;
}

/** Every program on the wiki (pages named Project:Mentorship/Programs/ID/config.json), by id. */
export async function listPrograms( client: WikiClient ): Promise<ProgramSummary[]> {
	const titles = await prefixPages( client, PROJECT_NAMESPACE, PROGRAMS_PREFIX );
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
		if ( doc && doc.revid !== undefined ) {
			summary.revid = doc.revid;
		}
		if ( doc && doc.error ) {
			summary.error = doc.error;
		}
		return summary;
	} );
}

export type ProgramListing = ProgramSummary;

/**
 * The programs for the list: one request for the titles and one per 50 configs. It reads
 * no roster and no profile, so entries nobody confirmed (thousands of fake mentors in a
 * roster) cost the list nothing; a program's room is shown on its own page, from the
 * profiles of the mentors shown there.
 */
export async function listProgramsWithRoom( client: WikiClient ): Promise<ProgramListing[]> {
	return listPrograms( client );
}
