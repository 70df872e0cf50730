import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CoreV1Api } from '@kubernetes/client-node';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as LabModule from '@diehard/lab';
import { KubernetesClusterDirectory } from './KubernetesClusterDirectory';
import { whoAmI } from './__testUtils__/whoAmI';

// A private lab (own state dir, ports shifted by 4000, clear of the shared labs at 0
// and 1000): its API server starts trusting its OpenID Provider, which an API server
// started before that trust existed would not.
jest.setTimeout(15 * 60_000);
const OFFSET = '4000';

describe('an oidc cluster: the signed-in user reaches the API server as themself', () => {
  let dir: string;
  let lab: typeof LabModule;
  let oidc: LabModule.OidcEndpoint;
  let clusters: KubernetesClusterDirectory;
  const signIn = (email: string) =>
    lab.oidcSignIn(oidc, oidc.users.find(u => u.email === email)!);

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-oidc-'));
    process.env.DIEHARD_LAB_DIR = dir;
    process.env.DIEHARD_LAB_PORT_OFFSET = OFFSET;
    // Loaded now, so that the ports follow this lab's offset.
    lab = jest.requireActual<typeof LabModule>('@diehard/lab');
    const up = await lab.useLab(['kubernetes', 'oidc']);
    oidc = up.oidc;
    clusters = KubernetesClusterDirectory.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'lab',
                  url: up.kubernetes.server,
                  caFile: up.kubernetes.caFile,
                  authProvider: 'oidc',
                  oidcTokenProvider: 'lab',
                },
                // Google's and Azure's tokens cannot be had here: the lab's ID token
                // stands in for them (the API server trusts its provider), so these
                // go through the google and aks strategies to the same API server.
                ...['google', 'aks'].map(authProvider => ({
                  name: authProvider,
                  url: up.kubernetes.server,
                  caFile: up.kubernetes.caFile,
                  authProvider,
                })),
              ],
            },
          ],
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    // The API server fetches the provider's keys on its own schedule after it starts:
    // wait until it knows them (a state, not a time).
    const alice = await signIn('alice@example.com');
    const deadline = Date.now() + 120_000;
    for (;;) {
      const connection = await clusters.connect('lab', {
        authConfig: { oidc: { lab: alice.idToken } },
      });
      const outcome = await whoAmI(connection).catch(e => e);
      if (!(outcome instanceof Error)) break;
      if (Date.now() > deadline) throw outcome;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }, 15 * 60_000);

  afterAll(async () => {
    if (lab) await lab.labDown(['kubernetes', 'oidc']).catch(() => {});
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("passes Alice's ID token from the lab's OpenID Provider; the API server names her, and Bruno as Bruno", async () => {
    const alice = await signIn('alice@example.com');
    const asAlice = await clusters.connect('lab', {
      authConfig: { oidc: { lab: alice.idToken } },
    });
    expect(await whoAmI(asAlice)).toMatchObject({
      username: 'alice@example.com',
      groups: ['system:authenticated'],
    });

    const bruno = await signIn('bruno@example.com');
    const asBruno = await clusters.connect('lab', {
      authConfig: { oidc: { lab: bruno.idToken } },
    });
    expect((await whoAmI(asBruno))?.username).toBe('bruno@example.com');
  });

  it("lets RBAC judge her: Alice, bound to nothing, may not read kube-system's secrets", async () => {
    const alice = await signIn('alice@example.com');
    const asAlice = await clusters.connect('lab', {
      authConfig: { oidc: { lab: alice.idToken } },
    });
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
    const alice = await signIn('alice@example.com');
    const [header, payload, signature] = alice.idToken.split('.');
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
      const alice = await signIn('alice@example.com');
      const asAlice = await clusters.connect(authProvider, {
        authConfig: { [authProvider]: alice.idToken },
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
