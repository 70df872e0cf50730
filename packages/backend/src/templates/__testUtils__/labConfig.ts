import type { JsonObject } from '@backstage/types';
import { useLab } from '@diehard/lab';
import { ScaffolderUnderTest, startScaffolder } from './scaffolderDryRun';

type LabKubernetes = Awaited<
  ReturnType<typeof useLab<'kubernetes'>>
>['kubernetes'];

/** Every kind the Diehard templates generate (namespaced and cluster-scoped). */
export const TEMPLATE_KINDS = [
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'Deployment',
  'StatefulSet',
  'Service',
  'Ingress',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
  'ConfigMap',
];

/**
 * The portal configuration the templates expect, pointed at the lab: the values they
 * read from `scaffolder.defaultEnvironment.parameters`, the lab cluster in the
 * Kubernetes plugin's section and the `diehard.apply` allowlist. The cluster is
 * reached with the lab's admin token: the lab's portal ServiceAccount may not create
 * Roles and RoleBindings, which the service template needs for session membership.
 */
export function labScaffolderConfig(
  k: LabKubernetes,
  registryHost: string,
): JsonObject {
  return {
    scaffolder: {
      defaultEnvironment: {
        parameters: {
          registryHost,
          registryName: 'internal',
          gitBaseUrl: 'http://127.0.0.1:18081/git',
          ingressClassName: 'nginx',
          ingressNamespace: 'ingress-nginx',
          // The NFS-HA pair's virtual address (a documentation range: never contacted).
          nfsHaAddress: '192.0.2.10',
        },
      },
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'lab',
              url: k.server,
              authProvider: 'serviceAccount',
              serviceAccountToken: k.adminToken,
              caFile: k.caFile,
            },
          ],
        },
      ],
    },
    diehard: {
      apply: {
        clusters: [
          {
            name: 'lab',
            namespaces: ['diehard-apps'],
            kinds: TEMPLATE_KINDS,
          },
        ],
      },
    },
  };
}

/** The real scaffolder, configured for the lab (Kubernetes and registry started or reused). */
export async function startLabScaffolder(): Promise<{
  scaffolder: ScaffolderUnderTest;
  registryHost: string;
}> {
  const lab = await useLab(['kubernetes', 'registry']);
  const registryHost = lab.registry.host;
  const scaffolder = await startScaffolder({
    config: labScaffolderConfig(lab.kubernetes, registryHost),
    registryHost,
  });
  return { scaffolder, registryHost };
}
