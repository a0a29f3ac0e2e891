/** Types of build.mjs, for the TypeScript scripts that call it. */

export interface ManifestPage {
	title: string;
	/** Relative to the output folder. */
	file: string;
	contentmodel: 'javascript' | 'css' | 'wikitext';
}

export interface Manifest {
	version: string;
	commit: string;
	pages: ManifestPage[];
	definitions: {
		section: string;
		/** Lines whose dependencies every supported release has. */
		lines: string[];
		/** Per gadget id: modules to add to its line where the target wiki has them. */
		optionalDependencies?: Record<string, string[]>;
	};
}

export interface SizeEntry {
	title: string;
	gadget: string | null;
	raw: number;
	gzip: number;
	served?: number;
	servedGzip?: number;
}

export interface SizeReport {
	gadget: string;
	files: SizeEntry[];
	total: { raw: number; gzip: number; served: number; servedGzip: number };
	budget: { gzip?: number };
	over: boolean;
}

export class BuildError extends Error {}
export function commitId(): string;
/** What a feature's first click loads of this project's code, as served (gzipped bytes). */
export interface FirstClick {
	feature: string;
	/** The hidden gadgets it loads (the feature's, the shared ones it uses, the base). */
	modules: string[];
	gzip: number;
	/** With the feature's message module in another language. */
	withLanguage: Record<string, number>;
	budget: { gzip?: number };
	over: boolean;
}

export function build( options?: {
	outDir?: string;
	quiet?: boolean;
	languages?: string[] | null;
	/** The lazy code as one module, as before the split (default: MENTORSHIP_SINGLE_MODULE=1). */
	single?: boolean;
	/** Short local names (default: unless MENTORSHIP_READABLE=1). */
	minify?: boolean;
	/** Per gadget id, options replacing those of gadgets/*.json (for tests). */
	overrides?: Record<string, Record<string, unknown>>;
} ): Promise<{ manifest: Manifest; report: SizeReport[]; clicks: FirstClick[] }>;
export function lowerToEs5( code: string, fileName: string ): string;
export function checkEs5( code: string, fileName: string ): void;
export function checkPageSafe( text: string, fileName: string ): void;

/** The names an output of the code split exports whose binding it reassigns. */
export function liveExports( text: string ): Set<string>;
/** One output of the code split as a script of its own (imports and exports through mw.libs.mentorshipChunks). */
export function linkChunk( text: string, fileName: string, idOf: ( path: string ) => string | undefined, liveOf: ( path: string ) => Set<string> ): string;
