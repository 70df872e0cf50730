import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

describe('nfsRule', () => {
  it('fires on an inline NFS server unless the pod template declares it highly available', () => {
    const d = (annotated: boolean) =>
      deployment('web', x => {
        x.spec.template.spec.volumes = [
          { name: 'n', nfs: { server: 'filer1', path: '/x' } },
        ];
        if (annotated)
          x.spec.template.metadata.annotations = {
            'diehard.io/highly-available': 'true',
          };
      });
    expect(rulesOn('Deployment/shop/web', [d(false), pdb(), netpol()])).toEqual(
      ['storage-nfs-single-host'],
    );
    expect(rulesOn('Deployment/shop/web', [d(true), pdb(), netpol()])).toEqual(
      [],
    );
  });

  it('judges a StorageClass volume by access mode only', () => {
    const d = deployment(
      'web',
      x =>
        (x.spec.template.spec.volumes = [
          { name: 'v', persistentVolumeClaim: { claimName: 'c' } },
        ]),
    );
    const pvc = {
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c', namespace: 'shop' },
      spec: { accessModes: ['ReadWriteMany'], storageClassName: 'nfs-client' },
    };
    expect(rulesOn('Deployment/shop/web', [d, pvc, pdb(), netpol()])).toEqual(
      [],
    );
  });
});
