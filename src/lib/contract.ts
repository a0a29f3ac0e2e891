/**
 * The contract between the loaders (src/gadgets) and the shared code (src/ui): what
 * mentorship-core offers once loaded (mw.libs.mentorship), and the panel's route. A leaf
 * module: it imports nothing, and every layer may import it.
 */

/** The page the matching panel lives on. */
export const PANEL_PAGE = 'Special:BlankPage/Mentorship';

/** The gadget that shows the panel; `withgadget` loads it for users who have not turned it on. */
export const PANEL_GADGET = 'mentorship-match';

export interface AskContext {
	/** The article the mentee is reading, and its revision. */
	article: string;
	revid: number;
	/** The link that was clicked (focus returns to it when the dialog closes). */
	trigger?: HTMLElement;
}

export interface WelcomeContext {
	/** The user to welcome, from the page (user talk page or contributions). */
	user?: string;
	trigger?: HTMLElement;
}

export interface PanelContext {
	/** Program to open, from data-program or the URL. */
	program?: string;
	/** Open a view directly (e.g. "console" for coordinators). */
	view?: string;
	/** The panel is the page (Special:BlankPage/Mentorship), not embedded in one. */
	page?: boolean;
}

/**
 * What the lazily loaded code offers the loaders (mw.libs.mentorship). The lazy code is split
 * by feature (build.mjs): the shared base (mentorship-core) sets `version`, and each feature
 * module (mentorship-core-ask, -welcome, -batch, -panel, -console) adds its entry points when it has
 * loaded. A single-module build (`node build.mjs --single`) sets them all at once.
 */
export interface MentorshipLib {
	version: string;
	/** From the ask feature. */
	ask?( context: AskContext ): void;
	/** From the welcome feature. */
	welcome?( context: WelcomeContext ): void;
	/** From the batch feature (invitations from the new-users log). */
	welcomeBatch?( context: { names?: string[]; trigger?: HTMLElement } ): void;
	/** From the panel feature. */
	mountPanel?( container: HTMLElement, context: PanelContext ): void;
	/** From the console feature (the panel loads it when a coordinator opens the console tab). */
	consoleTab?( context: unknown ): JQuery;
	/** From the needs feature (the panel loads it when a mentor's mentees tab is shown): the "Needs you" list. */
	needsYouSection?( context: unknown, view: unknown ): JQuery;
	/** From the graduation feature (a mentor's or a coordinator's Graduate button): opens the dialog; true once graduated. */
	graduate?( config: unknown, trigger?: HTMLElement ): Promise<boolean>;
	/** From the snapshots feature (the console loads it when its dashboard shows): dated snapshots and their trends. */
	snapshotsSection?( context: unknown ): JQuery;
	/** From the asksend feature (the ask dialog loads it on its first Preview): building the question's post, and sending it. */
	askSend?: { buildQuestion( input: unknown, messages: unknown ): unknown; sendQuestion( options: unknown ): Promise<unknown> };
}

/** The features a loader (or the panel, for the console) can ask for. */
export type Feature = 'ask' | 'asksend' | 'welcome' | 'batch' | 'panel' | 'console' | 'needs' | 'graduation' | 'snapshots';

/** A loaded feature's entry points, as the loaders call them. */
export type Loaded = Required<MentorshipLib>;

/** The panel's URL parameters: a program, a view, and whether to load the panel's gadget. */
export function panelParams( program?: string | null, view?: string | null, withGadget = true ): Record<string, string> {
	const params: Record<string, string> = {};
	if ( withGadget ) {
		params.withgadget = PANEL_GADGET;
	}
	if ( program ) {
		params.program = program;
	}
	if ( view ) {
		params.view = view;
	}
	return params;
}

/** The URL of the matching panel, loading its gadget for users who have not turned it on. */
export function panelUrl( program?: string ): string {
	// Installed as a user script, the user's own script shows the panel (no gadget to load).
	return mw.util.getUrl( PANEL_PAGE, panelParams( program, null, !( mw.libs as { mentorshipUserScript?: unknown } ).mentorshipUserScript ) );
}
