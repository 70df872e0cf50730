export { HandoffReviewsPage } from './HandoffReviewsPage';
export { HandoffReviewsPageLayout } from './HandoffReviewsPageLayout';
