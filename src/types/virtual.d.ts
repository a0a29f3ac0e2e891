/** Modules the build generates (build.mjs, virtualModules). */
declare module 'mentorship:messages' {
	/** The messages this gadget bundles, by language code. */
	const messages: Record<string, Record<string, string>>;
	export default messages;
}

declare module 'mentorship:loader-messages' {
	/** The loader's messages: `k` the keys, then per language the texts in that order (0: none). */
	const messages: { k: string[] } & Record<string, ( string | 0 )[]>;
	export default messages;
}

declare module 'mentorship:build' {
	export const VERSION: string;
	export const COMMIT: string;
}
