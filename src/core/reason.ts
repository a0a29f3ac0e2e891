/**
 * A reason core gives for a decision (a match, a stage, a milestone): a message key and
 * its parameters. Core never builds user-visible text; the UI renders the message.
 */

/**
 * A message parameter. A list (string[]) is shown with the user language's list
 * formatting (mw.language.listToText), e.g. "History, Music and Art".
 */
export type ReasonParam = string | number | string[];

export interface Reason {
	/** Message key, always a full literal in the code so that the i18n check sees it. */
	key: string;
	params: ReasonParam[];
	/** Points this reason adds to a score, when it is part of one. */
	points?: number;
}
