/**
 * The demo data of `npm start`: accounts for every role, a program in which some mentees
 * have a mentor and some do not, a few articles to ask about, the help desk the program
 * names, and a question a mentee asked with "Ask my mentor" that her mentor answered, all
 * written through the same code the gadgets use. Running it again changes nothing (every
 * change is idempotent).
 */

import { readFileSync } from 'node:fs';
import { isAnswered } from '../../src/core/ask';
import { isoSeconds } from '../../src/core/dates';
import { CONFIG, Membership, PROFILE, ProgramConfig, Question } from '../../src/core/format';
import { configTitle, profileTitle, userTalkTitle } from '../../src/core/titles';
import { loadAskState } from '../../src/wiki/ask';
import { sendQuestion } from '../../src/wiki/ask-send';
import { WikiClient } from '../../src/wiki/client';
import { loadMentorView } from '../../src/wiki/membership';
import { mentorCacheOption } from '../../src/wiki/mentor-cache';
import { joinProgram, setMentor, WriteContext } from '../../src/wiki/programs';
import { Store } from '../../src/wiki/store';
import { adminSession, login } from './accounts';
import { LocalWiki } from './localwiki';
import { createPage } from '../../src/wiki/create-page';

export const DEMO_PASSWORD = 'mentorship-demo';
export const DEMO_PROGRAM = 'demo';

export interface DemoAccount {
	name: string;
	password: string;
	role: string;
	groups?: string[];
	membership?: Omit<Membership, 'joined'>;
	mentor?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ name: 'Cora Coordinator', password: DEMO_PASSWORD, role: 'coordinator of the demo program' },
	{
		name: 'Mateo Mentor', password: DEMO_PASSWORD, role: 'mentor (History, Music; es, en)',
		membership: { role: 'mentor', topics: [ 'History', 'Music' ], languages: [ 'es', 'en' ], capacity: 3,
			intro: 'I write about medieval music and the history of Spain. Ask me anything about sources.', status: 'active' },
	},
	{
		name: 'Aisha Mentor', password: DEMO_PASSWORD, role: 'mentor (Science, Medicine; ar, en, fr)',
		membership: { role: 'mentor', topics: [ 'Science', 'Medicine', 'Women in science' ], languages: [ 'ar', 'en', 'fr' ], capacity: 2,
			intro: 'Physician and long-time editor of medical articles.', status: 'active' },
	},
	{
		name: 'Lena Mentor', password: DEMO_PASSWORD, role: 'mentor (Art, Museums; en, de)',
		membership: { role: 'mentor', topics: [ 'Art', 'Museums' ], languages: [ 'en', 'de' ], capacity: 4,
			intro: 'Museum librarian; I help with images, citations and article structure.', status: 'active' },
	},
	{
		name: 'Maya Mentee', password: DEMO_PASSWORD, role: 'mentee of Aisha Mentor',
		membership: { role: 'mentee', topics: [ 'Science', 'Women in science' ], languages: [ 'en' ],
			goals: 'Write a biography of a chemist from my city.' },
		mentor: 'Aisha Mentor',
	},
	{
		name: 'Tomás Mentee', password: DEMO_PASSWORD, role: 'mentee without a mentor yet',
		membership: { role: 'mentee', topics: [ 'Music', 'History' ], languages: [ 'es' ],
			goals: 'Improve the articles about medieval music in Spanish.' },
	},
	{
		name: 'Yusuf Mentee', password: DEMO_PASSWORD, role: 'mentee of Aisha Mentor',
		membership: { role: 'mentee', topics: [ 'Medicine' ], languages: [ 'ar', 'en' ], goals: 'Translate medical articles into Arabic.' },
		mentor: 'Aisha Mentor',
	},
	{ name: 'Nina Newcomer', password: DEMO_PASSWORD, role: 'a newcomer, not yet invited' },
];

export const DEMO_CONFIG: ProgramConfig = {
	version: 1,
	name: 'Museum residency mentorship',
	description: 'Newcomers from the museum\'s edit-a-thons are paired with experienced editors for three months.',
	coordinators: [ 'Cora Coordinator' ],
	topics: [ 'Art', 'History', 'Medicine', 'Museums', 'Music', 'Science', 'Women in science' ],
	languages: [ 'en', 'es', 'fr', 'ar' ],
	termDays: 90,
	unansweredDays: 3,
	helpDesk: 'Project:Help desk',
};

const SUMMARIES = { profile: 'Mentorship: demo profile', roster: 'Mentorship: demo roster' };

/** A few articles for the demo's questions to be about (short texts written for the demo). */
export const DEMO_ARTICLES: Record<string, string> = {
	'Marie Curie': 'Marie Curie (1867–1934) was a physicist and chemist who did pioneering research on radioactivity. ' +
		'She was the first woman to win a Nobel Prize and the only person to win Nobel Prizes in two sciences.\n\n' +
		'== Early life ==\nShe was born Maria Skłodowska in Warsaw.\n\n== Research ==\nWith Pierre Curie she discovered polonium and radium.\n\n[[Category:Women in science]]',
	'Hildegard of Bingen': 'Hildegard of Bingen (1098–1179) was a German Benedictine abbess, writer and composer. ' +
		'Her liturgical songs are among the largest surviving bodies of medieval music by a single composer.\n\n' +
		'== Music ==\nHer works are collected as the Symphonia.\n\n[[Category:Music]]',
	'Ibn Sina': 'Ibn Sina (c. 980–1037), known in the West as Avicenna, was a Persian physician and philosopher. ' +
		'His Canon of Medicine was a standard medical text for centuries.\n\n[[Category:Medicine]]',
	'Museum of Fine Arts': 'The Museum of Fine Arts is the museum whose edit-a-thons bring newcomers to this wiki. ' +
		'Its collection covers painting, sculpture and the decorative arts.\n\n[[Category:Museums]]',
};

/** The help desk the demo program sends questions to when no mentor can take them. */
export const DEMO_HELP_DESK_TEXT = 'Welcome to the help desk. Ask any question about editing this wiki: ' +
	'add a new section at the bottom of this page, and an experienced editor will answer here.\n\n' +
	'Members of the [[Special:BlankPage/Mentorship|mentorship program]] can also ask their own mentor with "Ask my mentor" on any article.';

/** The question the demo's mentee asked about an article, and her mentor's answer. */
export const DEMO_QUESTION = {
	mentee: 'Maya Mentee',
	mentor: 'Aisha Mentor',
	article: 'Marie Curie',
	id: 'demoquestion1',
	question: 'How do I cite the Nobel Prize website for the dates in the first paragraph?',
	answer: 'Good question! Put <code><nowiki><ref>[https://www.nobelprize.org/ The Nobel Prize], retrieved today.</ref></nowiki></code> ' +
		'after the sentence, and add <code><nowiki><references /></nowiki></code> in a References section at the end.',
};

/** Creates a page as `client`'s user when it does not exist yet; returns its latest revision. */
async function ensurePage( client: WikiClient, title: string, text: string, summary: string ): Promise<number> {
	const read = await client.readPage( title );
	if ( read.exists ) {
		return read.revid || 0;
	}
	const saved = await client.edit( { title, text, summary, createonly: true } );
	return saved.newrevid || 0;
}

function contentMessages(): ( key: string ) => string {
	const en = JSON.parse( readFileSync( new URL( '../../i18n/en.json', import.meta.url ), 'utf8' ) ) as Record<string, string>;
	return ( key ) => en[ key ] || key;
}

/**
 * The demo's story: articles, the help desk page, and one question asked through the ask
 * code (posted on the mentor's talk page and recorded in the mentee's profile) that the
 * mentor answered in its section, so the mentor's tab shows it answered.
 */
async function seedStory( wiki: LocalWiki ): Promise<void> {
	const admin = await adminSession( wiki );
	for ( const title of Object.keys( DEMO_ARTICLES ) ) {
		await ensurePage( admin.client, title, DEMO_ARTICLES[ title ] as string, 'Mentorship demo: an article' );
	}
	await ensurePage( admin.client, DEMO_CONFIG.helpDesk as string, DEMO_HELP_DESK_TEXT, 'Mentorship demo: the help desk' );

	const q = DEMO_QUESTION;
	const mentee = await login( wiki, q.mentee, DEMO_PASSWORD );
	const asked = async (): Promise<Question | undefined> => {
		const profile = await new Store( mentee.client ).read( profileTitle( q.mentee ), PROFILE );
		const membership = profile.value && profile.value.programs[ DEMO_PROGRAM ];
		return ( ( membership && membership.questions ) || [] ).find( ( x ) => x.id === q.id );
	};
	let question = await asked();
	if ( !question ) {
		const article = await mentee.client.readPage( q.article );
		const state = await loadAskState( mentee.client, q.mentee, { program: DEMO_PROGRAM, mentor: q.mentor }, Date.now() );
		const ctx: WriteContext = { store: new Store( mentee.client ), user: q.mentee, now: isoSeconds( Date.now() ), summaries: SUMMARIES };
		await sendQuestion( {
			client: mentee.client, ctx, state,
			recipient: { kind: 'mentor', user: q.mentor }, detour: null,
			question: q.question, article: { title: q.article, revid: article.revid || 0 },
			id: q.id, messages: contentMessages(),
		} );
		question = await asked();
	}
	if ( !question ) {
		throw new Error( 'The demo question was posted but not recorded in ' + profileTitle( q.mentee ) );
	}
	const mentor = await login( wiki, q.mentor, DEMO_PASSWORD );
	const view = await loadMentorView( mentor.client, DEMO_PROGRAM, q.mentor, Date.now() );
	if ( isAnswered( question, view.replies, userTalkTitle( q.mentee ) ) ) {
		return;
	}
	// The mentor replies under the question, as a talk page reply is saved: the section's
	// heading in the summary, which is how the mentor's tab tells answered questions.
	// Replies count from the second after the question (timestamps have whole seconds): a
	// person answers later; a script could answer within the same second.
	const after = Date.parse( question.time ) + 1000;
	await new Promise( ( resolve ) => {
		setTimeout( resolve, Math.max( 0, after - Date.now() + 100 ) );
	} );
	const talk = await mentor.client.readPage( question.page );
	await mentor.client.edit( {
		title: question.page,
		text: ( talk.content || '' ).replace( /\s+$/, '' ) + '\n:' + q.answer + ' ~~~~\n',
		summary: '/* ' + question.section + ' */ reply',
		baserevid: talk.revid,
	} );
}

export async function seedDemo( wiki: LocalWiki ): Promise<void> {
	const coordinator = await login( wiki, 'Cora Coordinator', DEMO_PASSWORD );
	const coordStore = new Store( coordinator.client );
	await createPage( coordStore, configTitle( DEMO_PROGRAM ), CONFIG, DEMO_CONFIG, 'Mentorship: demo program' );
	const now = isoSeconds( Date.now() );
	for ( const account of DEMO_ACCOUNTS ) {
		if ( !account.membership ) {
			continue;
		}
		const session = await login( wiki, account.name, account.password );
		const ctx: WriteContext = { store: new Store( session.client ), user: account.name, now, summaries: SUMMARIES };
		const membership = { ...account.membership, joined: now } as Membership;
		const existing = await ctx.store.read( profileTitle( account.name ), PROFILE );
		if ( !existing.value || !existing.value.programs[ DEMO_PROGRAM ] ) {
			await joinProgram( ctx, DEMO_PROGRAM, DEMO_CONFIG, membership );
		}
		if ( account.mentor ) {
			await setMentor( ctx, DEMO_PROGRAM, DEMO_CONFIG, account.name, account.mentor );
			await mentorCacheOption( session.client, null ).save( { program: DEMO_PROGRAM, mentor: account.mentor } );
		}
	}
	await seedStory( wiki );
}
