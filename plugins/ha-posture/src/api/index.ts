export { haPostureApiRef } from './HaPostureApi';
export type { HaPostureApi, HaPostureEntityRef } from './HaPostureApi';
export { HaPostureClient } from './HaPostureClient';
export { handoffReviewStatusApiRef } from './HandoffReviewStatusApi';
export type { HandoffReviewStatusApi } from './HandoffReviewStatusApi';
export { HandoffReviewStatusClient } from './HandoffReviewStatusClient';
