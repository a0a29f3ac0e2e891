/**
 * Matching the cohort in the console: every mentee without a mentor matched at once with
 * the optimal assignment (the panel's score, within each mentor's free places), shown
 * pair by pair with the reasons and against first-come greedy; the coordinator changes
 * any pair and applies them all in one roster write; then, if they wish, each pair is
 * told on their talk pages, paced by the coordinator's edit limit, with a final report.
 */

import { buildNotice } from '../../core/notices';
import {
	choicesFor, CohortContext, cohortContext, gainPercent, PlanPair, proposeCohort, Proposal, roomOf, RosterAssignment, ScoredPlan, scorePlan,
} from '../../core/cohort';
import { Fit } from '../../core/matching';
import { applyPairs, notifyPairs, NotifyReport } from '../../wiki/console';
import { isoDate } from '../../core/dates';
import { consoleWriter } from '../writers';
import { ErrorArea, errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { reasonText } from '../lists';
import { confirmNotice } from '../notice-dialog';
import { jq } from '../windows';
import { dataTable, heading, statusLine, userLink } from '../widgets';
import { ConsoleContext } from './context';
import { currentUser } from '../../wiki/current-user';

interface RowParts {
	select: HTMLSelectElement;
	$fit: JQuery;
	$reasons: JQuery;
	filled: boolean;
}

function reasonsList( fit: Fit | null ): JQuery {
	const $list = $( '<ul>' ).addClass( 'mg-reasons' );
	for ( const r of fit ? fit.reasons : [] ) {
		$list.append( $( '<li>' ).text( reasonText( r ) ) );
	}
	return $list;
}

function choiceLabel( fit: Fit ): string {
	return msg( 'mentorship-console-match-choice', fit.mentor, fit.score, fit.capacity - fit.load, fit.capacity );
}

export class MatchView {
	public readonly $element: JQuery;
	private readonly ctx: ConsoleContext;
	private context: CohortContext | null = null;
	private proposal: Proposal | null = null;
	private plan: Record<string, string | null> = {};
	private scored: ScoredPlan | null = null;
	private readonly rows: Record<string, RowParts> = {};
	private readonly $result: JQuery;
	private readonly $totals: JQuery;
	private readonly over: OO.ui.MessageWidget;
	private readonly apply: OO.ui.ButtonWidget;
	private readonly errors: ErrorArea;
	private readonly $after: JQuery;

	public constructor( ctx: ConsoleContext ) {
		this.ctx = ctx;
		this.$result = $( '<div>' ).addClass( 'mg-match-result' );
		this.$totals = $( '<p>' ).addClass( 'mg-match-totals' ).attr( { role: 'status', 'aria-live': 'polite' } );
		this.over = new OO.ui.MessageWidget( { type: 'error', classes: [ 'mg-match-over' ] } );
		this.over.toggle( false );
		this.apply = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-match-apply', 0 ), flags: [ 'primary', 'progressive' ], classes: [ 'mg-match-apply' ] } );
		this.apply.on( 'click', () => this.confirmApply() );
		this.errors = new ErrorArea();
		this.$after = $( '<div>' ).addClass( 'mg-match-after' );
		this.$element = $( '<div>' ).addClass( 'mg-match' );
		this.start();
	}

	private today(): string {
		return isoDate( this.ctx.env.clock.now() );
	}

	private start(): void {
		const state = this.ctx.data.loaded.state;
		const lastEdits: Record<string, string | null> = {};
		const activity = this.ctx.data.loaded.activity;
		for ( const name of Object.keys( activity ) ) {
			lastEdits[ name ] = ( activity[ name ] as { last?: string } ).last || null;
		}
		const context = cohortContext( state, this.today(), lastEdits );
		this.context = context;
		const room = roomOf( context );
		const go = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-match-run' ), flags: [ 'primary', 'progressive' ], icon: 'userGroup', classes: [ 'mg-match-run' ] } );
		go.setDisabled( !context.mentees.length || !room.places );
		go.on( 'click', () => {
			go.setDisabled( true );
			this.propose();
		} );
		this.$element.empty().append(
			heading( msg( 'mentorship-console-match-heading' ) ),
			$( '<p>' ).text( msg( 'mentorship-console-match-explanation' ) ),
			$( '<p>' ).addClass( 'mg-match-counts' ).text( msg( 'mentorship-console-match-counts', context.mentees.length, room.mentors, room.places ) ),
			go.$element,
			this.$result,
		);
	}

	private propose(): void {
		const context = this.context as CohortContext;
		const started = Date.now();
		const proposal = proposeCohort( context );
		this.proposal = proposal;
		this.plan = {};
		for ( const p of proposal.plan ) {
			this.plan[ '#' + p.mentee ] = p.mentor;
		}
		const ms = Date.now() - started;
		const $body = $( '<tbody>' );
		const $table = dataTable( 'wikitable mg-table mg-pairs', msg( 'mentorship-console-match-caption' ), [
			'mentorship-col-mentee', 'mentorship-console-col-mentor', 'mentorship-console-col-fit', 'mentorship-console-col-why',
		].map( ( key ) => msg( key ) ), $body );
		const unmatched: Record<string, string> = {};
		for ( const u of proposal.unmatched ) {
			unmatched[ '#' + u.mentee ] = u.reason;
		}
		for ( const p of proposal.plan ) {
			$body.append( this.row( p, unmatched[ '#' + p.mentee ] ) );
		}
		this.$result.empty().append(
			$( '<p>' ).addClass( 'mg-match-summary' ).text( proposal.unmatched.length ?
				msg( 'mentorship-console-match-proposed', proposal.plan.length - proposal.unmatched.length, proposal.plan.length, formatNumber( ms ) ) :
				msg( 'mentorship-console-match-proposed-all', proposal.plan.length, formatNumber( ms ) ) ),
			this.$totals,
			$( '<div>' ).addClass( 'mg-table-scroll' ).append( $table ),
			this.over.$element,
			this.errors.$element,
			$( '<div>' ).addClass( 'mg-actions' ).append( this.apply.$element ),
			this.$after,
		);
		this.rescore();
	}

	private row( p: PlanPair, unmatchedReason: string | undefined ): JQuery {
		const select = document.createElement( 'select' );
		select.className = 'mg-select';
		select.setAttribute( 'aria-label', msg( 'mentorship-console-match-mentor-for', p.mentee ) );
		const none = new Option( msg( unmatchedReason === 'no-fit' ? 'mentorship-console-match-none-nofit' : 'mentorship-console-match-none' ), '' );
		select.appendChild( none );
		if ( p.mentor ) {
			select.appendChild( new Option( p.mentor, p.mentor, true, true ) );
		}
		const parts: RowParts = { select: select, $fit: $( '<td>' ).addClass( 'mg-number' ), $reasons: $( '<td>' ), filled: false };
		this.rows[ '#' + p.mentee ] = parts;
		// The full list of mentors is built when the coordinator goes to change the pair.
		const fill = (): void => {
			if ( parts.filled ) {
				return;
			}
			parts.filled = true;
			const current = select.value;
			for ( const fit of choicesFor( this.context as CohortContext, p.mentee ) ) {
				if ( fit.mentor === current ) {
					( select.options[ 1 ] as HTMLOptionElement ).text = choiceLabel( fit );
				} else {
					select.appendChild( new Option( choiceLabel( fit ), fit.mentor ) );
				}
			}
		};
		select.addEventListener( 'focus', fill );
		select.addEventListener( 'mousedown', fill );
		select.addEventListener( 'change', () => {
			this.plan[ '#' + p.mentee ] = select.value || null;
			this.rescore();
		} );
		return $( '<tr>' ).attr( 'data-mentee', p.mentee ).append(
			$( '<th>' ).attr( 'scope', 'row' ).append( userLink( p.mentee ) ),
			$( '<td>' ).append( select ),
			parts.$fit,
			parts.$reasons,
		);
	}

	private planPairs(): PlanPair[] {
		return ( this.proposal as Proposal ).plan.map( ( p ) => ( { mentee: p.mentee, mentor: this.plan[ '#' + p.mentee ] || null } ) );
	}

	private rescore(): void {
		const proposal = this.proposal as Proposal;
		const scored = scorePlan( this.context as CohortContext, this.planPairs() );
		this.scored = scored;
		const byMentee: Record<string, Fit> = {};
		for ( const pair of scored.pairs ) {
			byMentee[ '#' + pair.mentee ] = pair.fit;
		}
		for ( const p of proposal.plan ) {
			const parts = this.rows[ '#' + p.mentee ] as RowParts;
			const fit = byMentee[ '#' + p.mentee ] || null;
			parts.$fit.text( fit ? formatNumber( fit.score ) : '—' );
			parts.$reasons.empty().append( fit ? reasonsList( fit ) : $( '<span>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-console-match-no-pair' ) ) );
		}
		const changed = scored.total !== proposal.total || proposal.plan.some( ( p ) => ( this.plan[ '#' + p.mentee ] || null ) !== p.mentor );
		const gain = gainPercent( proposal.total, proposal.greedy.total );
		// No gain over first come, first served (one mentee, or an obvious cohort): no "+0%".
		let text = gain === 0 ?
			msg( 'mentorship-console-match-total-same', formatNumber( proposal.total ), proposal.greedy.matched ) :
			msg( 'mentorship-console-match-total', formatNumber( proposal.total ), formatNumber( proposal.greedy.total ), proposal.greedy.matched,
				gain === null ? '—' : formatNumber( gain ) );
		if ( changed ) {
			text = msg( 'mentorship-console-match-total-changed', formatNumber( scored.total ), formatNumber( proposal.total ) ) + ' ' + text;
		}
		this.$totals.text( text );
		if ( scored.over.length ) {
			const $list = $( '<ul>' );
			for ( const o of scored.over ) {
				$list.append( $( '<li>' ).text( msg( 'mentorship-console-match-over-one', o.mentor, o.given, o.free ) ) );
			}
			this.over.setLabel( $( '<div>' ).append( $( '<p>' ).text( msg( 'mentorship-console-match-over' ) ), $list ) );
		}
		this.over.toggle( scored.over.length > 0 );
		this.apply.setLabel( msg( 'mentorship-console-match-apply', scored.pairs.length ) );
		this.apply.setDisabled( scored.over.length > 0 || !scored.pairs.length );
	}

	private confirmApply(): void {
		const scored = this.scored as ScoredPlan;
		const context = this.context as CohortContext;
		const pairs: RosterAssignment[] = scored.pairs.map( ( p ) => {
			const a: RosterAssignment = { mentee: p.mentee, mentor: p.mentor };
			const before = context.before[ p.mentee ];
			if ( before !== undefined ) {
				a.before = before;
			}
			return a;
		} );
		void OO.ui.confirm( msg( 'mentorship-console-match-apply-confirm', pairs.length ) ).then( ( ok ) => {
			if ( !ok ) {
				return;
			}
			this.errors.clear();
			this.apply.setDisabled( true );
			for ( const key of Object.keys( this.rows ) ) {
				( this.rows[ key ] as RowParts ).select.disabled = true;
			}
			const config = this.ctx.data.loaded.state.config;
			this.ctx.setStatus( msg( 'mentorship-console-match-applying', pairs.length ) );
			void jq( applyPairs( consoleWriter( this.ctx.env, config.name ), this.ctx.id, config, pairs ) ).then( ( result ) => {
				this.ctx.setStatus( msg( 'mentorship-console-match-applied', result.applied.length, result.writes ) );
				this.applied( result.applied, result.skipped, result.writes );
				this.ctx.refresh( 'match' );
			}, ( e: unknown ) => {
				this.ctx.setStatus( '' );
				for ( const key of Object.keys( this.rows ) ) {
					( this.rows[ key ] as RowParts ).select.disabled = false;
				}
				this.apply.setDisabled( false );
				this.errors.show( e );
			} );
		} );
	}

	/** After the roster write: what was written, what was skipped, and the offer to tell each pair. */
	private applied( pairs: RosterAssignment[], skipped: string[], writes: number ): void {
		this.apply.toggle( false );
		const $box = this.$after.empty();
		$box.append( new OO.ui.MessageWidget( { type: 'success', label: msg( 'mentorship-console-match-applied', pairs.length, writes ) } ).$element );
		if ( skipped.length ) {
			$box.append( $( '<p>' ).text( msg( 'mentorship-console-match-skipped', skipped.length, skipped.join( ', ' ) ) ) );
		}
		if ( !pairs.length ) {
			return;
		}
		const config = this.ctx.data.loaded.state.config;
		const env = this.ctx.env;
		const tell = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-notify', pairs.length ), icon: 'speechBubbles', flags: [ 'progressive' ] } );
		const progress = new OO.ui.ProgressBarWidget( { progress: 0 } );
		progress.toggle( false );
		const $progress = statusLine();
		const stop = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-notify-stop' ), flags: [ 'destructive' ] } );
		stop.toggle( false );
		const $report = $( '<div>' ).addClass( 'mg-notify-report' );
		let stopped = false;
		stop.on( 'click', () => {
			stopped = true;
			stop.setDisabled( true );
		} );
		const first = pairs[ 0 ] as RosterAssignment;
		tell.on( 'click', () => {
			void confirmNotice( {
				env: env,
				title: msg( 'mentorship-console-notify-title' ),
				explanation: msg( 'mentorship-console-notify-explanation', pairs.length, pairs.length * 2 ),
				confirm: msg( 'mentorship-console-notify-confirm', pairs.length * 2 ),
				preview: ( note ) => buildNotice( {
					kind: 'matched-mentee', id: 'preview', programId: this.ctx.id, programName: config.name,
					from: env.user as string, to: first.mentee, about: first.mentor, note: note,
				}, env.content ),
				run: ( note ) => {
					// The posts go on in the tab, with their progress; the dialog closes at once.
					tell.toggle( false );
					progress.toggle( true );
					stop.toggle( true );
					void this.notify( pairs, note, progress, $progress, () => stopped ).then( ( outcome ) => {
						stop.toggle( false );
						this.report( $report, outcome );
					} );
					return Promise.resolve();
				},
			}, tell.$button[ 0 ] );
		} );
		$box.append(
			heading( msg( 'mentorship-console-notify-heading' ), 4 ),
			$( '<p>' ).text( msg( 'mentorship-console-notify-help' ) ),
			tell.$element, progress.$element, $progress, stop.$element, $report,
		);
	}

	private async notify( pairs: RosterAssignment[], note: string, progress: OO.ui.ProgressBarWidget, $progress: JQuery, stopped: () => boolean ): Promise<NotifyReport> {
		const env = this.ctx.env;
		const config = this.ctx.data.loaded.state.config;
		let limit: { hits: number; seconds: number } | undefined;
		try {
			limit = ( await currentUser( env.client ) ).editLimit;
		} catch ( e ) {
			limit = undefined;
		}
		const actor = this.ctx.actor();
		return notifyPairs( actor, this.ctx.id, config, pairs, note, {
			limit: limit,
			stopped: stopped,
			progress: ( p ) => {
				progress.setProgress( Math.round( 100 * p.done / p.total ) );
				$progress.text( p.error ?
					msg( 'mentorship-console-notify-failed-one', p.to || '', errorText( p.error ), p.done, p.total ) :
					msg( 'mentorship-console-notify-progress', p.done, p.total ) );
			},
		} );
	}

	private report( $report: JQuery, outcome: NotifyReport ): void {
		$report.empty().append( new OO.ui.MessageWidget( {
			type: outcome.failed.length ? 'warning' : 'success',
			label: msg( outcome.stopped ? 'mentorship-console-notify-stopped' : 'mentorship-console-notify-done', outcome.posted, outcome.failed.length ),
		} ).$element );
		if ( outcome.failed.length ) {
			const $list = $( '<ul>' );
			for ( const f of outcome.failed ) {
				$list.append( $( '<li>' ).text( msg( 'mentorship-console-notify-failed-item', f.to, errorText( f.error ) ) ) );
			}
			$report.append( $list );
		}
		$report.attr( 'tabindex', '-1' ).trigger( 'focus' );
	}
}
