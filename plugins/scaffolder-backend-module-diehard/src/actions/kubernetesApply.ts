import {
  PermissionsService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { messageLanguage } from '@diehard/plugin-ha-posture-common';
import { ApplyOutcome, applyBundle } from '../kubernetes/applyBundle';
import { loadBundle } from '../kubernetes/bundle';
import { enforceAllowlist } from '../kubernetes/allowlist';
import {
  KubernetesClusterDirectory,
  requestAuthFromHeaders,
} from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from '../kubernetes/applyClusters';
import { assertMayApply, clustersOpenTo } from '../kubernetes/applyPermission';
import { APPLY_WORDS } from '../kubernetes/applyWords';
import { overrideImages } from '../kubernetes/images';
import { KubeClient } from '../kubernetes/KubeClient';
import { waitForRollouts } from '../kubernetes/rollout';
import { TARGET_WORDS } from '../kubernetes/targetWords';
import { examples } from './kubernetesApply.examples';
import { languageInput } from './languageInput';

/** @public */
export interface KubernetesApplyActionOptions {
  config: Config;
  permissions: PermissionsService;
  /** The shared cluster directory (injected); read from `config` when absent. */
  clusters?: KubernetesClusterDirectory;
}

/**
 * `diehard:kubernetes:apply`: server-side applies the workspace's manifests to a
 * cluster named in the Kubernetes plugin's config, within that cluster's allowlist,
 * after a server dry run of the whole bundle; waits for rollouts.
 *
 * @public
 */
export function createKubernetesApplyAction(
  options: KubernetesApplyActionOptions,
) {
  const clusters = ApplyClusters.fromConfig(options.config, options.clusters);
  const fieldManager =
    options.config.getOptionalString('diehard.apply.fieldManager') ?? 'diehard';
  return createTemplateAction({
    id: 'diehard:kubernetes:apply',
    description:
      'Server-side applies workspace manifests to a configured cluster: allowlisted namespaces and kinds, whole-bundle server dry run first, dependency order, rollout wait',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string()
            .min(1)
            .describe(
              'Cluster name from kubernetes.clusterLocatorMethods (never a URL or token)',
            ),
        manifests: z =>
          z
            .union([z.string(), z.array(z.string())])
            .default('manifests')
            .describe(
              'Workspace files or directories of YAML/JSON manifests (default: manifests)',
            ),
        namespace: z =>
          z
            .string()
            .optional()
            .describe('Namespace for namespaced objects that name none'),
        images: z =>
          z
            .array(z.object({ name: z.string(), reference: z.string() }))
            .optional()
            .describe(
              'Replace container images whose repository is `name` with `reference` (e.g. a pushed digest)',
            ),
        wait: z =>
          z
            .boolean()
            .default(true)
            .describe(
              'Wait for Deployments, StatefulSets and DaemonSets to be ready',
            ),
        timeoutSeconds: z =>
          z
            .number()
            .int()
            .positive()
            .default(300)
            .describe('Rollout timeout in seconds'),
        forceConflicts: z =>
          z
            .boolean()
            .default(false)
            .describe('Take over fields owned by another field manager'),
        language: languageInput,
      },
      output: {
        objects: z =>
          z
            .array(
              z.object({
                apiVersion: z.string(),
                kind: z.string(),
                namespace: z.string().optional(),
                name: z.string(),
                result: z.enum(['created', 'configured', 'unchanged']),
              }),
            )
            .describe('Every object of the bundle and what applying it did'),
        changed: z => z.number().describe('Objects created or configured'),
        summary: z =>
          z.string().describe('e.g. "2 created, 1 configured, 9 unchanged"'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const language = messageLanguage(input.language);
      const words = APPLY_WORDS[language];
      if (!clusters.has(input.cluster)) {
        throw new InputError(
          TARGET_WORDS[language].notATarget(
            input.cluster,
            await clustersOpenTo(options.permissions, ctx, clusters.names()),
          ),
        );
      }
      const cluster = clusters.get(input.cluster);

      await assertMayApply(
        options.permissions,
        ctx,
        cluster.name,
        TARGET_WORDS[language],
      );

      const paths = (
        Array.isArray(input.manifests)
          ? input.manifests
          : [input.manifests ?? 'manifests']
      ).map(p => resolveSafeChildPath(ctx.workspacePath, p));
      const bundle = await loadBundle(paths, ctx.workspacePath);
      for (const c of overrideImages(
        bundle.map(b => b.object),
        input.images ?? [],
      )) {
        ctx.logger.info(words.image(c.object, c.container, c.from, c.to));
      }
      enforceAllowlist(
        bundle,
        {
          cluster: cluster.name,
          namespaces: cluster.namespaces,
          kinds: cluster.kinds,
        },
        input.namespace,
        language,
      );

      // The initiator's cluster token (user-side clusters), from the task's secrets:
      // never logged nor output.
      const client = new KubeClient(
        await clusters.connection(
          cluster.name,
          requestAuthFromHeaders(ctx.secrets ?? {}),
        ),
      );
      try {
        const objects = await applyBundle({
          client,
          objects: bundle,
          fieldManager,
          force: input.forceConflicts ?? false,
          dryRunOnly: ctx.isDryRun,
          logger: ctx.logger,
          language,
        });
        const count = (r: ApplyOutcome) =>
          objects.filter(o => o.result === r).length;
        const counts = {
          created: count('created'),
          configured: count('configured'),
          unchanged: count('unchanged'),
        };
        ctx.logger.info(
          words.applied(cluster.name, words.counts(counts), !!ctx.isDryRun),
        );
        if (!ctx.isDryRun && (input.wait ?? true)) {
          await waitForRollouts(
            client,
            bundle.map(b => b.object),
            {
              timeoutMs: (input.timeoutSeconds ?? 300) * 1000,
              logger: ctx.logger,
              signal: ctx.signal,
              language,
            },
          );
        }
        ctx.output('objects', objects);
        ctx.output('changed', counts.created + counts.configured);
        ctx.output('summary', APPLY_WORDS.en.counts(counts));
      } finally {
        client.close();
      }
    },
  });
}
