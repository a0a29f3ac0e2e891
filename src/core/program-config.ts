/**
 * Creating and editing a program's config.json in the console: a config cleaned of what
 * a form leaves behind (spaces, repeats, empty optional members), the problems that keep
 * it from being saved (each with a message key and the field it concerns), the edit
 * applied as a change that keeps what others saved meanwhile, and moving roster entries
 * when the number of roster shards changes.
 */

import { configSchema, ProgramConfig, ProgramMessage, Roster, RosterMember } from './format';
import { clone, deepEqual } from './json';
import { topicKey } from './matching';
import { compareNames, normalizeUserName } from './names';
import { MessageHazard, messageHazards } from './message-hazards';
import { describeIssue, validate } from './schema';
import { STAGES } from './stages';
import { rosterTitle } from './titles';
import { rosterTitles } from './program-titles';

/** The members of config.json the console's form edits; any other member is kept as it is. */
export const FORM_FIELDS = [
	'name', 'description', 'coordinators', 'topics', 'languages', 'termDays', 'start', 'unansweredDays',
	'helpDesk', 'messages', 'stages', 'weights', 'goals', 'shards', 'closed',
] as const;

export const PROGRAM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const hasOwn = Object.prototype.hasOwnProperty;

function trim( s: string ): string {
	return s.replace( /^\s+|\s+$/g, '' );
}

function uniqueBy( items: string[], key: ( s: string ) => string ): string[] {
	const seen: Record<string, true> = {};
	const out: string[] = [];
	for ( const item of items ) {
		const k = '#' + key( item );
		if ( key( item ) !== '' && !seen[ k ] ) {
			seen[ k ] = true;
			out.push( item );
		}
	}
	return out;
}

function cleanTexts( texts: Record<string, string> ): Record<string, string> {
	const out: Record<string, string> = {};
	for ( const lang of Object.keys( texts ).sort() ) {
		const value = texts[ lang ] as string;
		const code = trim( lang ).toLowerCase();
		if ( code && trim( value ) !== '' ) {
			out[ code ] = value.replace( /\r\n?/g, '\n' ).replace( /\s+$/, '' );
		}
	}
	return out;
}

function cleanMessage( message: ProgramMessage ): ProgramMessage | null {
	const out: ProgramMessage = {
		label: cleanTexts( message.label ),
		subject: cleanTexts( message.subject ),
		text: cleanTexts( message.text ),
	};
	if ( message.audience ) {
		out.audience = message.audience;
	}
	const any = Object.keys( out.label ).length + Object.keys( out.subject ).length + Object.keys( out.text ).length;
	return any ? out : null;
}

/**
 * A config as the form produced it, tidied: texts trimmed, user names in display form,
 * topics and languages without blanks and repeats, empty optional members and empty
 * messages removed. Members the form does not know are kept.
 */
export function cleanConfig( config: ProgramConfig ): ProgramConfig {
	const out = clone( config );
	out.name = trim( out.name );
	out.description = trim( out.description );
	out.coordinators = uniqueBy( out.coordinators.map( normalizeUserName ), ( s ) => s );
	out.topics = uniqueBy( out.topics.map( trim ), topicKey );
	out.languages = uniqueBy( out.languages.map( ( l ) => trim( l ).toLowerCase() ), ( s ) => s );
	if ( out.helpDesk !== undefined ) {
		out.helpDesk = trim( out.helpDesk ).replace( /_/g, ' ' );
		if ( out.helpDesk === '' ) {
			delete out.helpDesk;
		}
	}
	if ( out.messages ) {
		const messages: Record<string, ProgramMessage> = {};
		for ( const id of Object.keys( out.messages ) ) {
			const cleaned = cleanMessage( out.messages[ id ] as ProgramMessage );
			if ( cleaned ) {
				messages[ trim( id ) ] = cleaned;
			}
		}
		out.messages = messages;
		if ( !Object.keys( messages ).length ) {
			delete out.messages;
		}
	}
	for ( const key of Object.keys( out ) ) {
		if ( ( out as Record<string, unknown> )[ key ] === undefined ) {
			delete ( out as Record<string, unknown> )[ key ];
		}
	}
	return out;
}

const HAZARD_KEYS: Record<MessageHazard, string> = {
	subst: 'mentorship-console-problem-message-subst',
	category: 'mentorship-console-problem-message-category',
	position: 'mentorship-console-problem-message-position',
};

/** A reason the config cannot be saved: the field, a message key and its parameters. */
export interface ConfigProblem {
	field: string;
	key: string;
	params: string[];
}

/**
 * What keeps a (cleaned) config from being saved: the program id (when creating), a
 * name, at least one coordinator, stages whose thresholds grow, every message with a text
 * and without hazards (messageHazards), and the schema of config.json (each issue with its path).
 */
export function configProblems( config: ProgramConfig, id?: string, categoryNames?: string[] ): ConfigProblem[] {
	const problems: ConfigProblem[] = [];
	if ( id !== undefined && !PROGRAM_ID.test( id ) ) {
		problems.push( { field: 'id', key: 'mentorship-console-problem-id', params: [ id ] } );
	}
	if ( !config.name ) {
		problems.push( { field: 'name', key: 'mentorship-console-problem-name', params: [] } );
	}
	if ( !config.coordinators.length ) {
		problems.push( { field: 'coordinators', key: 'mentorship-console-problem-coordinators', params: [] } );
	}
	if ( config.stages ) {
		for ( let s = 2; s < STAGES.length; s++ ) {
			const lower = config.stages[ STAGES[ s - 1 ] as 'emerging' | 'expanding' ];
			const upper = config.stages[ STAGES[ s ] as 'expanding' | 'elevated' ];
			if ( lower && upper && ( upper.edits < lower.edits || upper.days < lower.days ) ) {
				problems.push( { field: 'stages', key: 'mentorship-console-problem-stages', params: [ STAGES[ s - 1 ] as string, STAGES[ s ] as string ] } );
			}
		}
	}
	for ( const mid of Object.keys( config.messages || {} ) ) {
		const message = ( config.messages as Record<string, ProgramMessage> )[ mid ] as ProgramMessage;
		if ( !Object.keys( message.text ).length ) {
			problems.push( { field: 'messages', key: 'mentorship-console-problem-message-text', params: [ mid ] } );
		}
		for ( const lang of Object.keys( message.text ) ) {
			const texts = [ message.text[ lang ] as string, message.subject[ lang ] || '' ];
			const hazards: MessageHazard[] = [];
			for ( const t of texts ) {
				for ( const h of messageHazards( t, categoryNames ) ) {
					if ( hazards.indexOf( h ) === -1 ) {
						hazards.push( h );
					}
				}
			}
			for ( const h of hazards ) {
				problems.push( { field: 'messages', key: HAZARD_KEYS[ h ], params: [ mid, lang ] } );
			}
		}
	}
	const checked = validate( configSchema, config );
	if ( !checked.ok ) {
		for ( const issue of checked.issues ) {
			problems.push( { field: issue.path.split( /[.[]/ )[ 0 ] || '', key: 'mentorship-console-problem-invalid', params: [ issue.path, describeIssue( issue ) ] } );
		}
	}
	return problems;
}

/**
 * The console's edit as a change for Store.update: each member of FORM_FIELDS the
 * coordinator changed (edited differs from the baseline the form opened with) is set on
 * the page as it is now; the members they left alone keep whatever the page holds, even
 * if another coordinator changed them meanwhile. Idempotent.
 */
export function applyConfigEdit( current: ProgramConfig, baseline: ProgramConfig, edited: ProgramConfig ): ProgramConfig {
	const out = current as unknown as Record<string, unknown>;
	const before = baseline as unknown as Record<string, unknown>;
	const after = edited as unknown as Record<string, unknown>;
	for ( const key of FORM_FIELDS ) {
		if ( deepEqual( before[ key ], after[ key ] ) ) {
			continue;
		}
		if ( after[ key ] === undefined ) {
			delete out[ key ];
		} else {
			out[ key ] = clone( after[ key ] );
		}
	}
	return current;
}

/** The number of roster pages a config asks for. */
export function rosterShardCount( config: ProgramConfig ): number {
	return ( config.shards && config.shards.roster ) || 1;
}

/**
 * Where each roster entry lives with `shards` pages: the members of each page of the new
 * layout (every page listed, empty ones too), from the entries of the old layout.
 */
export function reshardRoster( programId: string, members: Record<string, RosterMember>, shards: number ): Record<string, Record<string, RosterMember>> {
	const out: Record<string, Record<string, RosterMember>> = {};
	for ( const title of rosterTitles( programId, shards ) ) {
		out[ title ] = {};
	}
	for ( const name of Object.keys( members ).sort( compareNames ) ) {
		const title = rosterTitle( programId, shards, name );
		( out[ title ] as Record<string, RosterMember> )[ name ] = clone( members[ name ] as RosterMember );
	}
	return out;
}

/** A change that puts `entries` into a roster page (adding or replacing those names, keeping the others). */
export function rosterPut( roster: Roster, entries: Record<string, RosterMember> ): Roster {
	for ( const name of Object.keys( entries ) ) {
		if ( !deepEqual( roster.members[ name ], entries[ name ] ) ) {
			roster.members[ name ] = clone( entries[ name ] as RosterMember );
		}
	}
	const sorted: Record<string, RosterMember> = {};
	for ( const name of Object.keys( roster.members ).sort( compareNames ) ) {
		sorted[ name ] = roster.members[ name ] as RosterMember;
	}
	roster.members = sorted;
	return roster;
}

/** A change that removes from a roster page every name that belongs on another page. */
export function rosterKeepOnly( roster: Roster, belongs: ( name: string ) => boolean ): Roster {
	for ( const name of Object.keys( roster.members ) ) {
		if ( hasOwn.call( roster.members, name ) && !belongs( name ) ) {
			delete roster.members[ name ];
		}
	}
	return roster;
}

/** A new program's empty config, with the creator as coordinator. */
export function newConfig( creator: string, language: string ): ProgramConfig {
	return {
		version: 1,
		name: '',
		description: '',
		coordinators: [ creator ],
		topics: [],
		languages: [ language ],
		termDays: 90,
		unansweredDays: 3,
	};
}
