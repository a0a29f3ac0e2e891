import type { MentorshipLib } from '../gadgets/common/lib';

declare global {
	namespace mw.libs {
		/** Set by mentorship-core when it has loaded. */
		let mentorship: MentorshipLib | undefined;
	}
}

export {};
