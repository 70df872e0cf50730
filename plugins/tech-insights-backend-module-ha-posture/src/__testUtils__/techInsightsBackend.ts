import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
// The retrievers read the posture and review backends over HTTP: the tests run them, as
// the app does.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import handoffReviewPlugin from '@diehard/plugin-handoff-review-backend';
import {
  NO_KUBERNETES_CLUSTERS,
  sharedScheduler,
} from '@diehard/backend-test-utils';
import {
  techInsightsModuleHaPostureChecks,
  techInsightsModuleHaPostureFacts,
} from '../module';
import { HA_POSTURE_FACT_RETRIEVER_ID } from '../facts/haPostureFactRetriever';
import { HA_REVIEW_FACT_RETRIEVER_ID } from '../facts/haReviewFactRetriever';

/**
 * Tech Insights with this module's facts and checks, the real posture and review
 * backends, `features` (the catalog, at least) and `config`. One scheduler serves every
 * plugin: tasks run when the test triggers them.
 */
export async function startTechInsightsBackend(
  features: BackendFeature[],
  config: Record<string, unknown> = {},
) {
  const { scheduler, factory } = sharedScheduler();
  const backend = await startTestBackend({
    features: [
      techInsightsPlugin,
      techInsightsModuleHaPostureFacts,
      techInsightsModuleHaPostureChecks,
      haPosturePlugin,
      handoffReviewPlugin,
      ...features,
      factory,
      mockServices.rootConfig.factory({
        data: {
          ...config,
          kubernetes: NO_KUBERNETES_CLUSTERS,
          techInsights: {
            factRetrievers: {
              [HA_POSTURE_FACT_RETRIEVER_ID]: { cadence: '*/10 * * * *' },
              [HA_REVIEW_FACT_RETRIEVER_ID]: { cadence: '*/10 * * * *' },
            },
          },
        },
      }),
    ],
  });
  return { backend, scheduler };
}
