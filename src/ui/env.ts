/**
 * What the features need from the page, gathered in one object so that every piece of
 * UI receives its dependencies (and tests can hand it fakes): the wiki client and store,
 * a clock, the user, languages, local storage and URLs.
 */

import { ContentMessages } from '../core/ask';
import { LanguageTexts } from '../core/welcome/messages';
import { Clock, systemClock, WikiClient } from '../wiki/client';
import { MwApiTransport } from '../wiki/mw-transport';
import { MentorCacheOption, mentorCacheOption } from '../wiki/mentor-cache';
import { Store } from '../wiki/store';
import { contentMessage, languageText } from './i18n';

export interface KeyValueStorage {
	get( key: string ): string | null;
	set( key: string, value: string, expirySeconds?: number ): void;
	remove( key: string ): void;
}

export interface Env {
	client: WikiClient;
	store: Store;
	clock: Clock;
	random: () => number;
	/** The logged-in user's name (null for a reader who is not logged in). */
	user: string | null;
	userLanguage: string;
	contentLanguage: string;
	storage: KeyValueStorage;
	/** URL of a page on this wiki. */
	url( title: string, params?: Record<string, string> ): string;
	/** Content-language messages for what is posted. */
	content: ContentMessages;
	/** Messages in a given language, for what is posted in the language the poster chose. */
	texts: LanguageTexts;
	/** The cached mentor (user option): every write goes through it. */
	mentorCache: MentorCacheOption;
}

/** The environment of the page the gadget runs in. */
export function browserEnv(): Env {
	const userLanguage = String( mw.config.get( 'wgUserLanguage' ) );
	const client = new WikiClient( { transport: new MwApiTransport( new mw.Api() ), language: userLanguage } );
	return {
		client: client,
		store: new Store( client ),
		clock: systemClock,
		random: Math.random,
		user: mw.config.get( 'wgUserName' ),
		userLanguage: userLanguage,
		contentLanguage: String( mw.config.get( 'wgContentLanguage' ) ),
		storage: {
			get: ( key ) => {
				const value = mw.storage.get( key );
				return typeof value === 'string' ? value : null;
			},
			set: ( key, value, expiry ) => {
				mw.storage.set( key, value, expiry );
			},
			remove: ( key ) => {
				mw.storage.remove( key );
			},
		},
		url: ( title, params ) => mw.util.getUrl( title, params ),
		content: contentMessage,
		texts: languageText,
		mentorCache: mentorCacheOption( client, mw.user.options ),
	};
}

/** Localised "today" helpers for display. */
export function formatDate( iso: string ): string {
	const date = new Date( iso.length === 10 ? iso + 'T00:00:00Z' : iso );
	if ( isNaN( date.getTime() ) ) {
		return iso;
	}
	try {
		return date.toLocaleDateString( String( mw.config.get( 'wgUserLanguage' ) ), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } );
	} catch ( e ) {
		return iso.slice( 0, 10 );
	}
}
