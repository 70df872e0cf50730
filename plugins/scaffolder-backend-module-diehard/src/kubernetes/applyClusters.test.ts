import { ConfigReader } from '@backstage/config';
import { KubernetesClusterDirectory } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from './applyClusters';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function applyClusters() {
  const config = new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'corp',
              title: 'Corporate',
              url: 'https://corp.example:6443',
              authProvider: 'oidc',
              oidcTokenProvider: 'keycloak',
            },
            {
              name: 'lab',
              url: 'https://127.0.0.1:1',
              authProvider: 'serviceAccount',
              serviceAccountToken: 'sa-token',
              caData: Buffer.from(CA).toString('base64'),
            },
            {
              name: 'not-allowlisted',
              url: 'https://127.0.0.1:2',
              authProvider: 'serviceAccount',
              serviceAccountToken: 'other',
            },
          ],
        },
      ],
    },
    diehard: {
      apply: {
        clusters: [
          { name: 'lab', namespaces: ['apps'], kinds: ['*'] },
          { name: 'ghost', namespaces: ['apps'], kinds: ['*'] },
          { name: 'corp', namespaces: ['apps'], kinds: ['Deployment'] },
        ],
      },
    },
  });
  return ApplyClusters.fromConfig(
    config,
    KubernetesClusterDirectory.fromConfig(config),
  );
}

describe('ApplyClusters', () => {
  it('opens the declared, allowlisted clusters in the allowlist order, titled from the Kubernetes config, telling the picker which user token an oidc cluster needs', () => {
    expect(applyClusters().targets()).toEqual([
      { name: 'lab', title: 'lab', namespaces: ['apps'], kinds: ['*'] },
      {
        name: 'corp',
        title: 'Corporate',
        namespaces: ['apps'],
        kinds: ['Deployment'],
        userToken: {
          provider: 'oidc.keycloak',
          secret: 'Backstage-Kubernetes-Authorization-oidc-keycloak',
        },
      },
    ]);
    expect(() => applyClusters().get('not-allowlisted')).toThrow(
      'no cluster named "not-allowlisted" is open to diehard:kubernetes:apply (configured: lab, corp)',
    );
  });

  it("reaches a service-account cluster with its token and CA from the Kubernetes plugin's strategy", async () => {
    expect(await applyClusters().connection('lab')).toEqual({
      server: 'https://127.0.0.1:1',
      token: 'sa-token',
      ca: CA,
      skipTLSVerify: false,
    });
  });

  it("refuses an oidc cluster by name when the task carries no user's token for it", async () => {
    await expect(applyClusters().connection('corp')).rejects.toThrow(
      'cluster "corp" uses oidc: it needs the signed-in user\'s token from the OIDC provider "keycloak" (authConfig.oidc.keycloak), and none was given',
    );
  });
});
