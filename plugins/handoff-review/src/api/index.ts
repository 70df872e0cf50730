export { handoffReviewApiRef } from './HandoffReviewApi';
export type { HandoffReviewApi } from './HandoffReviewApi';
export { HandoffReviewClient } from '@diehard/plugin-handoff-review-common';
export type * from './types';
