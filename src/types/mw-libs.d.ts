import type { LoaderLib, MentorshipLib, UserScriptLib } from '../gadgets/common/lib';

declare global {
	namespace mw.libs {
		/** Set by mentorship-core when it has loaded. */
		let mentorship: MentorshipLib | undefined;
		/** Set by mentorship-loader, on which every loader depends. */
		let mentorshipLoader: LoaderLib;
		/** Set by the user script's entry (src/gadgets/mentorship-user) when it runs. */
		let mentorshipUserScript: UserScriptLib | undefined;
	}
}

export {};
