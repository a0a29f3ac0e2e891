/**
 * Talk pages as they are on Wikimedia wikis (MediaWiki 1.43 with DiscussionTools and Echo):
 * a topic with its reply button, the reply tool used as a person uses it, and the
 * notifications a user has.
 */

import { Locator, Page } from 'playwright-core';
import { Session } from '../../scripts/lib/accounts';
import { runJobs } from '../../scripts/lib/localwiki';
import { wiki } from './fixtures';

/** Whether the release tested has DiscussionTools and Echo (1.43; Debian's 1.39 has neither). */
export const HAS_DISCUSSION_TOOLS = ( process.env.MENTORSHIP_MW || '1.39' ) !== '1.39';

/** The topic of a talk page (as DiscussionTools renders it) whose heading is `heading`. */
export function topic( page: Page, heading: string ): Locator {
	return page.locator( '.ext-discussiontools-init-section', { hasText: heading } );
}

/**
 * The first Reply control after the topic's heading: a "Reply" button (DiscussionTools'
 * visual enhancements, the default in 1.43) or a "reply" link.
 */
export function replyControl( page: Page, heading: string ): Locator {
	return topic( page, heading ).locator( 'xpath=following::*[contains(@class,"ext-discussiontools-init-replybutton") or contains(@class,"ext-discussiontools-init-replylink-reply")][1]' );
}

/**
 * Replies to the first comment under `heading` with DiscussionTools' reply tool, by mouse
 * and keyboard, and waits until the reply is saved.
 *
 * @param page A page showing the talk page.
 * @param heading
 * @param text
 */
export async function replyWithTool( page: Page, heading: string, text: string ): Promise<void> {
	await replyControl( page, heading ).click();
	const widget = page.locator( '.ext-discussiontools-ui-replyWidget' );
	await widget.waitFor();
	const input = widget.locator( 'textarea, [contenteditable="true"]' ).first();
	await input.waitFor();
	await input.click();
	await page.keyboard.type( text );
	await widget.getByRole( 'button', { name: 'Reply', exact: true } ).click();
	await widget.waitFor( { state: 'detached' } );
}

export interface Notice {
	type: string;
	agent?: { name: string };
	title?: { full: string };
}

/** The user's Echo notifications, after the wiki's queued jobs ran. */
export async function notifications( s: Session ): Promise<Notice[]> {
	runJobs( wiki() );
	const response = await s.client.get( { action: 'query', meta: 'notifications', notprop: 'list', notlimit: 50, notformat: 'model' } );
	const list = ( response.query as { notifications: { list: Notice[] } } ).notifications.list;
	return list;
}
