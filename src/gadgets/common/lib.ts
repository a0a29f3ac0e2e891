/**
 * What mentorship-core offers the loaders once loaded (mw.libs.mentorship). Loaders know
 * only this shape; they never import the lazy code itself.
 */

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

export interface MentorshipLib {
	version: string;
	ask( context: AskContext ): void;
	welcome( context: WelcomeContext ): void;
	welcomeBatch( context: { names?: string[]; trigger?: HTMLElement } ): void;
	mountPanel( container: HTMLElement, context: PanelContext ): void;
}

/** A loader's labels in each shipped language: `k` lists the keys, each language their texts. */
export type LoaderMessages = { k: string[] } & Record<string, ( string | 0 )[]>;

/** What mentorship-loader offers the loaders (mw.libs.mentorshipLoader): src/gadgets/common/loader.ts. */
export interface LoaderLib {
	setMessages( messages: LoaderMessages ): void;
	withCore( trigger: HTMLElement | null, use: ( lib: MentorshipLib ) => void, place?: HTMLElement ): void;
	addLink( portlets: string[], href: string, text: string, id: string, tooltip?: string, floating?: boolean ): HTMLAnchorElement | null;
	onActivate( link: HTMLAnchorElement, action: ( link: HTMLAnchorElement ) => void ): void;
	panelUrl( program?: string ): string;
}

export const CORE_MODULE = 'ext.gadget.mentorship-core';
/** The shared code's messages in one language (English is bundled in the shared code). */
export const MESSAGE_MODULE = 'ext.gadget.mentorship-i18n-';
