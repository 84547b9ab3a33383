import { BotFrameworkPlugin } from '@o2o/plugin-channel-botframework';
import { CanvasPlugin } from '@o2o/plugin-lms-canvas';
import { MoodlePlugin } from '@o2o/plugin-lms-moodle';
import type { O2oPlugin } from '@o2o/plugin-sdk';

/** The plugins this host runs, in one readable list. Duplicates or SDK mismatches stop the host at boot. */
export const ENABLED_PLUGINS: O2oPlugin[] = [MoodlePlugin, CanvasPlugin, BotFrameworkPlugin];
