import { KubeObject } from '../model/kube';
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

  it('fires on a claim bound to an NFS volume of one server, unless the volume or its class is declared highly available', () => {
    const d = deployment(
      'web',
      x =>
        (x.spec.template.spec.volumes = [
          { name: 'v', persistentVolumeClaim: { claimName: 'files' } },
        ]),
    );
    const pvc = {
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'files', namespace: 'shop' },
      spec: {
        accessModes: ['ReadWriteMany'],
        storageClassName: 'nfs-ha',
        volumeName: 'pvc-1',
      },
    };
    const pv = (annotations: Record<string, string> = {}) => ({
      kind: 'PersistentVolume',
      metadata: { name: 'pvc-1', annotations },
      spec: {
        accessModes: ['ReadWriteMany'],
        storageClassName: 'nfs-ha',
        nfs: { server: '192.0.2.10', path: '/exports/shop-files' },
        claimRef: { namespace: 'shop', name: 'files' },
      },
    });
    const storageClass = (annotations: Record<string, string> = {}) => ({
      kind: 'StorageClass',
      metadata: { name: 'nfs-ha', annotations },
      provisioner: 'nfs.example.org/nfs-ha',
    });
    const ha = { 'diehard.io/highly-available': 'true' };
    const on = (...objects: KubeObject[]) =>
      rulesOn('Deployment/shop/web', [d, pvc, pdb(), netpol(), ...objects]);
    expect(on(pv(), storageClass())).toEqual(['storage-nfs-single-host']);
    expect(on(pv(ha), storageClass())).toEqual([]);
    expect(on(pv(), storageClass(ha))).toEqual([]);
  });
});
