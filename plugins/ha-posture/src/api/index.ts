export { haPostureApiRef } from './HaPostureApi';
export type { HaPostureApi, HaPostureEntityRef } from './HaPostureApi';
export { HaPostureClient } from './HaPostureClient';
