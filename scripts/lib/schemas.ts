/**
 * The published JSON Schema files (schemas/*.schema.json), made from the same schema
 * objects the gadgets validate with (src/core/format.ts), so that they cannot disagree.
 * A unit test checks that the committed files are what this makes.
 */

import { configSchema, invitationLogSchema, profileSchema, rosterSchema } from '../../src/core/format';
import { JsonSchema, Schema } from '../../src/core/schema';
import { snapshotSchema } from '../../src/core/snapshot';

export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

interface Published {
	file: string;
	schema: Schema<unknown>;
	title: string;
	description: string;
}

const SEE = ' Format version 1; docs/data-format.md describes every field. Readers must refuse a version they do not know, ' +
	'and writers must keep members they do not know.';

export const PUBLISHED: Published[] = [
	{
		file: 'profile.schema.json',
		schema: profileSchema as Schema<unknown>,
		title: 'Mentorship profile',
		description: 'User:NAME/mentorship.json: NAME\'s own membership of mentorship programs, by program id. ' +
			'Written only by NAME (MediaWiki lets only the owner and interface administrators edit a user\'s .json subpages); ' +
			'a pairing counts only when this page shows the program.' + SEE,
	},
	{
		file: 'config.schema.json',
		schema: configSchema as Schema<unknown>,
		title: 'Mentorship program configuration',
		description: 'Project:Mentorship/Programs/ID/config.json: a program\'s name, description, coordinators, ' +
			'topics, languages, messages and thresholds. Written by coordinators.' + SEE,
	},
	{
		file: 'roster.schema.json',
		schema: rosterSchema as Schema<unknown>,
		title: 'Mentorship program roster',
		description: 'Project:Mentorship/Programs/ID/roster.json, or with config.shards.roster = N > 1 one of ' +
			'Project:Mentorship/Programs/ID/roster/K.json (K = FNV-1a 32-bit of the UTF-8 bytes of the member\'s name, modulo N): ' +
			'the index of members and pairings, by user name. Written by participants and coordinators; ' +
			'it is only an index, confirmed by each member\'s own profile.' + SEE,
	},
	{
		file: 'invitation-log.schema.json',
		schema: invitationLogSchema as Schema<unknown>,
		title: 'Mentorship invitation log',
		description: 'Project:Mentorship/Programs/ID/invitations/YYYY-MM.json, or with config.shards.invitations = N > 1 ' +
			'Project:Mentorship/Programs/ID/invitations/YYYY-MM/K.json (K as for the roster, from the invitee\'s name): ' +
			'one record per invitation posted in that month (UTC). Written by whoever invites.' + SEE,
	},
	{
		file: 'snapshot.schema.json',
		schema: snapshotSchema as Schema<unknown>,
		title: 'Mentorship program snapshot',
		description: 'Project:Mentorship/Programs/ID/snapshots/YYYY-MM-DD.json: the program on that day (UTC), per confirmed member ' +
			'(role, status, stage, milestones and leadership steps that count, graduation) and totals, published from the dashboard. ' +
			'It counts only when its last revision is by a coordinator of the program (by the config in force).' + SEE,
	},
];

export function jsonSchemaOf( published: Published ): JsonSchema {
	const out: JsonSchema = {
		$schema: SCHEMA_DIALECT,
		title: published.title,
		description: published.description,
	};
	const body = published.schema.toJsonSchema();
	for ( const key of Object.keys( body ) ) {
		if ( key !== 'description' ) {
			out[ key ] = body[ key ];
		}
	}
	return out;
}

/** File name (under schemas/) to its text. */
export function schemaFiles(): Record<string, string> {
	const files: Record<string, string> = {};
	for ( const published of PUBLISHED ) {
		files[ published.file ] = JSON.stringify( jsonSchemaOf( published ), null, '\t' ) + '\n';
	}
	return files;
}
