/**
 * mentorship-core-graduation: graduating a mentee (the staged dialog, the recognition, the
 * certificate and the milestone), loaded when a mentor or a coordinator clicks Graduate.
 */

import { GraduationConfig, openGraduation } from '../../ui/graduation/dialog';
import { library, withMessages } from '../common/feature';

library().graduate = withMessages( ( config: unknown, trigger?: HTMLElement ) => openGraduation( config as GraduationConfig, trigger ) );
