import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading an entity's HA posture, its history and the fleet view.
 *
 * @public
 */
export const haPostureReadPermission = createPermission({
  name: 'ha-posture.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Asking for an entity's posture to be recomputed now.
 *
 * @public
 */
export const haPostureRefreshPermission = createPermission({
  name: 'ha-posture.entity.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Reading the clusters' own posture (control plane, nodes): the Clusters tab.
 *
 * @public
 */
export const haPostureClusterReadPermission = createPermission({
  name: 'ha-posture.cluster.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the HA posture, for the backend to register.
 *
 * @public
 */
export const haPosturePermissions = [
  haPostureReadPermission,
  haPostureRefreshPermission,
  haPostureClusterReadPermission,
];
