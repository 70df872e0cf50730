import {
  JSON_RULE_ENGINE_CHECK_TYPE,
  TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { HA_POSTURE_FACT_RETRIEVER_ID } from '../facts/haPostureFactRetriever';
import { HA_REVIEW_FACT_RETRIEVER_ID } from '../facts/haReviewFactRetriever';

const factIds = [HA_POSTURE_FACT_RETRIEVER_ID];

/**
 * Diehard's default HA posture checks, on the facts of `haPostureFactRetriever`.
 *
 * @public
 */
export const haPostureChecks: TechInsightJsonRuleCheck[] = [
  {
    id: 'haPostureGradeAtLeastB',
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: 'HA posture grade A or B',
    description:
      'The service survives the loss of any one machine with at most minor warnings (grade A or B).',
    factIds,
    rule: {
      conditions: {
        all: [{ fact: 'grade', operator: 'in', value: ['A', 'B'] }],
      },
    },
  },
  {
    id: 'haPostureNoCriticalFinding',
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: 'No critical HA finding',
    description:
      'No single failure (a node, a pod, a database member) stops the service or loses its data.',
    factIds,
    rule: {
      conditions: {
        all: [{ fact: 'criticalFindings', operator: 'equal', value: 0 }],
      },
    },
  },
];

/**
 * Diehard's default handoff review check, on the facts of `haReviewFactRetriever`.
 *
 * @public
 */
export const haReviewChecks: TechInsightJsonRuleCheck[] = [
  {
    id: 'haReviewSignedAndNotStale',
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: 'HA handoff review signed and not stale',
    description:
      'Dev and Ops have both signed the handoff review, and neither the posture nor a waiver has changed what they signed.',
    factIds: [HA_REVIEW_FACT_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [
          { fact: 'reviewStatus', operator: 'equal', value: 'approved' },
          { fact: 'reviewSignedByDev', operator: 'equal', value: true },
          { fact: 'reviewSignedByOps', operator: 'equal', value: true },
          { fact: 'reviewStale', operator: 'equal', value: false },
        ],
      },
    },
  },
];
