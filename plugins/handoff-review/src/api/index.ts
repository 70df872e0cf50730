export { handoffReviewApiRef } from './HandoffReviewApi';
export type { HandoffReviewApi } from './HandoffReviewApi';
export { HandoffReviewClient } from './HandoffReviewClient';
export type * from './types';
