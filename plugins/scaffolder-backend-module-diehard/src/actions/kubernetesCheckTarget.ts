import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { messageLanguage } from '@diehard/plugin-ha-posture-common';
import { requestAuthFromHeaders } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from '../kubernetes/applyClusters';
import { assertMayApply, clustersOpenTo } from '../kubernetes/applyPermission';
import { INGRESS_HOST, KUBERNETES_NAME } from '../kubernetes/names';
import { assertTargetReady } from '../kubernetes/targetReady';
import { TARGET_WORDS } from '../kubernetes/targetWords';
import type { KubernetesApplyActionOptions } from './kubernetesApply';
import { examples } from './kubernetesCheckTarget.examples';
import { languageInput } from './languageInput';

/**
 * The apply's own options: the check refuses what the apply would.
 *
 * @public
 */
export type KubernetesCheckTargetActionOptions = KubernetesApplyActionOptions;

/**
 * `diehard:kubernetes:check-target`: refuses, before anything is generated, built or
 * pushed, a cluster or namespace `diehard:kubernetes:apply` would refuse (not in
 * `diehard.apply.clusters`, or a cluster the task's initiator may not apply to), then
 * one the apply could not reach: a cluster that does not answer or refuses the
 * portal's credentials, a namespace that does not exist, then a storage class the
 * cluster does not have (the build would otherwise run before the apply refuses the
 * claims naming it), then a host another Ingress serves already (the new service would
 * get part of that host's traffic, and the running one lose it). Reads nothing else.
 *
 * @public
 */
export function createKubernetesCheckTargetAction(
  options: KubernetesCheckTargetActionOptions,
) {
  const clusters = ApplyClusters.fromConfig(options.config, options.clusters);
  const targets = clusters.targets();
  return createTemplateAction({
    id: 'diehard:kubernetes:check-target',
    description:
      "Checks that a cluster and namespace are open to diehard:kubernetes:apply for the task initiator (allowlist and permission), that the cluster answers with the portal's credentials, that the namespace exists, that the cluster has the storage classes named and that no other Ingress serves the hosts named: the first step of a deploying template",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string()
            .describe(
              'Cluster name from kubernetes.clusterLocatorMethods, allowlisted in diehard.apply.clusters',
            ),
        namespace: z =>
          z
            .string()
            .optional()
            .describe('Namespace the objects will be applied in'),
        storageClasses: z =>
          z
            .array(z.string().max(253).regex(KUBERNETES_NAME))
            .max(16)
            .optional()
            .describe(
              'Storage classes the volume claims will name: each must exist on the cluster',
            ),
        ingress: z =>
          z
            .object({
              name: z.string().max(253).regex(KUBERNETES_NAME),
              hosts: z.array(z.string().max(253).regex(INGRESS_HOST)).max(16),
            })
            .optional()
            .describe(
              'The Ingress the template will apply in the namespace, and the hosts it serves whole: a host another Ingress serves already is refused',
            ),
        language: languageInput,
      },
      output: {
        title: z => z.string().describe("The cluster's title"),
      },
    },
    async handler(ctx) {
      const { cluster, namespace } = ctx.input;
      const words = TARGET_WORDS[messageLanguage(ctx.input.language)];
      const target = targets.find(t => t.name === cluster);
      if (!target) {
        throw new InputError(
          words.notATarget(
            cluster,
            await clustersOpenTo(
              options.permissions,
              ctx,
              targets.map(t => t.name),
            ),
          ),
        );
      }
      await assertMayApply(options.permissions, ctx, cluster, words);
      if (namespace !== undefined && !target.namespaces.includes(namespace)) {
        throw new InputError(
          words.namespaceNotAllowed(namespace, cluster, target.namespaces),
        );
      }
      await assertTargetReady(
        clusters,
        {
          cluster,
          namespace,
          storageClasses: ctx.input.storageClasses,
          ingress: ctx.input.ingress,
        },
        requestAuthFromHeaders(ctx.secrets ?? {}),
        words,
      );
      ctx.logger.info(words.open(cluster, target.title, namespace));
      ctx.output('title', target.title);
    },
  });
}
