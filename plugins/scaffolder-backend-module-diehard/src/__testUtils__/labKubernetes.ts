import crypto from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { labClusterLocators, useLab } from '@diehard/lab';
import { ManifestObject } from '../kubernetes/bundle';
import { KubeClient } from '../kubernetes/KubeClient';

export type LabKubernetes = Awaited<
  ReturnType<typeof useLab<'kubernetes'>>
>['kubernetes'];

/** The lab's real control plane (started or reused); a suite fails when it cannot start. */
export async function labKubernetes(): Promise<LabKubernetes> {
  return (await useLab(['kubernetes'])).kubernetes;
}

export const APPLY_KINDS = [
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Service',
  'Deployment',
  'StatefulSet',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
  'Ingress',
];

/**
 * App-config as the lead would write it: the cluster in the Kubernetes plugin's
 * section (the portal's ServiceAccount token), our allowlist in `diehard.apply`.
 */
export function clusterConfig(
  k: LabKubernetes,
  options: { url?: string; namespaces?: string[]; kinds?: string[] } = {},
) {
  return new ConfigReader({
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: labClusterLocators(k, { url: options.url }),
    },
    diehard: {
      apply: {
        clusters: [
          {
            name: 'lab',
            namespaces: options.namespaces ?? k.portal.namespaces,
            kinds: options.kinds ?? APPLY_KINDS,
          },
        ],
      },
    },
  });
}

/**
 * The lab's control plane for a suite (ready from its `beforeAll`): cluster-admin, the
 * first namespace the portal may apply in, and `written`, what the suite wrote to the
 * cluster (in that namespace when it names none), deleted at its end (the lab outlives
 * the suite).
 */
export function useLabNamespace() {
  const lab = { written: [] } as unknown as {
    k: LabKubernetes;
    admin: KubeClient;
    ns: string;
    written: object[];
  };
  beforeAll(async () => {
    lab.k = await labKubernetes();
    lab.admin = adminClient(lab.k);
    lab.ns = lab.k.portal.namespaces[0];
  });
  afterAll(async () => {
    for (const o of lab.written as ManifestObject[]) {
      const metadata = {
        ...o.metadata,
        namespace: o.metadata.namespace ?? lab.ns,
      };
      await lab.admin?.delete({ ...o, metadata }).catch(() => {});
    }
    lab.admin?.close();
  });
  return lab;
}

/** cluster-admin, to look at the cluster behind the action's back. */
export function adminClient(k: LabKubernetes) {
  return new KubeClient({ server: k.server, token: k.adminToken, ca: k.caPem });
}

export const uniqueName = (prefix: string) =>
  `${prefix}-${crypto.randomBytes(3).toString('hex')}`;

/** An Ingress serving `host` (one path) in `namespace`, as another team's would. */
export function ingressServing(namespace: string, name: string, host: string) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace },
    spec: {
      rules: [
        {
          host,
          http: {
            paths: [
              {
                path: '/api',
                pathType: 'Prefix',
                backend: { service: { name, port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  };
}

/**
 * Two Ingresses of another team, named `other`: one serving `taken` in diehard-apps,
 * one serving `elsewhere` in the default namespace.
 */
export function othersIngresses() {
  const other = uniqueName('other');
  const taken = `${other}.apps.example.org`;
  const elsewhere = `${other}-x.apps.example.org`;
  return {
    other,
    taken,
    elsewhere,
    objects: [
      ingressServing('diehard-apps', other, taken),
      ingressServing('default', other, elsewhere),
    ],
  };
}
