/**
 * mentorship-loader (hidden): what the three loaders share, shipped once. Every visible
 * gadget depends on it, so ResourceLoader sends it in the same request as the loaders and
 * runs it first. It sets its own labels (the loading failure and Retry) and offers the
 * rest as mw.libs.mentorshipLoader.
 */

import messages from 'mentorship:loader-messages';
import { addLink, onActivate, panelUrl, setMessages, withCore } from '../common/loader';

setMessages( messages );
mw.libs.mentorshipLoader = { setMessages, withCore, addLink, onActivate, panelUrl };
