/**
 * The User-Agent and Api-User-Agent of every Node client (deploy, scripts, tests, bench), as
 * Wikimedia's API etiquette asks: the tool, its version, and how to reach who runs it.
 * MENTORSHIP_CONTACT (an email address or a user page) says who; deploy names the account
 * it logs in with when that is not set.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './localwiki';

const VERSION = ( JSON.parse( readFileSync( join( ROOT, 'package.json' ), 'utf8' ) ) as { version: string } ).version;

/** "mentorship-gadgets/1.0.0 (contact) node/20.19.0": the contact is left out when there is none. */
export function userAgent( contact = process.env.MENTORSHIP_CONTACT ): string {
	return `mentorship-gadgets/${ VERSION }${ contact ? ` (${ contact })` : '' } node/${ process.versions.node }`;
}
