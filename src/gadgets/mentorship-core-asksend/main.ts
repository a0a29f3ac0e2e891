/**
 * mentorship-core-asksend: what the ask dialog needs from Preview on (building the
 * question's post, posting it, recording it in the mentee's profile, the result) and, when
 * the previous question is still unanswered, the choice of where to ask instead: loaded
 * when the mentee first clicks Preview (or when that choice shows), so that opening the
 * dialog does not ship it.
 */

import { ASK_SEND } from '../../ui/ask/send';
import type { AskSendCode } from '../../ui/ask/send';
import { library, withMessages } from '../common/feature';

// Each installs the messages this module brought (English, and the user's and the wiki's
// languages loaded with it) before it runs.
const code: AskSendCode = {
	buildQuestion: withMessages( ASK_SEND.buildQuestion ),
	sendQuestion: withMessages( ASK_SEND.sendQuestion ),
	previewIntro: withMessages( ASK_SEND.previewIntro ),
	doneContent: withMessages( ASK_SEND.doneContent ),
	unansweredBlock: withMessages( ASK_SEND.unansweredBlock ),
	writeContext: withMessages( ASK_SEND.writeContext ),
};
library().askSend = code as unknown as NonNullable<ReturnType<typeof library>[ 'askSend' ]>;
