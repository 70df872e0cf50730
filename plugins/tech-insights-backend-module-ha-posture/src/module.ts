import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  techInsightsFactCheckerFactoryExtensionPoint,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { haPostureChecks, haReviewChecks } from './checks/haPostureChecks';
import {
  HA_POSTURE_FACT_RETRIEVER_ID,
  haPostureFactRetriever,
} from './facts/haPostureFactRetriever';
import {
  HA_REVIEW_FACT_RETRIEVER_ID,
  haReviewFactRetriever,
} from './facts/haReviewFactRetriever';

/**
 * Publishes HA posture and handoff review facts (each scheduled by its entry under
 * `techInsights.factRetrievers`: `haPostureFactRetriever`, `haReviewFactRetriever`).
 *
 * @public
 */
export const techInsightsModuleHaPostureFacts = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'ha-posture-facts',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({
          [HA_POSTURE_FACT_RETRIEVER_ID]: haPostureFactRetriever,
          [HA_REVIEW_FACT_RETRIEVER_ID]: haReviewFactRetriever,
        });
      },
    });
  },
});

/**
 * Diehard's default HA checks in the JSON rules engine fact checker. Install it instead of
 * `@backstage-community/plugin-tech-insights-backend-module-jsonfc` (both set the fact checker).
 *
 * @public
 */
export const techInsightsModuleHaPostureChecks = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'ha-posture-checks',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        checker: techInsightsFactCheckerFactoryExtensionPoint,
      },
      async init({ logger, auth, catalog, checker }) {
        checker.setFactCheckerFactory(
          new JsonRulesEngineFactCheckerFactory({
            checks: [...haPostureChecks, ...haReviewChecks],
            logger,
            auth,
            catalog,
          }),
        );
      },
    });
  },
});
