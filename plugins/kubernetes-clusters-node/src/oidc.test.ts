import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CoreV1Api } from '@kubernetes/client-node';
import { OidcLab, startOidcLab } from '@diehard/lab';
import { KubernetesClusterDirectory } from './KubernetesClusterDirectory';
import { whoAmI } from './__testUtils__/whoAmI';

// A private lab (own state dir, ports shifted by 4000, clear of the shared labs at 0
// and 1000): its API server starts trusting its OpenID Provider, which an API server
// started before that trust existed would not.
jest.setTimeout(15 * 60_000);
const OFFSET = 4000;

describe('an oidc cluster: the signed-in user reaches the API server as themself', () => {
  let lab: OidcLab;
  let clusters: KubernetesClusterDirectory;
  const asUser = async (email: string) =>
    clusters.connect('lab', {
      authConfig: { oidc: { lab: await lab.idTokenOf(email) } },
    });

  beforeAll(async () => {
    lab = await startOidcLab(OFFSET);
    clusters = KubernetesClusterDirectory.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                ...lab.clusterLocators[0].clusters,
                // Google's and Azure's tokens cannot be had here: the lab's ID token
                // stands in for them (the API server trusts its provider), so these
                // go through the google and aks strategies to the same API server.
                ...['google', 'aks'].map(authProvider => ({
                  name: authProvider,
                  url: lab.kubernetes.server,
                  caFile: lab.kubernetes.caFile,
                  authProvider,
                })),
              ],
            },
          ],
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    await lab.untilTrusted(async () =>
      whoAmI(await asUser('alice@example.com')),
    );
  }, 15 * 60_000);

  afterAll(() => lab?.stop(), 120_000);

  it("passes Alice's ID token from the lab's OpenID Provider; the API server names her, and Bruno as Bruno", async () => {
    expect(await whoAmI(await asUser('alice@example.com'))).toMatchObject({
      username: 'alice@example.com',
      groups: ['system:authenticated'],
    });
    expect((await whoAmI(await asUser('bruno@example.com')))?.username).toBe(
      'bruno@example.com',
    );
  });

  it("lets RBAC judge her: Alice, bound to nothing, may not read kube-system's secrets", async () => {
    const asAlice = await asUser('alice@example.com');
    const error = await asAlice.kubeConfig
      .makeApiClient(CoreV1Api)
      .listNamespacedSecret({ namespace: 'kube-system' })
      .catch(e => e);
    expect(error.code).toBe(403);
    expect(String(error.body)).toContain(
      'User \\"alice@example.com\\" cannot list resource \\"secrets\\"',
    );
  });

  it('is refused with a forged token, and without one the directory names the cluster and provider', async () => {
    const idToken = await lab.idTokenOf('alice@example.com');
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [
      header,
      Buffer.from(
        JSON.stringify({ ...claims, email: 'bruno@example.com' }),
      ).toString('base64url'),
      signature,
    ].join('.');
    const asForger = await clusters.connect('lab', {
      authConfig: { oidc: { lab: forged } },
    });
    await expect(whoAmI(asForger)).rejects.toMatchObject({ code: 401 });

    await expect(clusters.connect('lab')).rejects.toThrow(
      'cluster "lab" uses oidc: it needs the signed-in user\'s token from the OIDC provider "lab" (authConfig.oidc.lab), and none was given',
    );
  });

  it.each(['google', 'aks'])(
    'reaches a %s cluster as the user with their token (authConfig by provider), and names what is missing without it',
    async authProvider => {
      const asAlice = await clusters.connect(authProvider, {
        authConfig: {
          [authProvider]: await lab.idTokenOf('alice@example.com'),
        },
      });
      expect((await whoAmI(asAlice))?.username).toBe('alice@example.com');
      expect(clusters.missingToken(authProvider, {})).toMatch(
        new RegExp(`^cluster "${authProvider}" uses ${authProvider}: it needs`),
      );
      await expect(clusters.connect(authProvider)).rejects.toThrow(
        `cluster "${authProvider}" uses ${authProvider}`,
      );
    },
  );
});
