export { HandoffReviewStatus } from './HandoffReviewStatus';
