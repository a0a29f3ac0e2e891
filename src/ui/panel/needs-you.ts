/**
 * The mentor's "Needs you" list, at the top of their mentees tab: each item names the
 * mentee (as text), says what happened and links to where to act (the question's section,
 * the reverted edits' diffs, the talk-page edit that left a warning, the block log).
 * The reads and rules are src/wiki/needs-you.ts and src/core/needs-you.ts.
 */

import { NeedsYouItem } from '../../core/needs-you';
import { MentorView } from '../../wiki/membership';
import { loadNeedsYou, NeedsYou } from '../../wiki/needs-you';
import { formatDate } from '../env';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { heading, statusLine } from '../widgets';
import { TabContext } from './context';

/** Reverted edits linked one by one in an item, at most. */
const REVERTED_LINKS = 5;

function link( href: string, label: string ): JQuery {
	return $( '<a>' ).attr( 'href', href ).text( label );
}

function diffUrl( ctx: TabContext, title: string, revid: number ): string {
	return ctx.env.url( title, { diff: 'prev', oldid: String( revid ) } );
}

function isIndefinite( expiry: string ): boolean {
	return /^(infinite|infinity|indefinite|never)$/.test( expiry );
}

function itemContent( ctx: TabContext, item: NeedsYouItem, data: NeedsYou ): JQuery[] {
	const gender = data.genders[ item.mentee ] || 'unknown';
	switch ( item.kind ) {
		case 'question': {
			const q = item.question;
			const text = item.days < 1 ?
				msg( 'mentorship-needs-question-today', item.mentee, gender ) :
				msg( 'mentorship-needs-question', item.mentee, item.days, gender );
			return [
				$( '<span>' ).text( text + ' ' ),
				link( ctx.env.url( q.page ) + '#' + encodeURIComponent( q.section.replace( / /g, '_' ) ), q.section ).addClass( 'mg-needs-link' ),
			];
		}
		case 'reverted': {
			const parts: JQuery[] = [ $( '<span>' ).text( msg( 'mentorship-needs-reverted', item.mentee, item.edits.length, data.days, gender ) ) ];
			item.edits.slice( 0, REVERTED_LINKS ).forEach( ( e, i ) => {
				parts[ parts.length ] = $( '<span>' ).text( i ? ', ' : ' ' );
				parts[ parts.length ] = link( diffUrl( ctx, e.title, e.revid ), e.title ).addClass( 'mg-needs-link' );
			} );
			if ( item.edits.length > REVERTED_LINKS ) {
				parts[ parts.length ] = $( '<span>' ).text( ' ' + msg( 'mentorship-needs-reverted-more', item.edits.length - REVERTED_LINKS ) );
			}
			return parts;
		}
		case 'warning': {
			const w = item.warning;
			return [
				$( '<span>' ).text( msg( 'mentorship-needs-warning', item.mentee, w.by, formatDate( w.timestamp ), gender ) + ' ' ),
				link( diffUrl( ctx, 'User talk:' + item.mentee, w.revid ), msg( 'mentorship-needs-warning-link', w.templates.join( ', ' ) ) ).addClass( 'mg-needs-link' ),
			];
		}
		case 'blocked': {
			const b = item.block;
			let text: string;
			if ( isIndefinite( b.expiry ) ) {
				text = msg( b.partial ? 'mentorship-needs-blocked-partial-indefinite' : 'mentorship-needs-blocked-indefinite', item.mentee, gender );
			} else {
				text = msg( b.partial ? 'mentorship-needs-blocked-partial' : 'mentorship-needs-blocked', item.mentee, formatDate( b.expiry ), gender );
			}
			return [
				$( '<span>' ).text( text + ' ' ),
				link( ctx.env.url( 'Special:Log/block', { page: 'User:' + item.mentee } ), msg( 'mentorship-needs-block-log' ) ).addClass( 'mg-needs-link' ),
			];
		}
	}
}

/** Shows the list once read. */
export function renderNeedsYou( ctx: TabContext, data: NeedsYou, $box: JQuery ): void {
	if ( !data.items.length ) {
		$box.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-needs-none', data.days ) ) );
	} else {
		const $list = $( '<ul>' ).addClass( 'mg-needs-list' );
		for ( const item of data.items ) {
			// The classes: mg-needs-question, mg-needs-reverted, mg-needs-warning, mg-needs-blocked.
			// eslint-disable-next-line mediawiki/class-doc
			$list.append( $( '<li>' ).addClass( 'mg-needs-' + item.kind ).attr( 'data-mentee', item.mentee ).append( itemContent( ctx, item, data ) ) );
		}
		$box.append( $list );
	}
	if ( !data.complete ) {
		$box.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-needs-partial' ) ) );
	}
}

/** The section: a heading, then the list once it is read (the mentees' table does not wait for it). */
export function needsYouSection( ctx: TabContext, view: MentorView ): JQuery {
	const $box = $( '<section>' ).addClass( 'mg-needs-you' ).attr( 'aria-busy', 'true' );
	const $status = statusLine().text( msg( 'mentorship-needs-loading' ) );
	$box.append( heading( msg( 'mentorship-needs-heading' ) ), $status );
	loadNeedsYou( ctx.env.client, view, ctx.env.clock.now() ).then( ( data ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( '' );
		renderNeedsYou( ctx, data, $box );
	}, ( e: unknown ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( errorText( e ) );
	} );
	return $box;
}
