import yaml from 'yaml';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { OidcLab, startOidcLab } from '@diehard/lab';
import { KubeClient } from '../kubernetes/KubeClient';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { createKubernetesApplyAction } from './kubernetesApply';
import { createKubernetesCheckTargetAction } from './kubernetesCheckTarget';

// A private lab (own state dir, ports shifted by 4000) whose API server trusts its
// OpenID Provider from the start, as in the cluster directory's oidc test: run alone.
jest.setTimeout(15 * 60_000);
const OFFSET = 4000;
const NAMESPACE = 'oidc-apply';
const SECRET = 'Backstage-Kubernetes-Authorization-oidc-lab';

describe('apply to an oidc cluster as the task initiator, with the token the picker put in the secrets', () => {
  let lab: OidcLab;
  let admin: KubeClient;
  let config: ConfigReader;
  const mockDir = createMockDirectory();
  const permissions = permissionsAnswering(AuthorizeResult.ALLOW);
  const tokenOf = (email: string) => lab.idTokenOf(email);
  const context = (input: any, secrets?: Record<string, string>) => {
    const ctx = createMockActionContext<any>({
      input,
      workspacePath: mockDir.path,
      logger: mockServices.logger.mock(),
      secrets,
    });
    return ctx;
  };
  const everythingSaid = (ctx: any) =>
    JSON.stringify([
      ...Object.values(ctx.logger).flatMap((f: any) => f.mock?.calls ?? []),
      (ctx.output as jest.Mock).mock.calls,
    ]);

  beforeAll(async () => {
    lab = await startOidcLab(OFFSET);
    admin = new KubeClient({
      server: lab.kubernetes.server,
      token: lab.kubernetes.adminToken,
      ca: lab.kubernetes.caPem,
    });
    // Bruno may edit the namespace; Alice is bound to nothing.
    for (const o of [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'bruno-edits', namespace: NAMESPACE },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'edit',
        },
        subjects: [
          {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'User',
            name: 'bruno@example.com',
          },
        ],
      },
    ]) {
      await admin.apply(o as any, { fieldManager: 'diehard-test' });
    }
    config = new ConfigReader({
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: lab.clusterLocators,
      },
      diehard: {
        apply: {
          clusters: [
            { name: 'lab', namespaces: [NAMESPACE], kinds: ['ConfigMap'] },
          ],
        },
      },
    });
    // The API server fetches the provider's keys on its own schedule after it
    // starts: wait until Bruno's token is accepted (a state, not a time).
    const check = createKubernetesCheckTargetAction({ config, permissions });
    await lab.untilTrusted(async () =>
      check.handler(
        context(
          { cluster: 'lab', namespace: NAMESPACE },
          { [SECRET]: await tokenOf('bruno@example.com') },
        ),
      ),
    );
  }, 15 * 60_000);

  afterAll(async () => {
    admin?.close();
    await lab?.stop();
  }, 120_000);

  beforeEach(() =>
    mockDir.setContent({
      'manifests/app.yaml': yaml.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'oidc-app' },
        data: { greeting: 'hello' },
      }),
    }),
  );

  it('applies as Bruno, whom RBAC lets edit the namespace; his token is in no log or output', async () => {
    const token = await tokenOf('bruno@example.com');
    const action = createKubernetesApplyAction({ config, permissions });
    const ctx = context(
      { cluster: 'lab', namespace: NAMESPACE, wait: false },
      { [SECRET]: token },
    );
    await action.handler(ctx);
    const applied = await admin.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'oidc-app', namespace: NAMESPACE },
    });
    expect((applied as any).data).toEqual({ greeting: 'hello' });
    expect(everythingSaid(ctx)).not.toContain(token);
  });

  it('is refused for Alice by RBAC, and the error carries no token', async () => {
    const token = await tokenOf('alice@example.com');
    const action = createKubernetesApplyAction({ config, permissions });
    const ctx = context(
      { cluster: 'lab', namespace: NAMESPACE, wait: false },
      { [SECRET]: token },
    );
    const error = await action.handler(ctx).catch(e => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error.message)).toMatch(/alice@example\.com|forbidden|403/i);
    expect(String(error.message)).not.toContain(token);
    expect(everythingSaid(ctx)).not.toContain(token);
  });

  it('without the secret names the cluster, its provider and the secret the picker sets', async () => {
    const message =
      'cluster "lab" uses oidc: it needs the signed-in user\'s token from the OIDC provider "lab" (authConfig.oidc.lab), and none was given: the template\'s cluster picker (DiehardClusterPicker) asks the signed-in user for it and passes it as the task secret Backstage-Kubernetes-Authorization-oidc-lab';
    const apply = createKubernetesApplyAction({ config, permissions });
    await expect(
      apply.handler(context({ cluster: 'lab', namespace: NAMESPACE })),
    ).rejects.toThrow(message);
    const check = createKubernetesCheckTargetAction({ config, permissions });
    await expect(
      check.handler(context({ cluster: 'lab', namespace: NAMESPACE })),
    ).rejects.toThrow(message);
  });
});
