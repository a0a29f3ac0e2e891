/** Modules the build generates (build.mjs, virtualModules). */
declare module 'mentorship:messages' {
	/** The messages this gadget bundles, by language code. */
	const messages: Record<string, Record<string, string>>;
	export default messages;
}

declare module 'mentorship:build' {
	export const VERSION: string;
	export const COMMIT: string;
}
