import fs from 'node:fs';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPostureGateAction } from './postureGate';
import {
  expectAskedToApply,
  permissionsAnswering,
} from '../__testUtils__/permissions';
import {
  clusterConfig,
  labKubernetes,
  LabKubernetes,
} from '../__testUtils__/labKubernetes';

// The gate, given the cluster the manifests are for, against the lab's API server: its
// StorageClasses `nfs-ha` (declared highly available) and `local-ssd` (the provisioner
// of local-path-provisioner, whose volumes live on one node).

const good = fs.readFileSync(
  path.resolve(__dirname, '../__testUtils__/fixtures/posture/good/app.yaml'),
  'utf8',
);

/** The good fixture plus a shared attachments volume mounted by its 3 replicas. */
function attachmentsOn(storageClass: string) {
  return `${good.replace(
    `            limits: { memory: 512Mi }\n`,
    `            limits: { memory: 512Mi }\n` +
      `          volumeMounts: [{ name: attachments, mountPath: /attachments }]\n` +
      `      volumes:\n` +
      `        - name: attachments\n` +
      `          persistentVolumeClaim: { claimName: petclinic-attachments }\n`,
  )}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: petclinic-attachments
  namespace: team-a
spec:
  accessModes: [ReadWriteMany]
  storageClassName: ${storageClass}
  resources:
    requests: { storage: 5Gi }
`;
}

let k: LabKubernetes;
const dir = createMockDirectory();

beforeAll(async () => {
  k = await labKubernetes();
});

function run(
  files: Record<string, string>,
  input: Record<string, string>,
  options: {
    result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: ConfigReader;
  } = {},
) {
  dir.clear();
  dir.setContent(files);
  const permissions = permissionsAnswering(
    options.result ?? AuthorizeResult.ALLOW,
  );
  const ctx = createMockActionContext<any>({
    input: { manifests: '.', minimumGrade: 'A', ...input },
    workspacePath: dir.path,
    logger: mockServices.logger.mock(),
  });
  const action = createPostureGateAction({
    config: options.config ?? clusterConfig(k),
    permissions,
  });
  return { ctx, permissions, done: action.handler(ctx) };
}

const logged = (ctx: any, level: 'info' | 'warn' = 'info') =>
  (ctx.logger[level] as jest.Mock).mock.calls.map(c => c[0]).join('\n');
const outputs = (ctx: any) =>
  Object.fromEntries((ctx.output as jest.Mock).mock.calls);

describe('diehard:posture:gate with the cluster the manifests are for', () => {
  it('fails a shared volume on a class whose volumes live on one node, which the manifests alone let through', async () => {
    const files = { 'app.yaml': attachmentsOn('local-ssd') };
    const alone = run(files, {});
    await alone.done;
    expect(outputs(alone.ctx)).toMatchObject({ grade: 'A', passed: true });

    const { ctx, done, permissions } = run(files, { cluster: 'lab' });
    await expect(done).rejects.toMatchObject({
      name: 'PostureGateError',
      message: expect.stringMatching(
        /^HA posture grade [B-F] is below the minimum A \(Deployment team-a\/petclinic [B-F]\)/,
      ),
    });
    const log = logged(ctx);
    expect(log).toContain(
      'storage classes on cluster "lab" (HA lab), judged with the claims: local-ssd (rancher.io/local-path), nfs-ha (diehard.io/nfs-ha-stand-in)',
    );
    expect(log).toMatch(
      /CRITICAL \[storage\/storage-node-local-volume\] .*petclinic-attachments/,
    );
    expect(log).toContain('StorageClass local-ssd');
    expectAskedToApply(permissions, 'lab');
  });

  it('passes the same volume on the highly available class, in French too', async () => {
    const { ctx, done } = run(
      { 'app.yaml': attachmentsOn('nfs-ha') },
      { cluster: 'lab', language: 'fr' },
    );
    await done;
    expect(outputs(ctx)).toMatchObject({ grade: 'A', passed: true });
    expect(logged(ctx)).toContain(
      'classes de stockage sur le cluster « lab » (HA lab), jugées avec les claims : local-ssd (rancher.io/local-path), nfs-ha (diehard.io/nfs-ha-stand-in)',
    );
  });

  it('judges a claim by the StorageClass the manifests bring, not by the one of the same name on the cluster', async () => {
    const { ctx, done } = run(
      {
        'app.yaml': attachmentsOn('local-ssd'),
        'class.yaml': [
          'apiVersion: storage.k8s.io/v1',
          'kind: StorageClass',
          'metadata: { name: local-ssd }',
          'provisioner: nfs.csi.k8s.io',
        ].join('\n'),
      },
      { cluster: 'lab' },
    );
    await done;
    expect(outputs(ctx).passed).toBe(true);
    expect(logged(ctx)).toContain(
      'judged with the claims: nfs-ha (diehard.io/nfs-ha-stand-in)',
    );
  });

  it('reads nothing for a task whose initiator may not deploy there, nor from a cluster not open to templates', async () => {
    const files = { 'app.yaml': attachmentsOn('local-ssd') };
    const denied = run(
      files,
      { cluster: 'lab' },
      {
        result: AuthorizeResult.DENY,
      },
    );
    await expect(denied.done).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'the task initiator may not apply to cluster "lab" (permission diehard.kubernetes.apply)',
    });
    expect(logged(denied.ctx)).not.toContain('storage classes');

    const unknown = run(files, { cluster: 'https://10.0.0.1:6443' });
    await expect(unknown.done).rejects.toMatchObject({
      name: 'InputError',
      message:
        'cluster "https://10.0.0.1:6443" is not a cluster templates may deploy to (open to you: lab; see diehard.apply.clusters)',
    });
    // Asked only which clusters to name: nothing was read from one.
    expect(logged(unknown.ctx)).not.toContain('storage classes');
  });

  it('judges the manifests alone, saying so, when the cluster refuses the portal, and shows no token', async () => {
    const data = clusterConfig(k).get() as any;
    data.kubernetes.clusterLocatorMethods[0].clusters[0].serviceAccountToken =
      'expired-token-1234';
    const { ctx, done } = run(
      { 'app.yaml': attachmentsOn('local-ssd') },
      { cluster: 'lab' },
      { config: new ConfigReader(data) },
    );
    await done;
    expect(outputs(ctx).passed).toBe(true);
    expect(logged(ctx, 'warn')).toBe(
      'the storage classes on cluster "lab" (HA lab) could not be read (HTTP 401): the claims are judged from the manifests alone',
    );
    expect(JSON.stringify((ctx.logger as any).info.mock.calls)).not.toContain(
      'expired-token-1234',
    );
  });
});
