import {
  PermissionsService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CustomErrorBase, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  evaluatePosture,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { renderToolsFromConfig } from '@diehard/plugin-ha-posture-render-node';
import { KubernetesClusterDirectory } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from '../kubernetes/applyClusters';
import {
  GATE_WORDS,
  formatReport,
  gradeRank,
  overallGrade,
} from '../posture/formatReport';
import { readWorkspaceManifests } from '../posture/readWorkspace';
import { targetStorageClasses } from '../posture/targetStorageClasses';
import { examples } from './postureGate.examples';
import { languageInput } from './languageInput';

/**
 * The manifests grade below the template's threshold.
 *
 * @public
 */
export class PostureGateError extends CustomErrorBase {
  name = 'PostureGateError' as const;
}

/**
 * Options of `diehard:posture:gate`.
 *
 * @public
 */
export interface PostureGateActionOptions {
  /** `diehard.posture.render` (helm, kustomize), the clusters and `diehard.apply.clusters`. */
  config?: Config;
  /** Asked `diehard.kubernetes.apply` when a template names a `cluster`: without it, none may. */
  permissions?: PermissionsService;
  /** The clusters (default: the Kubernetes plugin's clusters of `config`). */
  clusters?: KubernetesClusterDirectory;
}

/**
 * `diehard:posture:gate`: grades the workspace's manifests with the HA posture
 * engine, logs the report, and fails below a minimum grade. Helm charts and Kustomize
 * folders among them are rendered first, with the helm and kustomize of
 * `diehard.posture.render` in `config` (else those on PATH). Given the `cluster` they
 * are for, their claims are judged with that cluster's StorageClasses.
 *
 * @public
 */
export function createPostureGateAction(
  options: PostureGateActionOptions = {},
) {
  const { config, permissions } = options;
  const tools = config ? renderToolsFromConfig(config) : {};
  const clusters =
    config && permissions
      ? ApplyClusters.fromConfig(config, options.clusters)
      : undefined;
  return createTemplateAction({
    id: 'diehard:posture:gate',
    description:
      'Grades the HA posture of the workspace manifests (single points of failure) and fails below a minimum grade',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        manifests: z =>
          z
            .union([z.string(), z.array(z.string())])
            .default('manifests')
            .describe(
              'Workspace files or directories of manifests (and Tomcat XML files); Helm charts and Kustomize folders in them are rendered (default: manifests)',
            ),
        minimumGrade: z =>
          z
            .enum(['A', 'B', 'C', 'D', 'F'])
            .default('C')
            .describe('Fail below this grade (default: C)'),
        service: z =>
          z
            .string()
            .optional()
            .describe('Service name to report under (e.g. the component name)'),
        cluster: z =>
          z
            .string()
            .max(253)
            .optional()
            .describe(
              "The cluster the manifests will be applied to (as diehard:kubernetes:apply's cluster): their volume claims are judged with its StorageClasses, so a claim on a class whose volumes live on one node is found before the deploy. Asks diehard.kubernetes.apply there",
            ),
        language: languageInput,
      },
      output: {
        grade: z =>
          z
            .enum(['A', 'B', 'C', 'D', 'F'])
            .describe('Overall grade: the weakest service decides'),
        score: z => z.number().describe('0–100'),
        passed: z => z.boolean(),
        findings: z =>
          z.number().describe('Number of findings (all severities)'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const minimum = input.minimumGrade ?? 'C';
      const paths = (
        Array.isArray(input.manifests)
          ? input.manifests
          : [input.manifests ?? 'manifests']
      ).map(p => resolveSafeChildPath(ctx.workspacePath, p));
      const { objects, files } = await readWorkspaceManifests(
        paths,
        ctx.workspacePath,
        tools,
      );
      const language = messageLanguage(input.language);
      if (input.cluster) {
        if (!clusters || !permissions)
          throw new InputError(
            'this diehard:posture:gate was created without the permissions service: it cannot read a cluster, so it takes no cluster input',
          );
        objects.push(
          ...(await targetStorageClasses({
            clusters,
            permissions,
            ctx,
            cluster: input.cluster,
            language,
            objects,
          })),
        );
      }
      const report = evaluatePosture({
        objects,
        files,
        entity: input.service
          ? { metadata: { name: input.service } }
          : undefined,
      });
      const words = GATE_WORDS[language];
      for (const line of formatReport(report, language)) ctx.logger.info(line);
      const { grade, score } = overallGrade(report);
      const findings =
        report.workloads.reduce((n, w) => n + w.findings.length, 0) +
        report.cluster.findings.length;
      const passed = gradeRank(grade) <= gradeRank(minimum);
      ctx.logger.info(words.verdict(grade, score, minimum, passed));
      ctx.output('grade', grade);
      ctx.output('score', score);
      ctx.output('passed', passed);
      ctx.output('findings', findings);
      if (!passed) {
        const worst = report.workloads
          .filter(w => gradeRank(w.grade) > gradeRank(minimum))
          .map(w => `${w.kind} ${w.namespace}/${w.name} ${w.grade}`);
        throw new PostureGateError(words.failed(grade, minimum, worst));
      }
    },
  });
}
