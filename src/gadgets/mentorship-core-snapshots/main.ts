/**
 * mentorship-core-snapshots: the dashboard's dated snapshots (publishing one, the trends
 * across them), loaded by the console when its dashboard shows.
 */

import { snapshotsSection } from '../../ui/console/snapshots';
import { ConsoleContext } from '../../ui/console/context';
import { library, withMessages } from '../common/feature';

library().snapshotsSection = withMessages( ( context: unknown ) => snapshotsSection( context as ConsoleContext ) );
