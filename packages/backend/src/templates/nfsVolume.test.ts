import YAML from 'yaml';
import { postureOf } from './__testUtils__/posture';
import {
  itRefusesBadInput,
  useRenderedOnLab,
} from './__testUtils__/renderedOnLab';

jest.setTimeout(600_000);

const TEMPLATE = 'nfs-volume';
const form = {
  name: 'todo-files',
  owner: 'group:default/ops-team',
  exportPath: '/exports/todo-files',
  size: '10Gi',
  format: 'xfs',
  cluster: 'lab',
  namespace: 'diehard-apps',
  storageClass: 'nfs-ha',
  repoOwner: 'ops-team',
};

const onLab = useRenderedOnLab(TEMPLATE, form);

/** A 2-replica Deployment that mounts the claim, to see the volume through the engine. */
const consumer = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'todo-web', namespace: 'diehard-apps' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'todo-web' } },
    template: {
      metadata: { labels: { app: 'todo-web' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'apps/todo-web:1.0.0',
            volumeMounts: [{ name: 'files', mountPath: '/data' }],
          },
        ],
        volumes: [
          { name: 'files', persistentVolumeClaim: { claimName: 'todo-files' } },
        ],
      },
    },
  },
};

describe('nfs-volume through the real scaffolder', () => {
  it('renders a PersistentVolume on the NFS-HA virtual address, declared highly available, and its claim', () => {
    expect(onLab.rendered.log.join('\n')).toMatch(
      /server dry-run accepted 2 object\(s\)/,
    );
    const [pv, pvc] = onLab.objects;
    expect(pv).toMatchObject({
      kind: 'PersistentVolume',
      metadata: {
        name: 'diehard-apps-todo-files',
        labels: { 'diehard.io/size': '10Gi', 'diehard.io/format': 'xfs' },
        annotations: { 'diehard.io/highly-available': 'true' },
      },
      spec: {
        accessModes: ['ReadWriteMany'],
        capacity: { storage: '10Gi' },
        persistentVolumeReclaimPolicy: 'Retain',
        nfs: { server: '192.0.2.10', path: '/exports/todo-files' },
      },
    });
    expect(pvc).toMatchObject({
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: 'todo-files',
        namespace: 'diehard-apps',
        labels: { 'diehard.io/size': '10Gi', 'diehard.io/format': 'xfs' },
      },
      spec: {
        accessModes: ['ReadWriteMany'],
        volumeName: pv.metadata.name,
        storageClassName: pv.spec.storageClassName,
      },
    });
    expect(
      YAML.parse(onLab.rendered.files.get('catalog-info.yaml')!),
    ).toMatchObject({
      kind: 'Resource',
      spec: { type: 'storage' },
    });
  });

  it('the posture engine accepts the volume for a replicated workload only because it is declared highly available', () => {
    const withVolume = postureOf([...onLab.objects, consumer], [], 'todo-web');
    const storage = (r: typeof withVolume) =>
      r.workloads
        .flatMap(w => w.findings)
        .filter(f => f.category === 'storage');
    expect(storage(withVolume)).toEqual([]);

    const undeclared = structuredClone(onLab.objects);
    delete undeclared[0].metadata.annotations['diehard.io/highly-available'];
    const single = storage(
      postureOf([...undeclared, consumer], [], 'todo-web'),
    );
    expect(single.map(f => f.severity)).toContain('critical');
    expect(single[0].message).toContain('192.0.2.10');
  });

  itRefusesBadInput(onLab, TEMPLATE, form, [
    [
      'exportPath',
      '/etc/passwd',
      /instance\.exportPath does not match pattern/,
    ],
    [
      'exportPath',
      '/exports/../etc',
      /instance\.exportPath does not match pattern/,
    ],
    ['format', 'ntfs', /instance\.format is not one of enum values: xfs,ext4/],
    ['size', '10', /instance\.size does not match pattern/],
  ]);
});
