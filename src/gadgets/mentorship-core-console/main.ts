/**
 * mentorship-core-console: the coordinators' console (matching a cohort, the dashboard,
 * milestones), loaded by the panel when its console tab is opened.
 */

import { consoleTab } from '../../ui/console/console';
import { TabContext } from '../../ui/panel/context';
import { library, withMessages } from '../common/feature';

library().consoleTab = withMessages( ( context: unknown ) => consoleTab( context as TabContext ) );
