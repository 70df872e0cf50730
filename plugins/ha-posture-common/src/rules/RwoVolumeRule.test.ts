import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

const withClaim = (modes: string[]) => [
  deployment('web', d => {
    d.spec.template.spec.volumes = [
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
    ];
    d.spec.template.spec.containers[0].volumeMounts = [
      { name: 'data', mountPath: '/data' },
    ];
  }),
  {
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'shop' },
    spec: { accessModes: modes },
  },
  pdb(),
  netpol(),
];

describe('rwoVolumeRule', () => {
  it('fires on a ReadWriteOnce claim shared by replicas, not on ReadWriteMany', () => {
    expect(
      rulesOn('Deployment/shop/web', withClaim(['ReadWriteOnce'])),
    ).toEqual(['storage-rwo-shared']);
    expect(
      rulesOn('Deployment/shop/web', withClaim(['ReadWriteMany'])),
    ).toEqual([]);
  });
});
