/**
 * What the lazy code offers the loaders once loaded (mw.libs.mentorship) is declared in
 * src/lib/contract.ts; loaders know only that shape.
 */
import type { Feature, Loaded } from '../../lib/contract';

export type { AskContext, Feature, Loaded, MentorshipLib, PanelContext, WelcomeContext } from '../../lib/contract';

/** A loader's labels in each shipped language: `k` lists the keys, each language their texts. */
export type LoaderMessages = { k: string[] } & Record<string, ( string | 0 )[]>;

/** What mentorship-loader offers the loaders (mw.libs.mentorshipLoader): src/gadgets/common/loader.ts. */
export interface LoaderLib {
	setMessages( messages: LoaderMessages ): void;
	withCore( feature: Feature, trigger: HTMLElement | null, use: ( lib: Loaded ) => void, place?: HTMLElement ): void;
	addLink( portlets: string[], href: string, text: string, id: string, tooltip?: string, floating?: boolean ): HTMLAnchorElement | null;
	onActivate( link: HTMLAnchorElement, action: ( link: HTMLAnchorElement ) => void ): void;
	panelUrl( program?: string ): string;
}

/** The shared base, and in a single-module build everything. */
export const CORE_MODULE = 'ext.gadget.mentorship-core';
/** A feature's module: CORE_MODULE + '-' + feature (it depends on the shared code it uses). */
export const FEATURE_MODULE = CORE_MODULE + '-';
/**
 * The lazy code's messages in one language (English is bundled in each module):
 * MESSAGE_MODULE + language + '-' + feature, all a feature's; in a single-module build,
 * MESSAGE_MODULE + language.
 */
export const MESSAGE_MODULE = 'ext.gadget.mentorship-i18n-';

/** The features a user script turns on (window.mentorshipSettings; each is on unless set to false). */
export interface UserScriptSettings {
	ask?: boolean;
	welcome?: boolean;
	panel?: boolean;
}

/** What the user script's entry offers (mw.libs.mentorshipUserScript): src/gadgets/mentorship-user. */
export interface UserScriptLib {
	/** The features on, from the settings. */
	on: Required<UserScriptSettings>;
	/** The page that shows the line for common.js (User:NAME/mentorship/install.js, the deploy writes it). */
	install: string;
	/** Runs the loaders of the features on (the entry's own copies of the gadgets' loaders). */
	start( loaders: Partial<Record<keyof UserScriptSettings, () => void>> ): void;
}
