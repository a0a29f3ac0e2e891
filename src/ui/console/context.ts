/** What the console gives each of its views (src/ui/console/console.ts builds it). */

import { Actor } from '../../wiki/membership';
import { ConsoleData } from '../../wiki/console';
import { Env } from '../env';

/** What the console's views need. */
export interface ConsoleContext {
	env: Env;
	id: string;
	data: ConsoleData;
	actor: () => Actor;
	setStatus: ( text: string ) => void;
	/** Reads the program again and rebuilds the views, except `keep` (a view with work under way). */
	refresh: ( keep?: 'match' ) => void;
}
