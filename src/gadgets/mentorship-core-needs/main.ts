/**
 * mentorship-core-needs: the mentor's "Needs you" list and the praise suggestions below it
 * (their reads, rules and UI), loaded by the panel when a mentor's mentees tab is shown.
 */

import { needsYouSection } from '../../ui/panel/needs-you';
import { praiseSection } from '../../ui/panel/praise';
import { TabContext } from '../../ui/panel/context';
import { MentorView } from '../../wiki/membership';
import { library, withMessages } from '../common/feature';

library().needsYouSection = withMessages( ( context: unknown, view: unknown ) => needsYouSection( context as TabContext, view as MentorView )
	.add( praiseSection( context as TabContext, view as MentorView ) ) );
