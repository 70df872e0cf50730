import { Entity } from '@backstage/catalog-model';

/** The service the frontend tests show a posture and a handoff review of, owned by dev-team. */
export const todoWebEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'todo-web', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/dev-team',
  },
};
