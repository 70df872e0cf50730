/**
 * Tech Insights facts and checks from Diehard's HA posture.
 *
 * @packageDocumentation
 */
export { techInsightsModuleHaPostureFacts as default } from './module';
export { techInsightsModuleHaPostureChecks } from './module';
export {
  haPostureFactRetriever,
  HA_POSTURE_FACT_RETRIEVER_ID,
} from './facts/haPostureFactRetriever';
export {
  haReviewFactRetriever,
  HA_REVIEW_FACT_RETRIEVER_ID,
} from './facts/haReviewFactRetriever';
export { HA_POSTURE_FACTS_SCHEMA } from './facts/postureFacts';
export {
  HA_REVIEW_FACTS_SCHEMA,
  WAIVER_EXPIRING_SOON_DAYS,
} from './facts/reviewFacts';
export type { HaReviewFacts } from './facts/reviewFacts';
export type { HaPostureFacts } from './facts/postureFacts';
export { haPostureChecks, haReviewChecks } from './checks/haPostureChecks';
