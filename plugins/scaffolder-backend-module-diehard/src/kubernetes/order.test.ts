import { applyWaves } from './order';

describe('applyWaves', () => {
  it('puts what others depend on first, custom resources last', () => {
    const kinds = [
      'HorizontalPodAutoscaler',
      'Widget',
      'Deployment',
      'Service',
      'ConfigMap',
      'Namespace',
      'RoleBinding',
      'Role',
      'ServiceAccount',
      'Secret',
      'PersistentVolumeClaim',
      'Ingress',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'CustomResourceDefinition',
      'StatefulSet',
      'ConfigMap',
    ];
    expect(applyWaves(kinds, k => k)).toEqual([
      ['Namespace', 'CustomResourceDefinition'],
      ['Role', 'ServiceAccount'],
      ['RoleBinding'],
      [
        'Service',
        'ConfigMap',
        'Secret',
        'PersistentVolumeClaim',
        'NetworkPolicy',
        'ConfigMap',
      ],
      [
        'HorizontalPodAutoscaler',
        'Deployment',
        'Ingress',
        'PodDisruptionBudget',
        'StatefulSet',
      ],
      ['Widget'],
    ]);
  });
});
