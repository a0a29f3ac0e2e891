/**
 * The demo tells a story (issue 15): what `npm start` seeds gives every feature something
 * to show: real articles to ask about, the help desk the program names, and a question a
 * mentee asked about an article that her mentor answered. Seeding twice changes nothing.
 */

import { describe, expect, it } from 'vitest';
import { isAnswered } from '../../src/core/ask';
import { PROFILE } from '../../src/core/format';
import { profileTitle, userTalkTitle } from '../../src/core/titles';
import { loadMentorView } from '../../src/wiki/membership';
import { Store } from '../../src/wiki/store';
import { ensureAccounts, login } from '../../scripts/lib/accounts';
import { DEMO_ACCOUNTS, DEMO_ARTICLES, DEMO_CONFIG, DEMO_PASSWORD, DEMO_PROGRAM, DEMO_QUESTION, seedDemo } from '../../scripts/lib/demo';
import { wiki } from '../support/fixtures';

describe( 'the demo', () => {
	it( 'seeds articles, the help desk and a question about an article that the mentor answered; seeding again adds nothing', async () => {
		const w = wiki();
		await ensureAccounts( w, DEMO_ACCOUNTS );
		await seedDemo( w );
		await seedDemo( w );
		const cora = await login( w, 'Cora Coordinator', DEMO_PASSWORD );
		for ( const title of Object.keys( DEMO_ARTICLES ) ) {
			await expect( cora.client.readPage( title ) ).resolves.toMatchObject( { exists: true } );
		}
		const desk = await cora.client.readPage( DEMO_CONFIG.helpDesk as string );
		expect( desk.exists ).toBe( true );
		expect( desk.content ).toContain( 'help desk' );

		const profile = await new Store( cora.client ).read( profileTitle( DEMO_QUESTION.mentee ), PROFILE );
		const questions = profile.value!.programs[ DEMO_PROGRAM ]!.questions || [];
		const asked = questions.filter( ( q ) => q.id === DEMO_QUESTION.id );
		expect( asked ).toHaveLength( 1 );
		expect( asked[ 0 ] ).toMatchObject( { to: DEMO_QUESTION.mentor, article: DEMO_QUESTION.article, page: 'User talk:' + DEMO_QUESTION.mentor } );
		expect( asked[ 0 ]!.section ).toContain( DEMO_QUESTION.article );

		const talk = await cora.client.readPage( 'User talk:' + DEMO_QUESTION.mentor );
		expect( talk.content ).toContain( DEMO_QUESTION.question );
		expect( talk.content ).toContain( 'Good question!' );
		// The mentor's tab sees it answered, as the mentor would.
		const view = await loadMentorView( cora.client, DEMO_PROGRAM, DEMO_QUESTION.mentor, Date.now() );
		expect( isAnswered( asked[ 0 ]!, view.replies, userTalkTitle( DEMO_QUESTION.mentee ) ) ).toBe( true );
	} );
} );
