import { FINDING_MESSAGES_FR } from '@diehard/plugin-ha-posture-common';

/** The findings in French: the engine's catalog, complete as its own test checks. */
export default FINDING_MESSAGES_FR;
