/**
 * How to open each dialog of the gadgets in the situations its users meet, for the generic
 * action tests (dialog-actions.test.ts walks every stage each situation reaches and clicks
 * every action there) and for each dialog's own tests. A dialog class in src/ui with no
 * driver here fails the registry test.
 */

import { DetectedMilestone } from '../../src/core/stages';
import { AskDialog } from '../../src/ui/ask/dialog';
import { ConsoleContext } from '../../src/ui/console/context';
import { MilestoneDialog } from '../../src/ui/console/milestone-dialog';
import { SnapshotDialog } from '../../src/ui/console/snapshots';
import { buildDashboard } from '../../src/core/dashboard';
import { isoSeconds } from '../../src/core/dates';
import { Profile, RosterMember } from '../../src/core/format';
import { NoticeDialog, NoticeDialogConfig } from '../../src/ui/notice-dialog';
import { TabContext } from '../../src/ui/panel/context';
import { PraiseDialog } from '../../src/ui/panel/praise';
import { GraduationDialog } from '../../src/ui/graduation/dialog';
import { writeContext } from '../../src/ui/writers';
import { StagedDialog } from '../../src/ui/staged-dialog';
import { WelcomeBatchDialog } from '../../src/ui/welcome/batch';
import { WelcomeDialog } from '../../src/ui/welcome/dialog';
import { networkDown } from '../unit/fakes/transport';
import { openDialog, Opened, PROGRAM, programConfig, seedProgram, setupUi, type, Ui } from '../support/ui';

export interface Situation {
	name: string;
	/** A fresh wiki and dialog, opened and loaded. */
	open: () => Promise<{ ui: Ui; opened: Opened }>;
	/** Fills the form as a user would, so that its primary action can go on. */
	fill?: ( opened: Opened ) => void;
}

export interface Driver {
	/** The dialog class's name. */
	name: string;
	situations: Situation[];
}

export const QUESTION = 'How do I cite a museum catalogue?';

export function askDialog( ui: Ui ): AskDialog {
	return new AskDialog( { env: ui.env, cache: { program: PROGRAM, mentor: 'Alice' }, article: 'Claude_Monet', revid: 5, panelUrl: '/panel' } );
}

/** The question box of an ask dialog. */
export function questionBox( opened: Opened ): OO.ui.MultilineTextInputWidget {
	return ( opened.dialog as unknown as { question: OO.ui.MultilineTextInputWidget } ).question;
}

/** The note box of a welcome or notice dialog. */
export function noteBox( opened: Opened ): OO.ui.TextInputWidget {
	return ( opened.dialog as unknown as { note: { input: OO.ui.TextInputWidget } } ).note.input;
}

async function open( setup: ( ui: Ui ) => StagedDialog, options: Parameters<typeof setupUi>[ 0 ] = {} ): Promise<{ ui: Ui; opened: Opened }> {
	const ui = setupUi( options );
	const dialog = setup( ui );
	return { ui: ui, opened: await openDialog( dialog ) };
}

export function noticeConfig( ui: Ui, overrides: Partial<NoticeDialogConfig> = {} ): NoticeDialogConfig {
	return {
		env: ui.env,
		title: 'Choose Alice as your mentor',
		explanation: 'Alice will be your mentor in Art mentorship.',
		confirm: 'Choose Alice',
		preview: ( note ) => ( { page: 'User talk:Alice', text: 'Hello Alice. ' + note + ' ~~~~', section: 'A new mentee', sectiontitle: 'A new mentee', summary: 'A new mentee', marker: '' } ),
		run: ( note ) => ui.env.client.parse( { title: 'User talk:Alice', text: note } ).then( () => undefined ),
		...overrides,
	};
}

function consoleContext( ui: Ui ): ConsoleContext {
	const config = programConfig();
	return {
		env: ui.env,
		id: PROGRAM,
		data: { loaded: { state: { config: config } } },
		actor: () => ( {} ),
		setStatus: () => undefined,
		refresh: () => undefined,
	} as unknown as ConsoleContext;
}

export function milestoneDialog( ui: Ui, detected?: DetectedMilestone ): MilestoneDialog {
	seedProgram( ui.wiki, { mentee: 'Bob' } );
	return new MilestoneDialog( consoleContext( ui ), 'Bob', detected );
}

/**
 * The console's context for the seeded program (seedProgram: Alice mentors Bob), with its
 * dashboard as of the clock's time, as the console builds it from what it read.
 */
export function snapshotContext( ui: Ui ): ConsoleContext {
	const config = programConfig();
	const joined = '2026-01-10T09:00:00Z';
	const members: Record<string, RosterMember> = { Alice: { role: 'mentor', joined: joined }, Bob: { role: 'mentee', joined: joined, mentor: 'Alice' } };
	const profiles: Record<string, Profile> = {
		Alice: { version: 1, programs: { [ PROGRAM ]: { role: 'mentor', joined: joined, topics: [], languages: [ 'en' ], capacity: 3 } } },
		Bob: { version: 1, programs: { [ PROGRAM ]: { role: 'mentee', joined: joined, topics: [], languages: [ 'en' ], mentor: 'Alice' } } },
	};
	const state = { id: PROGRAM, config: config, members: members, profiles: profiles };
	const now = isoSeconds( ui.clock.now() );
	const dashboard = buildDashboard( {
		program: state, now: now, replies: [], repliesComplete: true, invitations: [], rosters: [],
		accounts: { Alice: { exists: true, editcount: 2000, registration: '2020-01-01T00:00:00Z', groups: [ '*', 'user' ] }, Bob: { exists: true, editcount: 12, registration: '2026-01-01T00:00:00Z', groups: [ '*', 'user' ] } },
		activity: { Alice: { count: 40, capped: false }, Bob: { count: 3, capped: false } },
	} );
	return {
		env: ui.env,
		id: PROGRAM,
		data: { loaded: { state: state, errors: {}, setAside: [] }, dashboard: dashboard },
		actor: () => ( {} ),
		setStatus: () => undefined,
		refresh: () => undefined,
	} as unknown as ConsoleContext;
}

export function snapshotDialog( ui: Ui ): SnapshotDialog {
	seedProgram( ui.wiki, { mentee: 'Bob' } );
	return new SnapshotDialog( snapshotContext( ui ) );
}

/** The panel's tab context for a mentor (Tester) of the seeded program. */
export function mentorContext( ui: Ui ): TabContext {
	const config = programConfig();
	return {
		env: ui.env,
		id: PROGRAM,
		view: { loaded: { state: { id: PROGRAM, config: config } }, viewer: { name: ui.wiki.user } },
		actor: () => ( { client: ui.env.client, ctx: writeContext( ui.env, config.name ), messages: ui.env.content, random: ui.env.random } ),
		reload: () => undefined,
		setStatus: () => undefined,
		show: () => undefined,
		moreMentors: () => undefined,
	} as unknown as TabContext;
}

export function praiseDialog( ui: Ui ): PraiseDialog {
	return new PraiseDialog( {
		ctx: mentorContext( ui ), programName: 'Art mentorship', template: null, gender: 'female', days: 30,
		suggestion: { mentee: 'Noor', kind: 'first-article', title: 'Claude Monet', revid: 77, time: '2026-01-18T09:00:00Z' },
	} );
}

export function graduationDialog( ui: Ui ): GraduationDialog {
	const ctx = mentorContext( ui );
	return new GraduationDialog( {
		env: ui.env, actor: ctx.actor, programId: PROGRAM, programName: 'Art mentorship', mentee: 'Noor', mentor: ui.wiki.user,
		due: { due: true, because: 'term', end: '2026-01-10' }, gender: 'female',
	} );
}

export const DRIVERS: Driver[] = [
	{
		name: 'AskDialog',
		situations: [
			{
				name: 'a mentee with a mentor',
				open: () => open( ( ui ) => {
					seedProgram( ui.wiki );
					return askDialog( ui );
				} ),
				fill: ( o ) => type( questionBox( o ), QUESTION ),
			},
			{
				name: 'someone who is not in the program',
				open: () => open( ( ui ) => {
					seedProgram( ui.wiki, { mentee: 'Someone else' } );
					return askDialog( ui );
				} ),
			},
			{
				name: 'the wiki cannot be reached',
				open: () => open( ( ui ) => {
					ui.wiki.beforeRequest = () => networkDown;
					return askDialog( ui );
				} ),
			},
		],
	},
	{
		name: 'WelcomeDialog',
		situations: [
			{
				name: 'a coordinator welcomes a newcomer',
				open: () => open( ( ui ) => {
					seedProgram( ui.wiki, { mentee: 'Bob' } );
					return new WelcomeDialog( { env: ui.env, user: 'Newbie' } );
				}, { user: 'Carol' } ),
				fill: ( o ) => type( noteBox( o ), 'Glad to see you here.' ),
			},
			{
				name: 'no program to invite to',
				open: () => open( ( ui ) => new WelcomeDialog( { env: ui.env, user: 'Newbie' } ), { user: 'Carol' } ),
			},
		],
	},
	{
		name: 'WelcomeBatchDialog',
		situations: [
			{
				name: 'a coordinator invites the new accounts of the log',
				open: () => open( ( ui ) => {
					seedProgram( ui.wiki, { mentee: 'Bob' } );
					return new WelcomeBatchDialog( { env: ui.env, names: [ 'Newbie1', 'Newbie2' ] } );
				}, { user: 'Carol' } ),
			},
			{
				name: 'the wiki cannot be reached',
				open: () => open( ( ui ) => {
					ui.wiki.beforeRequest = () => networkDown;
					return new WelcomeBatchDialog( { env: ui.env, names: [ 'Newbie1' ] } );
				}, { user: 'Carol' } ),
			},
		],
	},
	{
		name: 'NoticeDialog',
		situations: [
			{
				name: 'choosing a mentor, with a note',
				open: () => open( ( ui ) => new NoticeDialog( noticeConfig( ui ) ) ),
				fill: ( o ) => type( noteBox( o ), 'I would like to write about painters.' ),
			},
			{
				name: 'leaving, with the post optional and unticked',
				open: () => open( ( ui ) => new NoticeDialog( noticeConfig( ui, { withNote: false, optionalPost: 'Tell my mentor' } ) ) ),
				fill: ( o ) => ( o.dialog as unknown as { postBox: OO.ui.CheckboxInputWidget } ).postBox.setSelected( false ),
			},
		],
	},
	{
		name: 'MilestoneDialog',
		situations: [
			{
				name: 'a coordinator records a milestone',
				open: () => open( ( ui ) => milestoneDialog( ui ), { user: 'Carol' } ),
			},
		],
	},
	{
		name: 'SnapshotDialog',
		situations: [
			{
				name: 'a coordinator publishes a snapshot',
				open: () => open( ( ui ) => snapshotDialog( ui ), { user: 'Carol' } ),
			},
			{
				name: 'the wiki cannot be reached',
				open: () => open( ( ui ) => {
					ui.wiki.beforeRequest = () => networkDown;
					return snapshotDialog( ui );
				}, { user: 'Carol' } ),
			},
		],
	},
	{
		name: 'PraiseDialog',
		situations: [
			{
				name: 'a mentor thanks a mentee for a first article',
				open: () => open( ( ui ) => praiseDialog( ui ) ),
			},
			{
				name: 'the wiki cannot be reached',
				open: () => open( ( ui ) => {
					ui.wiki.beforeRequest = () => networkDown;
					return praiseDialog( ui );
				} ),
			},
		],
	},
	{
		name: 'GraduationDialog',
		situations: [
			{
				name: 'a mentor graduates a mentee',
				open: () => open( ( ui ) => graduationDialog( ui ) ),
			},
			{
				name: 'the wiki cannot be reached',
				open: () => open( ( ui ) => {
					ui.wiki.beforeRequest = () => networkDown;
					return graduationDialog( ui );
				} ),
			},
		],
	},
];
