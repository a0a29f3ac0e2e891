/**
 * What mentorship-core offers the loaders once loaded (mw.libs.mentorship) is declared in
 * src/lib/contract.ts, which the UI implements; loaders know only that shape.
 */
import type { MentorshipLib } from '../../lib/contract';

export type { AskContext, MentorshipLib, PanelContext, WelcomeContext } from '../../lib/contract';

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
