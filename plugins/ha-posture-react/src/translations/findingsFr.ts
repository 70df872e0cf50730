import { FINDING_MESSAGES_FR } from '@diehard/plugin-ha-posture-common';

/** The findings in French: the engine's catalog, one entry per message id (complete, as its test checks). */
export default FINDING_MESSAGES_FR;
