/**
 * The demo data of `npm start`: accounts for every role and a program in which some
 * mentees have a mentor and some do not, written through the same store the gadgets use.
 * Running it again changes nothing (every change is idempotent).
 */

import { CONFIG, Membership, PROFILE, ProgramConfig } from '../../src/core/format';
import { mentorCacheOption } from '../../src/wiki/mentor-cache';
import { configTitle, profileTitle } from '../../src/core/titles';
import { joinProgram, setMentor, WriteContext } from '../../src/wiki/programs';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { login } from './accounts';
import { LocalWiki } from './localwiki';

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

export async function seedDemo( wiki: LocalWiki ): Promise<void> {
	const coordinator = await login( wiki, 'Cora Coordinator', DEMO_PASSWORD );
	const coordStore = new Store( coordinator.client );
	await coordStore.create( configTitle( DEMO_PROGRAM ), CONFIG, DEMO_CONFIG, 'Mentorship: demo program' );
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
}
