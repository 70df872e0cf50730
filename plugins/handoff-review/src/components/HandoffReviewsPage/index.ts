export { HandoffReviewsPage } from './HandoffReviewsPage';
export { HandoffReviewsPageLayout } from './HandoffReviewsPageLayout';
export { LegacyHandoffReviewsPage } from './LegacyHandoffReviewsPage';
