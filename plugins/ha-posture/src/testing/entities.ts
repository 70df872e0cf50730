import { Entity } from '@backstage/catalog-model';

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
