/**
 * Graduating a mentee (src/core/graduation.ts has the rules): the certificate page, the
 * recognition on the mentee's talk page and the `graduated` milestone in the graduating
 * mentor's or coordinator's own profile. Each step is safe to repeat after a failure or a
 * lost response: the certificate and the post carry the same marker and are not written
 * twice, the milestone is recorded once.
 *
 * What it costs: the certificate, 1 read and 1 edit (more after a conflict); the post, 1 edit
 * (a lost response: 1 read to find it); the milestone, 1 read and 1 edit of the profile.
 */

import { PROFILE } from '../core/format';
import { GraduationPosts } from '../core/graduation';
import { profileAddMilestone } from '../core/milestones';
import { profileTitle } from '../core/titles';
import { Actor } from './membership';
import { Posted, postSection } from './posting';
import { UNCHANGED } from './store';
import { editText } from './text-page';

export interface Graduated {
	posted: Posted;
	certificate: { title: string; revid?: number };
}

/** The steps already done, kept by the caller across a retry: none is done twice. */
export interface GraduationProgress {
	certificate?: Graduated[ 'certificate' ];
	posted?: Posted;
}

/**
 * Writes the certificate (replacing an older one for the same member, unless it already
 * holds this graduation's marker), posts the recognition and records the milestone. Pass
 * the same `progress` to a retry after a failure: the steps done are not done again.
 */
export async function graduate( actor: Actor, programId: string, mentee: string, posts: GraduationPosts, progress: GraduationProgress = {} ): Promise<Graduated> {
	const store = actor.ctx.store;
	const cert = posts.certificate;
	if ( !progress.certificate ) {
		const saved = await editText( store, cert.page, ( current ) => current.indexOf( cert.marker ) !== -1 ? UNCHANGED : cert.text,
			{ summary: cert.summary, contentmodel: 'wikitext' } );
		progress.certificate = saved.revid ? { title: cert.page, revid: saved.revid } : { title: cert.page };
	}
	const posted = progress.posted || await postSection( actor.client, posts.post, actor.ctx.user );
	progress.posted = posted;
	const time = actor.ctx.now;
	await store.update( profileTitle( actor.ctx.user ), PROFILE,
		( p ) => {
			const list = p.recorded && Object.prototype.hasOwnProperty.call( p.recorded, programId ) ? p.recorded[ programId ] || [] : [];
			// Once per graduation: a retry finds it already recorded.
			return list.some( ( r ) => r.member === mentee && r.type === 'graduated' && r.note === cert.page ) ? p :
				profileAddMilestone( p, programId, mentee, { type: 'graduated', time: time, note: cert.page } );
		},
		{ summary: actor.ctx.summaries.profile, create: true } );
	return { posted: posted, certificate: progress.certificate };
}
