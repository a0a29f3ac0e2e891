/**
 * "Ask my mentor" against the wiki: what the dialog needs when it opens (in one request
 * in the usual case). Sending the question is in ask-send.ts, loaded on Preview.
 */

import { daysBetween, Detour, isAnswered, overdueFrom, Recipient } from '../core/ask';
import { MentorshipError } from '../core/errors';
import { CONFIG, Membership, PROFILE, Profile, ProgramConfig, Question, ROSTER, RosterMember } from '../core/format';
import {
	activeMembership, availability, Availability, isConfirmedMember, lastQuestion, MentorCache,
	mentorOf, ProgramState, rosterShards, routeQuestion, unansweredDays,
} from '../core/program';
import { configTitle, profileTitle, rosterTitle, userTalkTitle } from '../core/titles';
import { Contribution, WikiClient } from './client';
import { isoDate, isoSeconds } from '../core/dates';
import { Doc, docsFrom } from './store';
import { trustedConfigCached, TrustStore } from './trust';

const CONTRIB_DAYS = 30;

export interface AskState {
	me: string;
	programId: string;
	config: ProgramConfig;
	/** The mentee's own profile as read (the record of the question starts from it). */
	profile: Doc<Profile>;
	membership: Membership | null;
	/** The mentor under the pairing rule; null when the mentee has none (any more). */
	mentor: string | null;
	mentorState: Availability;
	/** Where the question goes by default, and why it does not go to the mentor. */
	recipient: Recipient | null;
	detour: Detour;
	/** The mentee's previous question, when it is still unanswered past the program's limit. */
	unanswered: { question: Question; days: number } | null;
	/** Where to send instead when the previous question is unanswered (backup or help desk). */
	alternative: Recipient | null;
	/**
	 * What the cached mentor's `due` should be after this reading of the latest question
	 * (null: nothing waits), or undefined when it was not checked (a help-desk question).
	 */
	due?: string | null;
	/** The cached mentor (user option) differs from the pages: it is repaired on send. */
	cacheStale: boolean;
	today: string;
}

function recipientOf( route: ReturnType<typeof routeQuestion> ): Recipient | null {
	switch ( route.to ) {
		case 'mentor':
			return { kind: 'mentor', user: route.user };
		case 'backup':
			return { kind: 'backup', user: route.user };
		case 'helpdesk':
			return { kind: 'helpdesk', page: route.page };
		default:
			return null;
	}
}

/**
 * Reads the mentee's profile, the (cached) mentor's profile, the program's config and
 * roster and the mentor's recent talk-page edits, all in one request; more only when the
 * cache was stale, the roster is sharded or the mentor is away with a backup.
 */
export async function loadAskState( client: WikiClient, me: string, cache: MentorCache, nowMs: number, trustStore?: TrustStore ): Promise<AskState> {
	const since = isoSeconds( nowMs - CONTRIB_DAYS * 86400000 );
	const programId = cache.program;
	const titles = [ profileTitle( me ), profileTitle( cache.mentor ), configTitle( programId ), rosterTitle( programId ) ];
	const first = await client.batch( { titles: titles, contribsOf: { user: cache.mentor, since: since, namespace: 3, limit: 100 } } );
	const configDoc = docsFrom( [ configTitle( programId ) ], first.pages, CONFIG )[ configTitle( programId ) ];
	if ( !configDoc || configDoc.error || !configDoc.value ) {
		throw configDoc && configDoc.error ? configDoc.error :
			new MentorshipError( 'missing', 'missingtitle', 'No program ' + programId, [ configTitle( programId ) ], { page: configTitle( programId ) } );
	}
	// The config in force is the last one its coordinators made (the trust chain): an edit by
	// anyone else cannot reroute questions to another help desk.
	// (Kept in the user's own storage per latest revision: the next opening needs no request more.)
	const trusted = await trustedConfigCached( client, configTitle( programId ), configDoc.revid, trustStore );
	const config = trusted || configDoc.value;
	const profiles = docsFrom( [ profileTitle( me ), profileTitle( cache.mentor ) ], first.pages, PROFILE );
	const profile = profiles[ profileTitle( me ) ] as Doc<Profile> & { error?: MentorshipError };
	if ( profile.error ) {
		throw profile.error;
	}
	// The roster page that holds the mentee (the plain roster, or its shard).
	const myRosterTitle = rosterTitle( programId, rosterShards( config ), me );
	let rosterPages = first.pages;
	if ( !rosterPages[ myRosterTitle ] ) {
		rosterPages = await client.readPages( [ myRosterTitle ] );
	}
	const rosterDoc = docsFrom( [ myRosterTitle ], rosterPages, ROSTER )[ myRosterTitle ];
	if ( rosterDoc && rosterDoc.error ) {
		throw rosterDoc.error;
	}
	const members: Record<string, RosterMember> = rosterDoc && rosterDoc.value ? rosterDoc.value.members : {};
	const state: ProgramState = { id: programId, config: config, members: members, profiles: {} };
	state.profiles[ me ] = profile.value;
	const mentorProfile = profiles[ profileTitle( cache.mentor ) ];
	state.profiles[ cache.mentor ] = mentorProfile && mentorProfile.value ? mentorProfile.value : null;

	// Who the mentor really is: the one the mentee's own profile names (never the roster's
	// index, which anyone can edit); read their page if the cache named someone else.
	const own = activeMembership( profile.value, programId );
	let contributions: Contribution[] = first.contribs;
	let contributionsComplete = first.contribsComplete;
	let contributor = cache.mentor;
	const claimed = own && own.role === 'mentee' ? own.mentor : undefined;
	const extra: string[] = [];
	if ( claimed && !Object.prototype.hasOwnProperty.call( state.profiles, claimed ) ) {
		extra.push( claimed );
	}
	// The backup of an unavailable mentor must be read to know whether they are available.
	const claimedProfile = claimed ? state.profiles[ claimed ] : null;
	const claimedMembership = activeMembership( claimedProfile, programId );
	if ( claimedMembership && claimedMembership.backup && availability( claimedMembership, isoDate( nowMs ) ).state !== 'active' &&
		!Object.prototype.hasOwnProperty.call( state.profiles, claimedMembership.backup ) ) {
		extra.push( claimedMembership.backup );
	}
	if ( extra.length ) {
		const more = await client.batch( {
			titles: extra.map( profileTitle ),
			contribsOf: claimed && claimed !== cache.mentor ? { user: claimed, since: since, namespace: 3, limit: 100 } : undefined,
		} );
		const docs = docsFrom( extra.map( profileTitle ), more.pages, PROFILE );
		for ( const name of extra ) {
			const doc = docs[ profileTitle( name ) ];
			state.profiles[ name ] = doc && doc.value ? doc.value : null;
		}
		if ( claimed && claimed !== cache.mentor ) {
			contributions = more.contribs;
			contributionsComplete = more.contribsComplete;
			contributor = claimed;
		}
		// A backup of the newly found mentor, when that mentor is unavailable.
		const m = activeMembership( state.profiles[ claimed || '' ], programId );
		if ( m && m.backup && !Object.prototype.hasOwnProperty.call( state.profiles, m.backup ) ) {
			const backupDocs = docsFrom( [ profileTitle( m.backup ) ], await client.readPages( [ profileTitle( m.backup ) ] ), PROFILE );
			const b = backupDocs[ profileTitle( m.backup ) ];
			state.profiles[ m.backup ] = b && b.value ? b.value : null;
		}
	}

	const day = isoDate( nowMs );
	const mentor = mentorOf( state, me );
	const membership = activeMembership( profile.value, programId );
	const result: AskState = {
		me: me,
		programId: programId,
		config: config,
		profile: profile,
		membership: membership,
		mentor: mentor,
		mentorState: { state: 'gone' },
		recipient: null,
		detour: null,
		unanswered: null,
		alternative: null,
		cacheStale: mentor !== cache.mentor,
		today: day,
	};
	if ( !mentor || !membership ) {
		return result;
	}
	const latest = lastQuestion( membership );
	if ( !latest ) {
		result.due = null;
	} else if ( latest.to && latest.via !== 'helpdesk' ) {
		// Not yet past the limit: it is due then, unless answered before (the panel finds out).
		result.due = overdueFrom( latest, false, unansweredDays( config ) );
	} else {
		// The help desk is where questions go last: nothing to offer instead.
		result.due = null;
	}
	result.mentorState = availability( activeMembership( state.profiles[ mentor ], programId ), day );
	const route = routeQuestion( state, mentor, day );
	// A mentor away or leaving, with no available backup, in a program with no help desk, is
	// still the mentee's mentor: the question goes to them, and the dialog says they may
	// answer late (rather than "you have no mentor" and a closed question box).
	const late = route.to === 'none' && ( route.because.state === 'away' || route.because.state === 'leaving' );
	result.recipient = late ? { kind: 'mentor', user: mentor } : recipientOf( route );
	if ( route.to !== 'mentor' && route.to !== 'none' ) {
		result.detour = { mentor: mentor, because: route.because === 'unanswered' ? 'unanswered' : route.because };
	}

	// The previous question: unanswered past the program's limit?
	const previous = lastQuestion( membership );
	const limit = unansweredDays( config );
	if ( previous && previous.to && previous.via !== 'helpdesk' ) {
		const days = daysBetween( previous.time, isoSeconds( nowMs ) );
		if ( days >= limit ) {
			// The mentor's replies read with the dialog's first request, when they reach back to
			// the question; otherwise (another person asked, an older question, a busy talk
			// page) a request of their own.
			let answered = previous.to === contributor && previous.time >= since &&
				isAnswered( previous, contributions, userTalkTitle( me ) );
			if ( !answered && !( previous.to === contributor && previous.time >= since && contributionsComplete ) ) {
				const theirs = await client.batch( { contribsOf: { user: previous.to, since: previous.time, namespace: 3, limit: 500 } } );
				answered = isAnswered( previous, theirs.contribs, userTalkTitle( me ) );
			}
			if ( answered ) {
				result.due = null;
			} else {
				result.unanswered = { question: previous, days: Math.floor( days ) };
				result.alternative = await alternativeTo( client, state, mentor, day, route.to === 'mentor' || late );
			}
		}
	}
	return result;
}

/**
 * Where to ask instead when the mentor has not answered: their backup when the backup is an
 * available mentor of the program, else the program's help desk.
 */
function alternativeTo( client: WikiClient, state: ProgramState, mentor: string, day: string, mentorIsRecipient: boolean ): Promise<Recipient | null> {
	// (A promise chain rather than an async function: its ES5 is smaller, and it ships with the dialog's first click.)
	const helpDesk = (): Recipient | null => state.config.helpDesk ? { kind: 'helpdesk', page: state.config.helpDesk } : null;
	const membership = mentorIsRecipient ? activeMembership( state.profiles[ mentor ], state.id ) : null;
	const backup = membership && membership.backup;
	if ( !backup || backup === mentor ) {
		// Not the mentor's question (it goes to the backup or the help desk already), or no backup.
		return Promise.resolve( helpDesk() );
	}
	const read = Object.prototype.hasOwnProperty.call( state.profiles, backup ) ? Promise.resolve() :
		client.readPages( [ profileTitle( backup ) ] ).then( ( pages ) => {
			const doc = docsFrom( [ profileTitle( backup ) ], pages, PROFILE )[ profileTitle( backup ) ];
			state.profiles[ backup ] = doc && doc.value ? doc.value : null;
		} );
	return read.then( () => isConfirmedMember( state, backup, 'mentor' ) &&
		availability( activeMembership( state.profiles[ backup ], state.id ), day ).state === 'active' ?
		{ kind: 'backup', user: backup } : helpDesk() );
}
