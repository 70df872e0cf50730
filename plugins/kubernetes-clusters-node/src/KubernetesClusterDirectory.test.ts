import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { spawn } from 'node:child_process';
import { useLab } from '@diehard/lab';
import { KubernetesClusterDirectory } from './KubernetesClusterDirectory';
import { whoAmI } from './__testUtils__/whoAmI';

jest.setTimeout(300_000);

const logger = mockServices.logger.mock();

function directory(clusters: object[]) {
  return KubernetesClusterDirectory.fromConfig(
    new ConfigReader({
      kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters }] },
    }),
    { logger },
  );
}

describe('KubernetesClusterDirectory', () => {
  it("reaches the lab's API server as the portal's ServiceAccount through the Kubernetes plugin's serviceAccount strategy", async () => {
    const { kubernetes } = await useLab(['kubernetes']);
    const clusters = directory([
      {
        name: 'lab',
        title: 'HA lab',
        url: kubernetes.server,
        authProvider: 'serviceAccount',
        serviceAccountToken: kubernetes.portal.token,
        caFile: kubernetes.caFile,
      },
    ]);
    expect(clusters.list()).toEqual([
      {
        name: 'lab',
        title: 'HA lab',
        url: kubernetes.server,
        authProvider: 'serviceAccount',
        needsUserToken: false,
      },
    ]);

    const connection = await clusters.connect('lab');
    expect(connection.ca).toBe(kubernetes.caPem);
    expect(await whoAmI(connection)).toMatchObject({
      username: `system:serviceaccount:${kubernetes.portal.serviceAccountNamespace}:${kubernetes.portal.serviceAccount}`,
    });
  });

  it('takes caData (base64, as in a kubeconfig) and authMetadata as the Kubernetes plugin does; a wrong token is refused by the API server', async () => {
    const { kubernetes } = await useLab(['kubernetes']);
    const clusters = directory([
      {
        name: 'lab',
        url: kubernetes.server,
        caData: Buffer.from(kubernetes.caPem).toString('base64'),
        authMetadata: {
          'kubernetes.io/auth-provider': 'serviceAccount',
          serviceAccountToken: 'not-a-token',
        },
      },
    ]);
    const connection = await clusters.connect('lab');
    expect(connection.ca).toBe(kubernetes.caPem);
    await expect(whoAmI(connection)).rejects.toMatchObject({ code: 401 });
  });

  it('reaches a localKubectlProxy cluster with no credential of its own: kubectl proxy signs the requests', async () => {
    const { kubernetes } = await useLab(['kubernetes']);
    const proxy = spawn(
      kubernetes.kubectl,
      [`--kubeconfig=${kubernetes.adminKubeconfig}`, 'proxy', '--port=0'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        proxy.stdout.on('data', (chunk: Buffer) => {
          const port = /Starting to serve on [\d.]+:(\d+)/.exec(String(chunk));
          if (port) resolve(`http://127.0.0.1:${port[1]}`);
        });
        proxy.on('exit', code => reject(new Error(`kubectl proxy: ${code}`)));
      });
      const connection = await directory([
        { name: 'local', url, authProvider: 'localKubectlProxy' },
      ]).connect('local');
      expect(connection.credential).toEqual({ type: 'anonymous' });
      expect((await whoAmI(connection))?.username).toBe('diehard-lab-admin');
    } finally {
      proxy.kill();
    }
  });

  it('names the cluster and its provider when a user-side cluster is asked for without the user token', async () => {
    const clusters = directory([
      {
        name: 'corp',
        url: 'https://127.0.0.1:1',
        authProvider: 'oidc',
        oidcTokenProvider: 'keycloak',
      },
    ]);
    expect(clusters.get('corp').needsUserToken).toBe(true);
    for (const authConfig of [
      undefined,
      {},
      { oidc: {} },
      { oidc: { other: 'x' } },
      { oidc: { keycloak: '' } },
      { oidc: 'keycloak' },
    ]) {
      await expect(clusters.connect('corp', { authConfig })).rejects.toThrow(
        `cluster "corp" uses oidc: it needs the signed-in user's token from the OIDC provider "keycloak" (authConfig.oidc.keycloak), and none was given`,
      );
    }
    const connection = await clusters.connect('corp', {
      authConfig: { oidc: { keycloak: 'a.b.c' } },
    });
    expect(connection.credential).toEqual({
      type: 'bearer token',
      token: 'a.b.c',
    });
  });

  it('refuses a configuration the Kubernetes plugin refuses, naming the cluster', () => {
    const url = 'https://127.0.0.1:1';
    expect(() => directory([{ name: 'a', url }])).toThrow(
      'kubernetes cluster "a" has no authProvider',
    );
    expect(() =>
      directory([
        { name: 'a', url, authProvider: 'serviceAccount' },
        { name: 'a', url, authProvider: 'serviceAccount' },
      ]),
    ).toThrow('kubernetes cluster "a" is declared twice');
    expect(() => directory([{ name: 'a', url, authProvider: 'oidc' }])).toThrow(
      `kubernetes cluster "a" (authProvider oidc): Must specify a token provider for 'oidc' strategy`,
    );
    expect(() =>
      directory([{ name: 'a', url, authProvider: 'kerberos' }]),
    ).toThrow(
      'kubernetes cluster "a": authProvider "kerberos" is not one the Kubernetes plugin knows',
    );
  });

  it('says which clusters exist when asked for an unknown one, and never reads an unreadable caFile silently', async () => {
    const clusters = directory([
      {
        name: 'lab',
        url: 'https://127.0.0.1:1',
        authProvider: 'serviceAccount',
        serviceAccountToken: 't',
        caFile: '/nonexistent/ca.pem',
      },
    ]);
    expect(() => clusters.get('prod')).toThrow(
      'no kubernetes cluster named "prod" (configured: lab)',
    );
    const error = await clusters.connect('lab').catch(e => e);
    expect(error.message).toBe(
      'kubernetes cluster "lab": cannot read its caFile (ENOENT)',
    );
  });
});
