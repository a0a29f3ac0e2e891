/**
 * Recording a milestone for a member (a leadership step the wiki cannot show, or one it
 * showed, now confirmed): type, date and a note, written to the member's roster entry.
 * Writing the same milestone twice records it once.
 */

import { LIMITS, MILESTONES, MilestoneType } from '../../core/format';
import { DetectedMilestone, MILESTONE_MESSAGES } from '../../core/stages';
import { recordMilestone } from '../../wiki/console';
import { isoDate } from '../../core/dates';
import { consoleWriter } from '../writers';
import { msg } from '../i18n';
import { nameDropdown, withOverlay } from '../widgets';
import { Handlers, StagedDialog, stagedStatics } from '../staged-dialog';
import { openWindow } from '../windows';
import { ConsoleContext } from './context';

export class MilestoneDialog extends StagedDialog {
	private readonly ctx: ConsoleContext;
	private readonly member: string;
	private readonly detected: DetectedMilestone | undefined;
	private type!: OO.ui.DropdownInputWidget;
	private date!: mw.widgets.DateInputWidget;
	private note!: OO.ui.TextInputWidget;

	public constructor( ctx: ConsoleContext, member: string, detected?: DetectedMilestone ) {
		super( ctx.env, { size: 'medium', classes: [ 'mg-milestone-dialog' ] } );
		this.ctx = ctx;
		this.member = member;
		this.detected = detected;
	}

	protected buildForm( $form: JQuery ): void {
		const today = isoDate( this.ctx.env.clock.now() );
		const d = this.detected;
		this.type = new OO.ui.DropdownInputWidget( {
			options: MILESTONES.map( ( t ) => ( { data: t, label: msg( MILESTONE_MESSAGES[ t ] ) } ) ),
			value: d ? d.type : 'organised-event',
			dropdown: withOverlay( {}, this.$overlay ),
		} );
		nameDropdown( this.type, msg( 'mentorship-console-milestone-type' ) );
		this.date = new mw.widgets.DateInputWidget( withOverlay( { value: d && d.time ? d.time.slice( 0, 10 ) : today, mustBeBefore: isoDate( this.ctx.env.clock.now() + 86400000 ), required: true }, this.$overlay ) );
		this.note = new OO.ui.TextInputWidget( { value: d && d.note ? d.note : '', maxLength: LIMITS.comment, classes: [ 'mg-milestone-note' ] } );
		$form.append(
			$( '<p>' ).text( msg( 'mentorship-console-milestone-explanation', this.member ) ),
			new OO.ui.FieldLayout( this.type, { label: msg( 'mentorship-console-milestone-type' ), align: 'top' } ).$element,
			new OO.ui.FieldLayout( this.date as unknown as OO.ui.Widget, { label: msg( 'mentorship-console-milestone-date' ), align: 'top' } ).$element,
			new OO.ui.FieldLayout( this.note, { label: msg( 'mentorship-console-milestone-note' ), align: 'top', help: msg( 'mentorship-console-milestone-note-help' ), helpInline: true } ).$element,
		);
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( msg( 'mentorship-console-milestone-title', this.member ) );
			this.setStage( 'form', false );
		} );
	}

	protected focusForm(): void {
		this.type.focus();
	}

	protected handlers(): Handlers {
		return { save: () => this.save() };
	}

	private save(): Promise<void> | void {
		this.errors.clear();
		const date = this.date.getValue();
		if ( !/^\d{4}-\d{2}-\d{2}$/.test( date ) ) {
			this.errors.showText( msg( 'mentorship-console-milestone-date-needed' ) );
			this.updateSize();
			this.date.focus();
			return undefined;
		}
		const detected = this.detected;
		// A detected milestone keeps its own time, so that recording it again changes nothing.
		const time = detected && detected.time && detected.time.slice( 0, 10 ) === date ? detected.time : date + 'T00:00:00Z';
		const note = this.note.getValue().trim();
		const config = this.ctx.data.loaded.state.config;
		const writer = consoleWriter( this.ctx.env, config.name );
		return recordMilestone( writer, this.ctx.id, this.member, {
			type: this.type.getValue() as MilestoneType,
			time: time,
			note: note || undefined,
		} ).then( () => {
			this.finish( 'save' );
		} );
	}
}

stagedStatics( MilestoneDialog, 'mentorshipMilestone', [
	{ action: 'save', label: OO.ui.deferMsg( 'mentorship-console-milestone-save' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	// One form; saved, it closes itself.
], { stages: [ 'form' ] } );

/** Opens the dialog for a member (optionally to confirm a detected milestone); refreshes the console when recorded. */
export function openMilestoneDialog( ctx: ConsoleContext, member: string, trigger: HTMLElement, detected?: DetectedMilestone ): void {
	const dialog = new MilestoneDialog( ctx, member, detected );
	openWindow( dialog, {}, trigger ).closed.then( () => {
		if ( dialog.done ) {
			ctx.setStatus( msg( 'mentorship-console-milestone-done', member ) );
			ctx.refresh();
		}
	} );
}
