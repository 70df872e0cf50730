export { EntityHandoffReviewContent } from './EntityHandoffReviewContent';
