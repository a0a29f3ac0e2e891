import type { LoaderLib, MentorshipLib } from '../gadgets/common/lib';

declare global {
	namespace mw.libs {
		/** Set by mentorship-core when it has loaded. */
		let mentorship: MentorshipLib | undefined;
		/** Set by mentorship-loader, on which every loader depends. */
		let mentorshipLoader: LoaderLib;
	}
}

export {};
