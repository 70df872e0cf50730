import type { JsonObject } from '@backstage/types';
import { labClusterLocators, useLab } from '@diehard/lab';
import {
  DryRunResponse,
  ScaffolderUnderTest,
  manifestsOf,
  startScaffolder,
} from './scaffolderDryRun';

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
 * reached with the portal's ServiceAccount token, as `scripts/start.sh` reaches it.
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
      clusterLocatorMethods: labClusterLocators(k),
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

/**
 * Renders a template once through the real scaffolder on the lab (dry run: its posture
 * gate and server dry-run apply run for real) and parses the manifests it generates
 * under k8s/. Fails, with the scaffolder's answer, unless the dry run succeeds.
 */
export async function renderOnLab(
  template: string,
  values: Record<string, unknown>,
): Promise<{
  scaffolder: ScaffolderUnderTest;
  registryHost: string;
  rendered: DryRunResponse;
  objects: any[];
}> {
  const { scaffolder, registryHost } = await startLabScaffolder();
  const rendered = await scaffolder.dryRun(template, values);
  if (rendered.status !== 200) {
    await scaffolder.stop();
    throw new Error(
      `dry run failed (${rendered.status}): ${JSON.stringify(rendered.body)}`,
    );
  }
  return {
    scaffolder,
    registryHost,
    rendered,
    objects: manifestsOf(rendered.files, 'k8s'),
  };
}

/** The one object of a kind (fails, naming the kind, when there is not exactly one). */
export function oneOf(objects: any[], kind: string) {
  const found = objects.filter(o => o.kind === kind);
  expect({ kind, count: found.length }).toEqual({ kind, count: 1 });
  return found[0];
}
