/**
 * mentorship-core in the single-module build (`node build.mjs --single`, kept to compare
 * the two layouts in `npm run bench`), where it holds every feature: it creates
 * mw.libs.mentorship, which the features fill, and says so. In the split build (the
 * default), mentorship-core is what every feature uses, made by build.mjs from the
 * features' own entries (src/gadgets/mentorship-core-*), and this file is not used.
 */

import { library } from '../common/feature';

mw.hook( 'mentorship.ready' ).fire( library() );
