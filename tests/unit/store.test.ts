import { describe, expect, it } from 'vitest';
import { MentorshipError } from '../../src/core/errors';
import { CONFIG, INVITATIONS, Invitation, InvitationLog, PROFILE, ROSTER, Roster } from '../../src/core/format';
import { toPageText } from '../../src/core/json';
import { rosterJoin } from '../../src/core/roster';
import { WikiClient } from '../../src/wiki/client';
import { Change, Store, toDoc, UNCHANGED } from '../../src/wiki/store';
import { config, roster } from './fixtures/pages';
import { apiError, FakeClock, networkDown } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';
import { failure } from '../support/failure';
import { createPage } from '../../src/wiki/create-page';
import { editText } from '../../src/wiki/text-page';

const TITLE = 'Project:Mentorship/Programs/p/roster.json';
const T = '2026-01-20T12:00:00Z';

function setup( options: { maxAttempts?: number } = {} ): { wiki: FakeWiki; store: Store; clock: FakeClock } {
	const wiki = new FakeWiki();
	const clock = new FakeClock();
	const client = new WikiClient( { transport: wiki, clock: clock } );
	const store = new Store( client, { maxAttempts: options.maxAttempts, random: () => 0.5 } );
	return { wiki: wiki, store: store, clock: clock };
}

function join( name: string, role: 'mentor' | 'mentee' = 'mentee' ): Change<Roster> {
	return ( r ) => rosterJoin( r, name, role, T );
}

/** Another user joins, saving between our read and our edit. */
function someoneJoins( wiki: FakeWiki, name: string ): void {
	const value = wiki.value( TITLE ) as Roster;
	wiki.put( TITLE, rosterJoin( value, name, 'mentee', T ) );
}

/** A three-way merge that works as a correct line merge would on these pages. */
function goodMerge( ours: string, base: string, latest: string ): string {
	const o = JSON.parse( ours ) as Roster;
	const b = JSON.parse( base ) as Roster;
	const l = JSON.parse( latest ) as Roster;
	for ( const name of Object.keys( o.members ) ) {
		if ( JSON.stringify( o.members[ name ] ) !== JSON.stringify( b.members[ name ] ) ) {
			l.members[ name ] = o.members[ name ]!;
		}
	}
	return toPageText( l );
}

describe( 'store: reading', () => {
	it( 'reads a valid page with its revision', async () => {
		const { wiki, store } = setup();
		const rev = wiki.put( TITLE, roster() );
		const doc = await store.read( TITLE, ROSTER );
		expect( doc ).toEqual( { title: TITLE, exists: true, revid: rev.revid, value: roster() } );
	} );

	it( 'reads a missing page as not existing', async () => {
		const { store } = setup();
		expect( await store.read( TITLE, ROSTER ) ).toEqual( { title: TITLE, exists: false, value: null } );
	} );

	it( 'refuses a page that cannot be read as a whole, with the path and the issues', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, { version: 1, members: [] } );
		const e = await failure( store.read( TITLE, ROSTER ) );
		expect( e.kind ).toBe( 'invalid' );
		expect( e.details.page ).toBe( TITLE );
		expect( e.details.issues ).toEqual( [ { path: 'members', expected: 'object', got: 'a list' } ] );
		expect( e.params ).toEqual( [ TITLE, 'members', 'members: expected an object, got a list' ] );
		expect( e.message ).toBe( 'roster.json: members: expected an object, got a list' );
	} );

	it( 'sets an invalid entry aside instead of refusing the page', async () => {
		const { wiki, store } = setup();
		const bad = roster();
		( bad.members.Alice as Record<string, unknown> ).role = 'boss';
		wiki.put( TITLE, bad );
		const doc = await store.read( TITLE, ROSTER );
		expect( doc.value!.members.Alice ).toBeUndefined();
		expect( doc.setAside ).toEqual( [ { key: 'Alice', value: bad.members.Alice, issues: [ { path: 'members.Alice.role', expected: 'one-of', detail: 'mentor, mentee', got: '"boss"' } ] } ] );
	} );

	it( 'refuses a page of another content model', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, '{"version":1,"members":{}}', { contentmodel: 'wikitext' } );
		const e = await failure( store.read( TITLE, ROSTER ) );
		expect( [ e.kind, e.params, e.details.page ] ).toEqual( [ 'contentmodel', [ TITLE, 'wikitext' ], TITLE ] );
	} );

	it( 'refuses text that is not JSON and an invalid title', () => {
		const notJson = ( () => {
			try {
				toDoc( { requested: 'X', title: 'X', exists: true, revid: 1, contentmodel: 'json', content: '{' }, ROSTER );
			} catch ( e ) {
				return e as MentorshipError;
			}
			return null;
		} )();
		expect( notJson && [ notJson.kind, notJson.details.issues ] ).toEqual( [ 'invalid', [ { path: '', expected: 'object', got: 'text that is not JSON' } ] ] );
		expect( () => toDoc( { requested: 'A<B', title: 'A<B', exists: false, invalid: 'bad characters' }, ROSTER ) ).toThrow( 'bad characters' );
	} );

	it( 'reads many pages, an unusable one not failing the others', async () => {
		const { wiki, store } = setup();
		wiki.put( 'User:A/mentorship.json', { version: 1, programs: {} } );
		wiki.put( 'User:B/mentorship.json', { version: 2 } );
		const docs = await store.readMany( [ 'User:A/mentorship.json', 'User:B/mentorship.json', 'User:C/mentorship.json' ], PROFILE );
		expect( docs[ 'User:A/mentorship.json' ]!.value ).toEqual( { version: 1, programs: {} } );
		expect( docs[ 'User:B/mentorship.json' ]!.error!.details.issues ).toEqual( [ { path: 'version', expected: 'version', got: '2' } ] );
		expect( docs[ 'User:B/mentorship.json' ]!.revid ).toBe( wiki.latest( 'User:B/mentorship.json' )!.revid );
		expect( docs[ 'User:C/mentorship.json' ] ).toEqual( { title: 'User:C/mentorship.json', exists: false, value: null } );
	} );
} );

describe( 'store: update', () => {
	it( 'saves a change with the baserevid of the revision read and assert=user, never basetimestamp', async () => {
		const { wiki, store } = setup();
		const base = wiki.put( TITLE, roster() );
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 'Joining' } );
		expect( wiki.edits ).toHaveLength( 1 );
		const params = wiki.edits[ 0 ]!.params;
		expect( params ).toMatchObject( { baserevid: base.revid, assert: 'user', nocreate: true, summary: 'Joining' } );
		expect( params.basetimestamp ).toBeUndefined();
		expect( params.text ).toBe( toPageText( result.value ) );
		expect( ( wiki.value( TITLE ) as Roster ).members.Zed ).toEqual( { role: 'mentee', joined: T } );
		expect( result ).toMatchObject( { changed: true, conflicts: 0, merged: false, repaired: false, revid: wiki.latest( TITLE )!.revid } );
	} );

	it( 'writes nothing when the change is already there or says UNCHANGED', async () => {
		const { wiki, store } = setup();
		const rev = wiki.put( TITLE, roster() );
		const same = await store.update( TITLE, ROSTER, join( 'Alice', 'mentor' ), { summary: 's' } );
		expect( same ).toMatchObject( { changed: false, revid: rev.revid, value: roster() } );
		const unchanged = await store.update( TITLE, ROSTER, () => UNCHANGED, { summary: 's' } );
		expect( unchanged.changed ).toBe( false );
		expect( wiki.edits ).toHaveLength( 0 );
	} );

	it( 'keeps unknown fields of the page', async () => {
		const { wiki, store } = setup();
		const page = { ...roster(), botData: { runs: 3 }, members: { ...roster().members, Alice: { role: 'mentor', joined: T, pronouns: 'she' } } };
		wiki.put( TITLE, page );
		await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		const saved = wiki.value( TITLE ) as Record<string, unknown>;
		expect( saved.botData ).toEqual( { runs: 3 } );
		expect( ( saved.members as Record<string, unknown> ).Alice ).toEqual( { role: 'mentor', joined: T, pronouns: 'she' } );
	} );

	it( 'creates a missing page from the empty value, as JSON', async () => {
		const { wiki, store } = setup();
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		expect( wiki.edits[ 0 ]!.params ).toMatchObject( { createonly: true, contentmodel: 'json' } );
		expect( wiki.edits[ 0 ]!.params.baserevid ).toBeUndefined();
		expect( wiki.page( TITLE )!.contentmodel ).toBe( 'json' );
		expect( wiki.value( TITLE ) ).toEqual( { version: 1, members: { Zed: { role: 'mentee', joined: T } } } );
		expect( result.changed ).toBe( true );
	} );

	it( 'refuses to update a missing page when asked not to create it', async () => {
		const { wiki, store } = setup();
		const e = await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's', create: false } ) );
		expect( [ e.kind, e.params ] ).toEqual( [ 'missing', [ TITLE ] ] );
		const cfg = await failure( store.update( 'Project:Mentorship/Programs/p/config.json', CONFIG, ( c ) => c, { summary: 's' } ) );
		expect( cfg.kind ).toBe( 'missing' );
		expect( wiki.edits ).toHaveLength( 0 );
	} );

	it( 'never overwrites a page that fails validation', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, { version: 1, members: 'Alice' } );
		const before = wiki.latest( TITLE )!.content;
		const e = await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } ) );
		expect( e.kind ).toBe( 'invalid' );
		expect( e.details.issues![ 0 ]!.path ).toBe( 'members' );
		expect( e.params.slice( 0, 2 ) ).toEqual( [ TITLE, 'members' ] );
		expect( wiki.edits ).toHaveLength( 0 );
		expect( wiki.latest( TITLE )!.content ).toBe( before );
	} );

	it( 'never overwrites a page of a future version', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, { version: 2, people: [] } );
		const e = await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } ) );
		expect( e.details.issues ).toEqual( [ { path: 'version', expected: 'version', got: '2' } ] );
		expect( wiki.edits ).toHaveLength( 0 );
	} );

	it( 'refuses a page of the wrong content model without writing', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, 'Some wikitext', { contentmodel: 'wikitext' } );
		const e = await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } ) );
		expect( e.kind ).toBe( 'contentmodel' );
		expect( wiki.edits ).toHaveLength( 0 );
	} );

	it( 'refuses a change that makes the page invalid, without writing', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		const e = await failure( store.update( TITLE, ROSTER, ( r ) => {
			r.members.Alice!.mentor = 'not a_valid name';
			return r;
		}, { summary: 's' } ) );
		expect( [ e.kind, e.details.issues![ 0 ]!.path ] ).toEqual( [ 'invalid', 'members.Alice.mentor' ] );
		expect( wiki.edits ).toHaveLength( 0 );
	} );

	it( 'after an edit conflict, reads again and re-applies the change', async () => {
		const { wiki, store, clock } = setup();
		wiki.put( TITLE, roster() );
		let first = true;
		wiki.beforeEdit = () => {
			if ( first ) {
				first = false;
				someoneJoins( wiki, 'Yan' );
			}
		};
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		expect( result ).toMatchObject( { changed: true, conflicts: 1, merged: false } );
		const members = ( wiki.value( TITLE ) as Roster ).members;
		expect( members.Yan ).toBeDefined();
		expect( members.Zed ).toBeDefined();
		expect( wiki.edits ).toHaveLength( 2 );
		expect( wiki.edits[ 1 ]!.params.baserevid ).toBe( wiki.latest( TITLE )!.parentid );
		expect( clock.sleeps ).toHaveLength( 1 );
	} );

	it( 'gives up with kind "retries" after too many conflicts', async () => {
		const { wiki, store } = setup( { maxAttempts: 4 } );
		wiki.put( TITLE, roster() );
		let n = 0;
		wiki.beforeEdit = () => {
			someoneJoins( wiki, 'Other ' + n++ );
		};
		const e = await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } ) );
		expect( [ e.kind, e.code, e.params, e.transient ] ).toEqual( [ 'retries', 'too-many-conflicts', [ TITLE ], true ] );
		expect( e.message ).toMatch( /editconflict/ );
		expect( wiki.edits ).toHaveLength( 4 );
		expect( ( wiki.value( TITLE ) as Roster ).members.Zed ).toBeUndefined();
	} );

	it( 'after a merge whose result holds the change, checks it and writes nothing more', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		wiki.merge = goodMerge;
		let first = true;
		wiki.beforeEdit = () => {
			if ( first ) {
				first = false;
				someoneJoins( wiki, 'Yan' );
			}
		};
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		expect( result ).toMatchObject( { changed: true, merged: true, repaired: false, conflicts: 0 } );
		expect( wiki.edits ).toHaveLength( 1 );
		// The merge was read back.
		expect( wiki.reads.length ).toBe( 2 );
		const members = ( wiki.value( TITLE ) as Roster ).members;
		expect( members.Yan ).toBeDefined();
		expect( members.Zed ).toEqual( { role: 'mentee', joined: T } );
		expect( result.revid ).toBe( wiki.latest( TITLE )!.revid );
	} );

	it( 'after a merge that lost the change, applies it again', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		// A merge that keeps the latest text (reformatted) and drops ours.
		wiki.merge = ( _ours, _base, latest ) => latest + '\n';
		let first = true;
		wiki.beforeEdit = () => {
			if ( first ) {
				first = false;
				someoneJoins( wiki, 'Yan' );
			}
		};
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		expect( result ).toMatchObject( { changed: true, merged: true } );
		expect( wiki.edits ).toHaveLength( 2 );
		const members = ( wiki.value( TITLE ) as Roster ).members;
		expect( members.Yan ).toBeDefined();
		expect( members.Zed ).toEqual( { role: 'mentee', joined: T } );
	} );

	it( 'after a merge into an invalid page, repairs it from the revision before and keeps both changes', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		// Valid JSON, but a member lost its role: what a line merge can do to a structure.
		wiki.merge = ( ours, base, latest ) => {
			const merged = JSON.parse( goodMerge( ours, base, latest ) ) as Roster;
			delete ( merged.members.Zed as Partial<Roster[ 'members' ][ string ]> ).role;
			return toPageText( merged );
		};
		let first = true;
		wiki.beforeEdit = () => {
			if ( first ) {
				first = false;
				someoneJoins( wiki, 'Yan' );
			}
		};
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		expect( result ).toMatchObject( { merged: true, repaired: true } );
		const page = wiki.page( TITLE )!;
		const [ yans, bad, repaired ] = page.revisions.slice( -3 );
		expect( ( JSON.parse( bad!.content ) as Roster ).members.Zed!.role ).toBeUndefined();
		// The repair starts from the other user's revision and is based on the bad one.
		expect( repaired!.parentid ).toBe( bad!.revid );
		expect( JSON.parse( repaired!.content ) ).toEqual( rosterJoin( JSON.parse( yans!.content ), 'Zed', 'mentee', T ) );
		const members = ( wiki.value( TITLE ) as Roster ).members;
		expect( members.Yan ).toBeDefined();
		expect( members.Zed ).toEqual( { role: 'mentee', joined: T } );
		expect( wiki.edits ).toHaveLength( 2 );
	} );

	it( 'after a lost response, finds the change saved and leaves exactly one copy', async () => {
		const { wiki, store } = setup();
		const title = 'Project:Mentorship/Programs/p/invitations/2026-01.json';
		wiki.put( title, { version: 1, invitations: [] } );
		let lose = true;
		wiki.afterSave = () => {
			if ( lose ) {
				lose = false;
				return networkDown;
			}
			return null;
		};
		const invitation: Invitation = { user: 'Newbie', by: 'Carol', time: T, kind: 'welcome', lang: 'en', revid: 5 };
		const add: Change<InvitationLog> = ( log ) => {
			if ( !log.invitations.some( ( i ) => i.user === invitation.user && i.time === invitation.time ) ) {
				log.invitations.push( invitation );
			}
			return log;
		};
		const result = await store.update( title, INVITATIONS, add, { summary: 's' } );
		expect( ( wiki.value( title ) as InvitationLog ).invitations ).toEqual( [ invitation ] );
		expect( wiki.page( title )!.revisions ).toHaveLength( 2 );
		expect( wiki.edits ).toHaveLength( 1 );
		expect( result.revid ).toBe( wiki.latest( title )!.revid );
		expect( result.value.invitations ).toEqual( [ invitation ] );
	} );

	it( 'after a request lost before it reached the wiki, saves once', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		let lose = true;
		wiki.beforeRequest = ( params ) => {
			if ( params.action === 'edit' && lose ) {
				lose = false;
				return networkDown;
			}
			return null;
		};
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		expect( result.changed ).toBe( true );
		expect( wiki.page( TITLE )!.revisions ).toHaveLength( 2 );
		expect( ( wiki.value( TITLE ) as Roster ).members.Zed ).toBeDefined();
	} );

	it( 'does not retry what is not a conflict or a lost response', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		wiki.refuseEdit = () => apiError( 'protectedpage', 'This page has been protected' );
		const e = await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } ) );
		expect( [ e.kind, e.params ] ).toEqual( [ 'protected', [ TITLE ] ] );
		expect( wiki.edits ).toHaveLength( 1 );
		wiki.refuseEdit = () => apiError( 'abusefilter-disallowed', 'Disallowed', { abusefilter: { id: '3', description: 'No JSON' } } );
		expect( ( await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } ) ) ).kind ).toBe( 'abusefilter-disallow' );
		expect( wiki.edits ).toHaveLength( 2 );
	} );

	it( 'starts from a page just read (initial) without reading it again', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		const initial = await store.read( TITLE, ROSTER );
		const readsBefore = wiki.reads.length;
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's', initial: initial } );
		expect( wiki.reads.length ).toBe( readsBefore );
		expect( wiki.edits[ 0 ]!.params.baserevid ).toBe( initial.revid );
		expect( result.changed ).toBe( true );
		expect( initial.value ).toEqual( roster() );
	} );

	it( 'after a conflict, reads afresh instead of the stale initial page', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		const initial = await store.read( TITLE, ROSTER );
		someoneJoins( wiki, 'Yan' );
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's', initial: initial } );
		expect( result.conflicts ).toBe( 1 );
		const members = ( wiki.value( TITLE ) as Roster ).members;
		expect( members.Yan ).toBeDefined();
		expect( members.Zed ).toBeDefined();
	} );

	it( 'when the page was created meanwhile, applies the change to it', async () => {
		const { wiki, store } = setup();
		let first = true;
		wiki.beforeEdit = () => {
			if ( first ) {
				first = false;
				wiki.put( TITLE, roster() );
			}
		};
		const result = await store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's' } );
		expect( result.conflicts ).toBe( 1 );
		const members = ( wiki.value( TITLE ) as Roster ).members;
		expect( Object.keys( members ) ).toEqual( [ 'Alice', 'Bea', 'Bob Smith', 'Dan', 'Zed' ] );
	} );

	it( 'when the page was deleted meanwhile, creates it again only when allowed', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, roster() );
		wiki.beforeEdit = () => {
			delete wiki.pages[ FakeWiki.normalize( TITLE ) ];
			wiki.beforeEdit = null;
		};
		const e = await failure( store.update( TITLE, ROSTER, join( 'Zed' ), { summary: 's', create: false } ) );
		expect( e.kind ).toBe( 'missing' );
		expect( wiki.page( TITLE ) ).toBeUndefined();
	} );
} );

describe( 'store: create', () => {
	it( 'creates a page once; a second call returns it and writes nothing', async () => {
		const { wiki, store } = setup();
		const title = 'Project:Mentorship/Programs/p/config.json';
		const first = await createPage( store, title, CONFIG, config(), 'New program' );
		expect( first.changed ).toBe( true );
		expect( wiki.edits[ 0 ]!.params ).toMatchObject( { createonly: true, contentmodel: 'json', summary: 'New program' } );
		const second = await createPage( store, title, CONFIG, { ...config(), name: 'Another' }, 'New program' );
		expect( second ).toMatchObject( { changed: false, value: config(), revid: first.revid } );
		expect( wiki.edits ).toHaveLength( 1 );
		expect( wiki.page( title )!.revisions ).toHaveLength( 1 );
	} );

	it( 'returns the page someone else created meanwhile', async () => {
		const { wiki, store } = setup();
		const title = 'Project:Mentorship/Programs/p/config.json';
		wiki.beforeEdit = () => {
			wiki.put( title, { ...config(), name: 'Theirs' } );
			wiki.beforeEdit = null;
		};
		const result = await createPage( store, title, CONFIG, config(), 's' );
		expect( result.changed ).toBe( false );
		expect( result.value.name ).toBe( 'Theirs' );
	} );

	it( 'after a lost response, creates nothing twice', async () => {
		const { wiki, store } = setup();
		const title = 'Project:Mentorship/Programs/p/config.json';
		wiki.afterSave = () => {
			wiki.afterSave = null;
			return networkDown;
		};
		const result = await createPage( store, title, CONFIG, config(), 's' );
		expect( result.value ).toEqual( config() );
		expect( wiki.page( title )!.revisions ).toHaveLength( 1 );
	} );

	it( 'refuses an invalid value before sending anything', async () => {
		const { wiki, store } = setup();
		const e = await failure( createPage( store, 'Project:X', CONFIG, { ...config(), coordinators: [ 'bad_name' ] }, 's' ) );
		expect( [ e.kind, e.details.issues![ 0 ]!.path ] ).toEqual( [ 'invalid', 'coordinators[0]' ] );
		expect( wiki.calls ).toHaveLength( 0 );
	} );

	it( 'refuses to take an existing invalid page for its own', async () => {
		const { wiki, store } = setup();
		wiki.put( 'Project:X', { version: 1 } );
		const e = await failure( createPage( store, 'Project:X', CONFIG, config(), 's' ) );
		expect( e.kind ).toBe( 'invalid' );
		expect( wiki.edits ).toHaveLength( 0 );
	} );
} );

describe( 'store: text pages (editText, as deploy writes gadget pages)', () => {
	const JS = 'MediaWiki:Gadget-x.js';
	const append = ( line: string ) => ( text: string ): string | typeof UNCHANGED => {
		const lines = text ? text.split( '\n' ) : [];
		return lines.includes( line ) ? UNCHANGED : lines.concat( [ line ] ).join( '\n' );
	};

	it( 'creates a missing page with its content model, and writes nothing when the change is already there', async () => {
		const { wiki, store } = setup();
		const created = await editText( store, JS, append( 'a()' ), { summary: ( exists ) => exists ? 'update' : 'install', contentmodel: 'javascript' } );
		expect( created ).toMatchObject( { changed: true, created: true, conflicts: 0 } );
		expect( wiki.edits[ 0 ]!.params ).toMatchObject( { createonly: true, contentmodel: 'javascript', summary: 'install' } );
		const again = await editText( store, JS, append( 'a()' ), { summary: 's' } );
		expect( again ).toMatchObject( { changed: false, created: false } );
		expect( wiki.edits ).toHaveLength( 1 );
	} );

	it( 'after an edit conflict, reads again and applies the change to the newer text', async () => {
		const { wiki, store } = setup();
		wiki.put( JS, 'a()', { contentmodel: 'javascript' } );
		let first = true;
		wiki.beforeEdit = () => {
			if ( first ) {
				first = false;
				wiki.put( JS, 'a()\nb()', { contentmodel: 'javascript' } );
			}
		};
		const result = await editText( store, JS, append( 'c()' ), { summary: ( exists ) => exists ? 'update' : 'install' } );
		expect( result ).toMatchObject( { changed: true, created: false, conflicts: 1 } );
		expect( wiki.latest( JS )!.content ).toBe( 'a()\nb()\nc()' );
		expect( wiki.edits[ 1 ]!.params ).toMatchObject( { baserevid: wiki.latest( JS )!.parentid, nocreate: true, summary: 'update' } );
	} );

	it( 'after a lost response, finds its text saved and saves it once', async () => {
		const { wiki, store } = setup();
		wiki.put( JS, 'a()', { contentmodel: 'javascript' } );
		let lose = true;
		wiki.afterSave = () => {
			if ( lose ) {
				lose = false;
				return networkDown;
			}
			return null;
		};
		const result = await editText( store, JS, append( 'b()' ), { summary: 's' } );
		expect( result.changed ).toBe( true );
		expect( wiki.page( JS )!.revisions ).toHaveLength( 2 );
		expect( wiki.edits ).toHaveLength( 1 );
	} );

	it( 'stops on what a new attempt cannot change (protected), and gives up after too many conflicts', async () => {
		const { wiki, store } = setup( { maxAttempts: 3 } );
		wiki.put( JS, 'a()', { contentmodel: 'javascript' } );
		wiki.refuseEdit = () => apiError( 'protectedpage' );
		expect( ( await failure( editText( store, JS, append( 'b()' ), { summary: 's' } ) ) ).kind ).toBe( 'protected' );
		expect( wiki.edits ).toHaveLength( 1 );
		wiki.refuseEdit = null;
		let other = 0;
		wiki.beforeEdit = () => {
			other++;
			wiki.put( JS, '// someone else, ' + other, { contentmodel: 'javascript' } );
		};
		const e = await failure( editText( store, JS, append( 'c()' ), { summary: 's' } ) );
		expect( [ e.kind, e.code ] ).toEqual( [ 'retries', 'too-many-conflicts' ] );
	} );
} );
