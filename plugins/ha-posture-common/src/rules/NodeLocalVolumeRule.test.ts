import { evaluatePosture } from '../evaluate';
import { deployment, rulesOn } from '../testing/fixtures';

const NL = 'storage-node-local-volume';
const withClaim = (
  replicas = 1,
  readOnly = false,
  name = 'web',
  claimName = 'data',
) =>
  deployment(name, d => {
    d.spec.replicas = replicas;
    d.spec.template.spec.volumes = [
      { name: 'data', persistentVolumeClaim: { claimName } },
    ];
    d.spec.template.spec.containers[0].volumeMounts = [
      { name: 'data', mountPath: '/data', readOnly },
    ];
  });
const pvc = (spec: any, name = 'data') => ({
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'shop' },
  spec: { accessModes: ['ReadWriteMany'], ...spec },
});
const pv = (name: string, spec: any, labels?: Record<string, string>) => ({
  kind: 'PersistentVolume',
  metadata: { name, labels },
  spec: { accessModes: ['ReadWriteMany'], ...spec },
});
const sc = (name: string, provisioner: string, isDefault = false) => ({
  kind: 'StorageClass',
  metadata: {
    name,
    annotations: isDefault
      ? { 'storageclass.kubernetes.io/is-default-class': 'true' }
      : {},
  },
  provisioner,
});
const fires = (objects: any[], ref = 'Deployment/shop/web') =>
  rulesOn(ref, objects).includes(NL);
const hostPath = { hostPath: { path: '/mnt/data' } };

describe('nodeLocalVolumeRule', () => {
  it.each([
    ['its volumeName', pvc({ volumeName: 'p' }), pv('p', hostPath), true],
    [
      'its claimRef',
      pvc({ storageClassName: 'x' }),
      pv('p', { ...hostPath, claimRef: { name: 'data', namespace: 'shop' } }),
      true,
    ],
    [
      'its class',
      pvc({ storageClassName: 'manual' }),
      pv('p', { ...hostPath, storageClassName: 'manual' }),
      true,
    ],
    [
      'not another class',
      pvc({ storageClassName: 'manual' }),
      pv('p', { ...hostPath, storageClassName: 'other' }),
      false,
    ],
    [
      "not another claim's volume",
      pvc({ storageClassName: '' }),
      pv('p', {
        ...hostPath,
        storageClassName: '',
        claimRef: { name: 'other', namespace: 'shop' },
      }),
      false,
    ],
    [
      'not a volume lacking its access modes',
      pvc({ storageClassName: '' }),
      pv('p', {
        ...hostPath,
        storageClassName: '',
        accessModes: ['ReadWriteOnce'],
      }),
      false,
    ],
    [
      'not a volume its selector does not match',
      pvc({ selector: { matchLabels: { tier: 'fast' } } }),
      pv('p', hostPath, { tier: 'slow' }),
      false,
    ],
  ])('binds as the PV controller would: %s', (_, claim, volume, nodeLocal) => {
    expect(fires([withClaim(), claim, volume])).toBe(nodeLocal);
  });

  it('says nothing when the candidates mix node-local and shared volumes', () => {
    expect(
      fires([
        withClaim(),
        pvc({ storageClassName: 'manual' }),
        pv('a', { ...hostPath, storageClassName: 'manual' }),
        pv('b', {
          csi: { driver: 'cephfs.csi.ceph.com' },
          storageClassName: 'manual',
        }),
      ]),
    ).toBe(false);
  });

  it('reads host-local provisioners, the default class, and well-known class names', () => {
    expect(
      fires([
        withClaim(),
        pvc({ storageClassName: 'lp' }),
        sc('lp', 'rancher.io/local-path'),
      ]),
    ).toBe(true);
    expect(
      fires([withClaim(), pvc({}), sc('lp', 'rancher.io/local-path', true)]),
    ).toBe(true);
    expect(fires([withClaim(), pvc({ storageClassName: 'local-path' })])).toBe(
      true,
    );
    expect(fires([withClaim(), pvc({ storageClassName: 'standard' })])).toBe(
      false,
    );
    expect(
      fires([withClaim(), pvc({}), sc('ceph', 'rbd.csi.ceph.com', true)]),
    ).toBe(false);
  });

  it('judges read-only mounts too: the content is on one node only', () => {
    expect(
      fires([
        withClaim(1, true),
        pvc({ volumeName: 'p', accessModes: ['ReadOnlyMany'] }),
        pv('p', hostPath),
      ]),
    ).toBe(true);
  });

  it('exempts a StatefulSet of 2+ replicas with a volume each, not one with 1 replica', () => {
    const sts = (replicas: number) =>
      deployment('db', d => {
        d.kind = 'StatefulSet';
        d.spec.replicas = replicas;
        d.spec.template.spec.containers[0].volumeMounts = [
          { name: 'data', mountPath: '/data' },
        ];
        d.spec.volumeClaimTemplates = [
          {
            metadata: { name: 'data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'local-ssd',
            },
          },
        ];
      });
    const cls = sc('local-ssd', 'kubernetes.io/no-provisioner');
    expect(fires([sts(1), cls], 'StatefulSet/shop/db')).toBe(true);
    expect(fires([sts(3), cls], 'StatefulSet/shop/db')).toBe(false);
  });
});

describe('nodeLocalVolumeRule at scale', () => {
  // n unbound claims of one class and n unclaimed hostPath volumes of that class.
  const objectsFor = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      withClaim(1, false, `w${i}`, `c${i}`),
      pvc(
        { accessModes: ['ReadWriteOnce'], storageClassName: 'manual' },
        `c${i}`,
      ),
      pv(`p${i}`, {
        ...hostPath,
        storageClassName: 'manual',
        accessModes: ['ReadWriteOnce'],
      }),
    ]).flat();
  const cpuSeconds = (n: number) => {
    const objects = objectsFor(n);
    const before = process.cpuUsage();
    const report = evaluatePosture({ objects });
    const used = process.cpuUsage(before);
    expect(
      report.workloads.filter(w => w.findings.some(f => f.rule === NL)),
    ).toHaveLength(n);
    return (used.user + used.system) / 1e6;
  };

  it('stays linear in claims x volumes', () => {
    cpuSeconds(250); // warm-up
    const small = cpuSeconds(500);
    const large = cpuSeconds(4000);
    // 8 times the claims and volumes: about 8 times the work, not 64 (10 s at 4,000 before).
    expect(large).toBeLessThan(Math.max(small * 20, 1));
  });
});
