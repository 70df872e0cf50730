import { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import { HaPostureClient } from '@diehard/plugin-ha-posture-common';
import { HA_POSTURE_FACTS_SCHEMA, postureFacts } from './postureFacts';
import { fleetFacts } from './fleetFacts';
import { serviceFetch } from './serviceFetch';

/**
 * The retriever's id, and its key under `techInsights.factRetrievers`.
 *
 * @public
 */
export const HA_POSTURE_FACT_RETRIEVER_ID = 'haPostureFactRetriever';

/**
 * Publishes each evaluated entity's HA posture (grade, score, findings per severity and
 * category, single points of failure), read from the posture backend as this backend.
 *
 * @public
 */
export const haPostureFactRetriever: FactRetriever = {
  id: HA_POSTURE_FACT_RETRIEVER_ID,
  version: '0.1.0',
  title: 'HA posture',
  description:
    'Grade, score, findings and single points of failure of the HA posture (Diehard)',
  schema: HA_POSTURE_FACTS_SCHEMA,
  async handler({ auth, discovery }) {
    const client = new HaPostureClient({
      discoveryApi: discovery,
      fetchApi: await serviceFetch(auth, 'ha-posture'),
    });
    return fleetFacts(client, async entityRef => {
      const posture = await client.getEntityPosture(entityRef);
      return posture ? postureFacts(posture) : undefined;
    });
  },
};
