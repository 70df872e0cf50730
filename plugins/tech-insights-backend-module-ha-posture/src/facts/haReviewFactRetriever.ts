import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { HaPostureClient } from '@diehard/plugin-ha-posture-common';
import { HandoffReviewClient } from '@diehard/plugin-handoff-review-common';
import { HA_REVIEW_FACTS_SCHEMA, reviewFacts } from './reviewFacts';
import { fleetFacts } from './fleetFacts';
import { serviceFetch } from './serviceFetch';

/**
 * The retriever's id, and its key under `techInsights.factRetrievers`.
 *
 * @public
 */
export const HA_REVIEW_FACT_RETRIEVER_ID = 'haReviewFactRetriever';

/**
 * Publishes where the Dev/Ops handoff review of each entity with a posture stands, read
 * from the review backend as this backend (which needs `handoff-review.read`).
 *
 * @public
 */
export const haReviewFactRetriever: FactRetriever = {
  id: HA_REVIEW_FACT_RETRIEVER_ID,
  version: '0.1.0',
  title: 'HA handoff review',
  description:
    'Status, sign-offs, staleness and waivers of the Dev/Ops handoff review (Diehard)',
  schema: HA_REVIEW_FACTS_SCHEMA,
  async handler({ auth, discovery }) {
    const postures = new HaPostureClient({
      discoveryApi: discovery,
      fetchApi: await serviceFetch(auth, 'ha-posture'),
    });
    const reviews = new HandoffReviewClient({
      discoveryApi: discovery,
      fetchApi: await serviceFetch(auth, 'handoff-review'),
    });
    return fleetFacts(postures, async entityRef =>
      reviewFacts(await reviews.getReviewState(entityRef), new Date()),
    );
  },
};
