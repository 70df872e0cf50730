export { HandoffReviewsPage } from './HandoffReviewsPage';
