import { parseEntityRef } from '@backstage/catalog-model';
import { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import { HaPostureClient } from '@diehard/plugin-ha-posture-common';

/**
 * The facts of each entity the posture backend has evaluated, as `factsOf` gives them
 * (an entity for which it gives none is left out). Restricted entities are left out:
 * Tech Insights serves facts to every signed-in user, without asking the policy.
 */
export async function fleetFacts(
  postures: HaPostureClient,
  factsOf: (entityRef: string) => Promise<TechInsightFact['facts'] | undefined>,
): Promise<TechInsightFact[]> {
  const facts: TechInsightFact[] = [];
  for (const { entityRef, restricted } of await postures.getFleet()) {
    if (restricted) continue;
    const values = await factsOf(entityRef);
    if (!values) continue;
    const { kind, namespace, name } = parseEntityRef(entityRef);
    facts.push({ entity: { kind, namespace, name }, facts: values });
  }
  return facts;
}
