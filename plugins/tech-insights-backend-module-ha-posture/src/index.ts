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
export { HA_POSTURE_FACTS_SCHEMA } from './facts/postureFacts';
export type { HaPostureFacts } from './facts/postureFacts';
export { haPostureChecks } from './checks/haPostureChecks';
