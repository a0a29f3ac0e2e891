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
export function build( options?: { outDir?: string; quiet?: boolean; languages?: string[] | null } ): Promise<{ manifest: Manifest; report: SizeReport[] }>;
export function lowerToEs5( code: string, fileName: string ): string;
export function checkEs5( code: string, fileName: string ): void;
export function checkPageSafe( text: string, fileName: string ): void;
