/**
 * Random cohorts for tests and benchmarks, seeded so that every run sees the same ones,
 * with realistic shapes: a few popular topics and many rare ones, a few big languages
 * (with regional variants) and many small ones, mentors with 1 to 6 places, some of them
 * away, leaving or full, some not active lately.
 */

import { Membership } from '../../src/core/format';
import { MenteeCandidate, MentorCandidate } from '../../src/core/matching';

/** A small, fast, seeded generator of numbers in [0, 1) (mulberry32). */
/* eslint-disable no-bitwise -- the generator is bit arithmetic */
export function seeded( seed: number ): () => number {
	let a = seed >>> 0;
	return () => {
		a = ( a + 0x6d2b79f5 ) >>> 0;
		let t = a;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
}
/* eslint-enable no-bitwise */

export const TOPICS = [
	'History', 'Music', 'Biology', 'Women in Red', 'Film', 'Football', 'Art', 'Geography', 'Medicine',
	'Physics', 'Local history', 'Politics', 'Literature', 'Architecture', 'Chemistry', 'Religion',
	'Video games', 'Military history', 'Astronomy', 'Botany', 'Mathematics', 'Philosophy', 'Economics',
	'Law', 'Linguistics', 'Television', 'Aviation', 'Railways', 'Fashion', 'Cooking', 'Dance',
	'Theatre', 'Photography', 'Comics', 'Mythology', 'Archaeology', 'Climate', 'Indigenous peoples',
	'Museums', 'Biographies',
];

const LANGUAGES: [ string, number ][] = [
	[ 'en', 40 ], [ 'es', 12 ], [ 'es-419', 3 ], [ 'fr', 10 ], [ 'ar', 8 ], [ 'de', 6 ], [ 'pt', 5 ],
	[ 'pt-br', 2 ], [ 'hi', 3 ], [ 'zh', 3 ], [ 'sw', 2 ], [ 'id', 2 ], [ 'ru', 3 ], [ 'yo', 1 ],
];

const NAMES = [ 'محمد', 'Zoë', 'José Luis', 'Ольга', '李雷', 'Amina', 'Kwame', 'Anna Maria', 'Ngozi', 'Élodie' ];

type Random = () => number;

function weighted<T>( random: Random, items: [ T, number ][] ): T {
	let sum = 0;
	for ( const [ , w ] of items ) {
		sum += w;
	}
	let r = random() * sum;
	for ( const [ item, w ] of items ) {
		r -= w;
		if ( r < 0 ) {
			return item;
		}
	}
	return items[ items.length - 1 ]![ 0 ];
}

function pickDistinct<T>( random: Random, items: [ T, number ][], count: number ): T[] {
	const out: T[] = [];
	for ( let tries = 0; out.length < count && tries < count * 20; tries++ ) {
		const item = weighted( random, items );
		if ( !out.includes( item ) ) {
			out.push( item );
		}
	}
	return out;
}

/** A topic as a person may type it: sometimes lower case or with stray spaces. */
function typed( random: Random, topic: string ): string {
	const r = random();
	return r < 0.1 ? topic.toLowerCase() : r < 0.15 ? ' ' + topic + ' ' : topic;
}

function iso( ms: number ): string {
	return new Date( ms ).toISOString().replace( /\.\d+Z$/, 'Z' );
}

export interface CohortInstance {
	mentees: MenteeCandidate[];
	mentors: MentorCandidate[];
	today: string;
}

export interface CohortShape {
	/** How many topics the program has (default 40, at most TOPICS.length). */
	topics?: number;
	/** Share of mentors who are away, leaving or full (default about 0.15). */
	unavailable?: number;
	/** Most places a mentor offers (default 6): small values make mentees compete. */
	maxCapacity?: number;
}

export function randomCohort( seed: number, menteeCount: number, mentorCount: number, shape: CohortShape = {} ): CohortInstance {
	const random = seeded( seed );
	const today = '2026-03-01';
	const now = Date.UTC( 2026, 2, 1, 12 );
	const topicCount = Math.min( shape.topics || TOPICS.length, TOPICS.length );
	// Zipf-like popularity: a few topics draw most people.
	const topics: [ string, number ][] = TOPICS.slice( 0, topicCount ).map( ( t, r ) => [ t, 1 / Math.pow( r + 1, 0.8 ) ] );
	const unavailable = shape.unavailable === undefined ? 0.15 : shape.unavailable;
	const name = ( kind: string, i: number ): string => {
		const special = NAMES[ i % NAMES.length ]!;
		return i % 7 === 3 ? special + ' ' + kind + ' ' + i : kind + ' ' + i;
	};

	const mentors: MentorCandidate[] = [];
	for ( let j = 0; j < mentorCount; j++ ) {
		const membership: Membership = {
			role: 'mentor',
			joined: iso( now - Math.floor( random() * 400 ) * 86400000 ),
			topics: pickDistinct( random, topics, 2 + Math.floor( random() * 7 ) ).map( ( t ) => typed( random, t ) ),
			languages: pickDistinct( random, LANGUAGES, weighted( random, [ [ 1, 50 ], [ 2, 35 ], [ 3, 15 ] ] ) ),
		};
		const capacity = Math.min( shape.maxCapacity || 6, weighted( random, [ [ 1, 10 ], [ 2, 20 ], [ 3, 30 ], [ 4, 15 ], [ 5, 15 ], [ 6, 10 ] ] ) );
		if ( capacity !== 3 || random() < 0.5 ) {
			membership.capacity = capacity;
		}
		let load = Math.floor( random() * random() * capacity );
		const r = random();
		if ( r < unavailable * 0.4 ) {
			membership.status = 'away';
			if ( random() < 0.8 ) {
				// Some away dates have passed: the mentor counts as back.
				membership.awayUntil = iso( now + Math.floor( ( random() - 0.3 ) * 60 ) * 86400000 ).slice( 0, 10 );
			}
		} else if ( r < unavailable * 0.6 ) {
			membership.status = 'leaving';
		} else if ( r < unavailable ) {
			load = capacity;
		} else {
			membership.status = 'active';
		}
		const mentor: MentorCandidate = { name: name( 'Mentor', j ), membership: membership, load: load };
		const a = random();
		if ( a < 0.9 ) {
			const days = a < 0.6 ? random() * 7 : a < 0.8 ? 7 + random() * 23 : 30 + random() * 300;
			mentor.lastEdit = iso( now - Math.floor( days * 86400000 ) );
		}
		mentors.push( mentor );
	}

	const mentees: MenteeCandidate[] = [];
	for ( let i = 0; i < menteeCount; i++ ) {
		const membership: Membership = {
			role: 'mentee',
			joined: iso( now - Math.floor( random() * 60 * 86400 ) * 1000 ),
			topics: pickDistinct( random, topics, weighted( random, [ [ 0, 3 ], [ 1, 32 ], [ 2, 35 ], [ 3, 20 ], [ 4, 10 ] ] ) )
				.map( ( t ) => typed( random, t ) ),
			languages: pickDistinct( random, LANGUAGES, weighted( random, [ [ 0, 3 ], [ 1, 60 ], [ 2, 30 ], [ 3, 7 ] ] ) ),
		};
		mentees.push( { name: name( 'Mentee', i ), membership: membership } );
	}
	return { mentees: mentees, mentors: mentors, today: today };
}
