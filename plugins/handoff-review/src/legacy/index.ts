export {
  EntityHandoffReviewContent,
  EntityHandoffReviewStatus,
  HandoffReviewsPage,
  handoffReviewLegacyPlugin,
} from './plugin';
