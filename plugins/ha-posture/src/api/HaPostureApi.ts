import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClusterPosture,
  EntityPosture,
  FleetEntry,
  PostureHistoryPoint,
} from '@diehard/plugin-ha-posture-common';

/** A catalog entity, as a ref string (`component:default/todo`) or its parts. */
export type HaPostureEntityRef = string | CompoundEntityRef;

/** Reads the HA posture backend (`/api/ha-posture`). */
export interface HaPostureApi {
  /** The cached posture of an entity; `undefined` when the backend does not know the entity. */
  getEntityPosture(
    entityRef: HaPostureEntityRef,
  ): Promise<EntityPosture | undefined>;
  /** Recomputes the posture of an entity now. */
  refreshEntityPosture(entityRef: HaPostureEntityRef): Promise<EntityPosture>;
  /** One point per day with an evaluation, oldest first. */
  getEntityHistory(
    entityRef: HaPostureEntityRef,
  ): Promise<PostureHistoryPoint[]>;
  /** Every evaluated service. */
  getFleet(): Promise<FleetEntry[]>;
  /** The posture of each cluster itself. */
  getClusters(): Promise<ClusterPosture[]>;
}

export const haPostureApiRef = createApiRef<HaPostureApi>({
  id: 'plugin.ha-posture.service',
});
