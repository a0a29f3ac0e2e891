/**
 * The ResourceLoader modules a wiki has, and the gadget definition lines that fit it.
 *
 * A gadget that declares a module the wiki lacks registers, but loading it fails ("Unknown
 * module"), and every control that needs it with it: MediaWiki 1.43 has no `es6-polyfills`,
 * which 1.39 has. So the deploy reads the target wiki's module registry (what its startup
 * module registers), adds each optional dependency only where the wiki has it, and refuses
 * a line whose required dependency the wiki lacks, naming the module.
 */

import { userAgent } from './user-agent';

/** Modules that this deploy itself installs (the gadgets' own): present once it is done. */
const OWN = /^ext\.gadget\.mentorship-/;

/**
 * The load.php address of a wiki, from its api.php address.
 *
 * @param api
 */
export function loadUrl( api: string ): string {
	const url = new URL( api );
	url.search = '';
	url.pathname = url.pathname.replace( /api\.php$/, 'load.php' );
	return url.toString();
}

/**
 * The names of the modules registered in a startup module's script:
 * `mw.loader.register( [ [ "name", "version", … ], … ] )`.
 *
 * @param startup
 */
export function parseRegistry( startup: string ): Set<string> {
	const names = new Set<string>();
	const at = startup.indexOf( 'mw.loader.register(' );
	if ( at === -1 ) {
		return names;
	}
	const re = /\[\s*"((?:[^"\\]|\\.)+)"\s*,\s*"[^"]*"/g;
	re.lastIndex = at;
	for ( let m = re.exec( startup ); m; m = re.exec( startup ) ) {
		names.add( JSON.parse( '"' + ( m[ 1 ] as string ) + '"' ) as string );
	}
	return names;
}

/**
 * Reads the module registry of the wiki at `api` (one request to load.php).
 *
 * @param api
 * @param fetcher
 */
export async function registeredModules( api: string, fetcher: typeof fetch = fetch ): Promise<Set<string>> {
	const url = loadUrl( api ) + '?modules=startup&only=scripts&raw=1&skin=vector';
	const response = await fetcher( url, { headers: { 'Api-User-Agent': userAgent() } } );
	if ( !response.ok ) {
		throw new Error( `Could not read the wiki's module registry (${ url }: HTTP ${ response.status })` );
	}
	const names = parseRegistry( await response.text() );
	if ( names.size < 10 ) {
		throw new Error( `Could not read the wiki's module registry at ${ url }: it lists ${ names.size } modules` );
	}
	return names;
}

export class MissingModuleError extends Error {
	public constructor( public readonly gadget: string, public readonly module: string ) {
		super( `The wiki has no ResourceLoader module "${ module }", which the gadget ${ gadget } depends on: ` +
			'this deploy would install a gadget that cannot load. Deploy to a supported MediaWiki release (1.39 or later), ' +
			`or remove "${ module }" from gadgets/${ gadget }.json.` );
		this.name = 'MissingModuleError';
	}
}

function lineParts( line: string ): { id: string; head: string; options: string[]; tail: string } | null {
	const m = /^(\*\s*([^[|\s]+)\s*\[)([^\]]*)(\].*)$/.exec( line );
	return m ? { id: m[ 2 ] as string, head: m[ 1 ] as string, options: ( m[ 3 ] as string ).split( '|' ), tail: m[ 4 ] as string } : null;
}

/**
 * The definition lines for a wiki whose registry is `registry`: each line's dependencies
 * checked (throws MissingModuleError for the first one missing), and the optional ones the
 * wiki has added.
 *
 * @param lines
 * @param optional Per gadget id, modules to add where the wiki has them.
 * @param registry
 */
export function linesForWiki( lines: string[], optional: Record<string, string[]>, registry: Set<string> ): string[] {
	return lines.map( ( line ) => {
		const parts = lineParts( line );
		if ( !parts ) {
			return line;
		}
		let found = false;
		const options = parts.options.map( ( option ) => {
			const m = /^dependencies=(.*)$/.exec( option );
			if ( !m ) {
				return option;
			}
			found = true;
			const deps = ( m[ 1 ] as string ).split( ',' ).map( ( d ) => d.trim() ).filter( Boolean );
			return 'dependencies=' + withOptional( parts.id, deps, optional, registry ).join( ',' );
		} );
		if ( !found ) {
			const deps = withOptional( parts.id, [], optional, registry );
			if ( deps.length ) {
				options.splice( 1, 0, 'dependencies=' + deps.join( ',' ) );
			}
		}
		return parts.head + options.join( '|' ) + parts.tail;
	} );
}

function withOptional( id: string, deps: string[], optional: Record<string, string[]>, registry: Set<string> ): string[] {
	for ( const dep of deps ) {
		if ( !registry.has( dep ) && !OWN.test( dep ) ) {
			throw new MissingModuleError( id, dep );
		}
	}
	const extra = ( optional[ id ] || [] ).filter( ( dep ) => registry.has( dep ) && !deps.includes( dep ) );
	return extra.concat( deps );
}
