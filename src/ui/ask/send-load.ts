/**
 * What the ask dialog needs from Preview on is its own module (mentorship-core-asksend):
 * the first Preview loads it, the button showing that it is busy, and a failure shows in
 * `place`, in the dialog, with Retry (the loaders' withCore); the form is left as it was.
 * Already there in a single-module build, and once loaded.
 */

import type { AskSendCode } from './send';

export type { AskSendCode };

/** The code, when it has loaded; else null. */
export function askSendCode(): AskSendCode | null {
	const lib = mw.libs.mentorship;
	return lib && lib.askSend ? lib.askSend as unknown as AskSendCode : null;
}

/** Loads the code, then calls `use` (once, on success; a failure shows in `place`, with Retry). */
export function loadAskSend( trigger: HTMLElement, place: HTMLElement, use: () => void ): void {
	mw.libs.mentorshipLoader.withCore( 'asksend', trigger, () => use(), place );
}
