export { haPostureApiRef } from './HaPostureApi';
export { HaPostureClient } from '@diehard/plugin-ha-posture-common';
export type {
  HaPostureApi,
  HaPostureEntityRef,
} from '@diehard/plugin-ha-posture-common';
