/** What the program page gives each of its tabs (src/ui/panel/program-page.ts builds it). */

import { Actor, ProgramView } from '../../wiki/membership';
import { Env } from '../env';

/** What a tab needs: the program as loaded, a way to act, and a way to reload after a change. */
export interface TabContext {
	env: Env;
	id: string;
	view: ProgramView;
	actor: () => Actor;
	/** Reloads the program and shows `tab` (default: the current one). */
	reload: ( tab?: string ) => void;
	setStatus: ( text: string ) => void;
	/** Switches to another tab. */
	show: ( tab: string ) => void;
	/** Reads and shows the next page of the program's mentors. */
	moreMentors: () => void;
}
