/**
 * A small schema language for the on-wiki data format. One description of each page
 * serves three purposes: the runtime validator that ships in the gadget, the TypeScript
 * types (through Infer), and the published JSON Schema files (scripts/schemas.ts).
 *
 * Objects are open: members the schema does not name are kept as they are, so that a
 * newer gadget or a bot may add fields without this version destroying them.
 */

import { isPlainObject, own } from './json';
import { ID_PATTERN, isId } from './ids';
import { isPlausibleUserName } from './names';

/** What a value was expected to be; each has a message (mentorship-invalid-expected-*). */
export type Expected =
	'string' | 'text' | 'username' | 'timestamp' | 'date' | 'language' | 'title' | 'id' |
	'number' | 'integer' | 'boolean' | 'array' | 'object' | 'one-of' | 'version' |
	'required' | 'unique';

export interface Issue {
	/** Path to the value, as in `members.Alice.mentor`; empty for the whole page. */
	path: string;
	expected: Expected;
	/** For one-of: the allowed values; for text: the maximum length. */
	detail?: string;
	/** Short description of the value found, e.g. `42` or `an object`. */
	got: string;
}

export interface JsonSchema {
	[ key: string ]: unknown;
}

export interface Schema<T> {
	/** Phantom member carrying the described type; never set at run time. */
	readonly type?: T;
	readonly optional?: boolean;
	check( value: unknown, path: string, issues: Issue[] ): void;
	toJsonSchema(): JsonSchema;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const EXPECTED_TEXT: Record<Expected, string> = {
	string: 'a string',
	text: 'a text',
	username: 'a user name',
	timestamp: 'a timestamp (YYYY-MM-DDTHH:MM:SSZ)',
	date: 'a date (YYYY-MM-DD)',
	language: 'a language code',
	title: 'a page title',
	id: 'an identifier (letters, digits, - and _)',
	number: 'a number',
	integer: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
	'one-of': 'one of',
	version: 'format version 1',
	required: 'a value (it is required)',
	unique: 'no duplicates',
};

/** English rendering of an issue, for logs, bots and tests (the UI uses messages). */
export function describeIssue( issue: Issue ): string {
	let expected = EXPECTED_TEXT[ issue.expected ];
	if ( issue.detail !== undefined ) {
		expected += issue.expected === 'text' ? ' of at most ' + issue.detail + ' characters' : ' ' + issue.detail;
	}
	return ( issue.path || '(page)' ) + ': expected ' + expected + ', got ' + issue.got;
}

export function describeValue( value: unknown ): string {
	if ( value === undefined ) {
		return 'nothing';
	}
	if ( Array.isArray( value ) ) {
		return 'a list';
	}
	if ( isPlainObject( value ) ) {
		return 'an object';
	}
	if ( typeof value === 'string' ) {
		const shown = value.length > 40 ? value.slice( 0, 40 ) + '…' : value;
		return JSON.stringify( shown );
	}
	return String( value );
}

export function joinPath( path: string, key: string | number ): string {
	if ( typeof key === 'number' ) {
		return path + '[' + key + ']';
	}
	const plain = /^[^.[\]"]+$/.test( key );
	const part = plain ? key : '[' + JSON.stringify( key ) + ']';
	return path === '' ? part : ( plain ? path + '.' + part : path + part );
}

function fail( issues: Issue[], path: string, expected: Expected, value: unknown, detail?: string ): void {
	const issue: Issue = { path: path, expected: expected, got: describeValue( value ) };
	if ( detail !== undefined ) {
		issue.detail = detail;
	}
	issues.push( issue );
}

/** Whether the value is an object; when it is not, the issue says so at `path`. */
function isObjectAt( value: unknown, path: string, issues: Issue[] ): value is Record<string, unknown> {
	if ( isPlainObject( value ) ) {
		return true;
	}
	fail( issues, path, 'object', value );
	return false;
}

function leaf<T>( expected: Expected, test: ( v: unknown ) => boolean, json: JsonSchema ): Schema<T> {
	return {
		check: function ( value, path, issues ) {
			if ( !test( value ) ) {
				fail( issues, path, expected, value );
			}
		},
		toJsonSchema: function () {
			return json;
		},
	};
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const ID = ID_PATTERN;
export { isId };

function isString( v: unknown ): v is string {
	return typeof v === 'string';
}

export const str: Schema<string> = leaf( 'string', isString, { type: 'string' } );

/** A free text typed by a person, with a length limit (in UTF-16 units, as the UI counts). */
export function text( max: number ): Schema<string> {
	return {
		check: function ( value, path, issues ) {
			if ( !isString( value ) || value.length > max ) {
				fail( issues, path, 'text', value, String( max ) );
			}
		},
		toJsonSchema: function () {
			return { type: 'string', maxLength: max };
		},
	};
}

export const username: Schema<string> = leaf( 'username', ( v ) => isString( v ) && isPlausibleUserName( v ), {
	type: 'string', minLength: 1, maxLength: 255, pattern: '^[^#<>\\[\\]|{}/_]+$',
	description: 'A user name as MediaWiki shows it: spaces, not underscores; first letter as the wiki capitalises it',
} );
export const timestamp: Schema<string> = leaf( 'timestamp', ( v ) => isString( v ) && TIMESTAMP.test( v ), {
	type: 'string', pattern: TIMESTAMP.source, description: 'UTC, as the API writes timestamps',
} );
export const date: Schema<string> = leaf( 'date', ( v ) => isString( v ) && DATE.test( v ), {
	type: 'string', pattern: DATE.source,
} );
export const language: Schema<string> = leaf( 'language', ( v ) => isString( v ) && LANGUAGE.test( v ), {
	type: 'string', pattern: LANGUAGE.source, description: 'A MediaWiki language code',
} );
// As MediaWiki's titles: none of #<>[]|{}, no line break, no run of three tildes (a signature).
export const title: Schema<string> = leaf( 'title', ( v ) => isString( v ) && v.length > 0 && v.length <= 255 && !/[#<>[\]|{}\n\r]|~{3}/.test( v ), {
	type: 'string', minLength: 1, maxLength: 255, pattern: '^(?!.*~{3})[^#<>\\[\\]|{}\n\r]+$',
} );
export const id: Schema<string> = leaf( 'id', ( v ) => isString( v ) && ID.test( v ), {
	type: 'string', pattern: ID.source,
} );
export const bool: Schema<boolean> = leaf( 'boolean', ( v ) => typeof v === 'boolean', { type: 'boolean' } );

export function num( options: { integer?: boolean; min?: number; max?: number } = {} ): Schema<number> {
	const expected: Expected = options.integer ? 'integer' : 'number';
	return {
		check: function ( value, path, issues ) {
			const ok = typeof value === 'number' && isFinite( value ) &&
				( !options.integer || Math.floor( value ) === value ) &&
				( options.min === undefined || value >= options.min ) &&
				( options.max === undefined || value <= options.max );
			if ( !ok ) {
				let range: string | undefined;
				if ( options.min !== undefined || options.max !== undefined ) {
					range = 'from ' + ( options.min === undefined ? '-∞' : options.min ) +
						' to ' + ( options.max === undefined ? '∞' : options.max );
				}
				fail( issues, path, expected, value, range );
			}
		},
		toJsonSchema: function () {
			const json: JsonSchema = { type: options.integer ? 'integer' : 'number' };
			if ( options.min !== undefined ) {
				json.minimum = options.min;
			}
			if ( options.max !== undefined ) {
				json.maximum = options.max;
			}
			return json;
		},
	};
}

export function oneOf<V extends string | number>( values: readonly V[] ): Schema<V> {
	return {
		check: function ( value, path, issues ) {
			if ( values.indexOf( value as V ) === -1 ) {
				fail( issues, path, 'one-of', value, values.join( ', ' ) );
			}
		},
		toJsonSchema: function () {
			return { enum: values.slice() };
		},
	};
}

export function array<T>( item: Schema<T>, options: { max?: number; unique?: boolean } = {} ): Schema<T[]> {
	return {
		check: function ( value, path, issues ) {
			if ( !Array.isArray( value ) || ( options.max !== undefined && value.length > options.max ) ) {
				fail( issues, path, 'array', value, options.max !== undefined ? 'of at most ' + options.max + ' items' : undefined );
				return;
			}
			const seen: Record<string, true> = {};
			for ( let i = 0; i < value.length; i++ ) {
				item.check( value[ i ], joinPath( path, i ), issues );
				if ( options.unique && typeof value[ i ] === 'string' ) {
					if ( seen[ value[ i ] ] ) {
						fail( issues, joinPath( path, i ), 'unique', value[ i ] );
					}
					seen[ value[ i ] ] = true;
				}
			}
		},
		toJsonSchema: function () {
			const json: JsonSchema = { type: 'array', items: item.toJsonSchema() };
			if ( options.max !== undefined ) {
				json.maxItems = options.max;
			}
			if ( options.unique ) {
				json.uniqueItems = true;
			}
			return json;
		},
	};
}

/** An object used as a map; keys are checked with `key` (a string schema). */
export function record<T>( key: Schema<string>, value: Schema<T> ): Schema<Record<string, T>> {
	return {
		check: function ( v, path, issues ) {
			if ( !isObjectAt( v, path, issues ) ) {
				return;
			}
			for ( const k of Object.keys( v ) ) {
				const before = issues.length;
				key.check( k, joinPath( path, k ), issues );
				if ( issues.length > before ) {
					// Report the key itself, not "got" the same key again.
					( issues[ before ] as Issue ).got = describeValue( k ) + ' as a key';
				}
				value.check( v[ k ], joinPath( path, k ), issues );
			}
		},
		toJsonSchema: function () {
			const keyJson = key.toJsonSchema();
			const json: JsonSchema = { type: 'object', additionalProperties: value.toJsonSchema() };
			if ( keyJson.pattern ) {
				json.propertyNames = { pattern: keyJson.pattern };
			}
			return json;
		},
	};
}

export function optional<T>( schema: Schema<T> ): Schema<T | undefined> & { optional: true } {
	return {
		optional: true,
		check: function ( value, path, issues ) {
			if ( value !== undefined ) {
				schema.check( value, path, issues );
			}
		},
		toJsonSchema: function () {
			return schema.toJsonSchema();
		},
	};
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<P extends Shape> = { [ K in keyof P ]: P[ K ] extends { optional: true } ? K : never }[ keyof P ];
type RequiredKeys<P extends Shape> = Exclude<keyof P, OptionalKeys<P>>;
type Simplify<T> = { [ K in keyof T ]: T[ K ] };
export type ObjectOf<P extends Shape> = Simplify<
	{ [ K in RequiredKeys<P> ]: Infer<P[ K ]> } &
	{ [ K in OptionalKeys<P> ]?: Exclude<Infer<P[ K ]>, undefined> }
>;

export function object<P extends Shape>( shape: P, description?: string ): Schema<ObjectOf<P>> {
	return {
		check: function ( value, path, issues ) {
			if ( !isObjectAt( value, path, issues ) ) {
				return;
			}
			for ( const key of Object.keys( shape ) ) {
				const schema = shape[ key ] as Schema<unknown>;
				if ( !own( value, key ) || value[ key ] === undefined ) {
					if ( !schema.optional ) {
						fail( issues, joinPath( path, key ), 'required', undefined );
					}
					continue;
				}
				schema.check( value[ key ], joinPath( path, key ), issues );
			}
		},
		toJsonSchema: function () {
			const properties: JsonSchema = {};
			const required: string[] = [];
			for ( const key of Object.keys( shape ) ) {
				const schema = shape[ key ] as Schema<unknown>;
				properties[ key ] = schema.toJsonSchema();
				if ( !schema.optional ) {
					required.push( key );
				}
			}
			const json: JsonSchema = { type: 'object', properties: properties, additionalProperties: true };
			if ( required.length ) {
				json.required = required;
			}
			if ( description ) {
				json.description = description;
			}
			return json;
		},
	};
}

/** The `version` member every page carries; anything but 1 is refused, not guessed. */
export const version1: Schema<1> = {
	check: function ( value, path, issues ) {
		if ( value !== 1 ) {
			fail( issues, path, 'version', value );
		}
	},
	toJsonSchema: function () {
		return { const: 1, description: 'Format version. Readers refuse a version they do not know.' };
	},
};

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function validate<T>( schema: Schema<T>, value: unknown ): Validation<T> {
	const issues: Issue[] = [];
	// A wrong version makes every other complaint noise: report it alone.
	if ( isPlainObject( value ) && own( value, 'version' ) && value.version !== 1 ) {
		version1.check( value.version, 'version', issues );
		return { ok: false, issues: issues };
	}
	schema.check( value, '', issues );
	return issues.length ? { ok: false, issues: issues } : { ok: true, value: value as T };
}
