import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildahBuild,
  nativeBuild,
  RegistryClient,
  RegistryDirectory,
} from '@diehard/plugin-container-images-node';
import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { examples } from './imageBuild.examples';
import { RETRY_WORDS } from '../registry/retryWords';
import { languageInput } from './languageInput';

/** @public */
export interface ImageBuildActionOptions {
  /** The registries of `diehard.registries`, built once by the module. */
  registries: RegistryDirectory;
}

const SOURCE = 'org.opencontainers.image.source';
const REVISION = 'org.opencontainers.image.revision';
const CREATED = 'org.opencontainers.image.created';

/**
 * What the build says to the template's user, in each language the portal speaks
 * (buildah's own lines stay as buildah writes them).
 */
const WORDS = {
  en: {
    notATimestamp: (created: string) =>
      `created "${created}" is not an ISO timestamp`,
    nothingToBuild: 'a native build needs a base image, layers, or both',
    building: (dockerfile: string) => `building ${dockerfile} with buildah`,
    built: (digest: string) => `built ${digest}`,
    dryRunDockerfile: 'dry run: the Dockerfile build with buildah is skipped',
  },
  fr: {
    notATimestamp: (created: string) =>
      `created « ${created} » n'est pas un horodatage ISO`,
    nothingToBuild:
      'une construction native demande une image de base, des couches, ou les deux',
    building: (dockerfile: string) =>
      `construction de ${dockerfile} avec buildah`,
    built: (digest: string) => `image construite : ${digest}`,
    dryRunDockerfile:
      'essai à blanc : la construction du Dockerfile avec buildah est sautée',
  },
} satisfies Record<MessageLanguage, unknown>;

/**
 * `diehard:image:build`: builds an OCI image layout in the workspace, either
 * natively (base image from a configured registry + workspace paths as layers,
 * reproducible) or from a Dockerfile with buildah (vfs storage, chroot isolation).
 *
 * @public
 */
export function createImageBuildAction(options: ImageBuildActionOptions) {
  const { registries } = options;
  return createTemplateAction({
    id: 'diehard:image:build',
    description:
      'Builds an OCI image layout in the workspace: natively (base image + workspace paths as layers, reproducible) or from a Dockerfile with buildah',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        builder: z =>
          z
            .enum(['native', 'dockerfile'])
            .default('native')
            .describe(
              'native (no daemon, reproducible) or dockerfile (buildah)',
            ),
        output: z =>
          z
            .string()
            .default('image')
            .describe(
              'Workspace path of the OCI layout to write (default: image)',
            ),
        refName: z =>
          z
            .string()
            .default('latest')
            .describe('Name of the image in the layout (default: latest)'),
        base: z =>
          z
            .object({
              registry: z
                .string()
                .describe('Name of a registry under diehard.registries'),
              image: z
                .string()
                .describe(
                  'repository:tag or repository@sha256:… in that registry',
                ),
            })
            .optional()
            .describe('native: base image (none: scratch)'),
        layers: z =>
          z
            .array(
              z.object({
                from: z.string().describe('Workspace path (file or directory)'),
                to: z.string().describe('Absolute path in the image'),
              }),
            )
            .optional()
            .describe('native: one layer per entry, in order'),
        entrypoint: z =>
          z.array(z.string()).optional().describe('native: ENTRYPOINT'),
        cmd: z => z.array(z.string()).optional().describe('native: CMD'),
        env: z =>
          z
            .record(z.string())
            .optional()
            .describe('native: environment, merged over the base'),
        workingDir: z =>
          z.string().optional().describe('native: working directory'),
        user: z => z.string().optional().describe('native: user'),
        exposedPorts: z =>
          z
            .array(z.string())
            .optional()
            .describe('native: ports, e.g. "8080" or "8080/tcp"'),
        labels: z => z.record(z.string()).optional().describe('Image labels'),
        source: z =>
          z
            .string()
            .optional()
            .describe(`Source repository URL (label ${SOURCE})`),
        revision: z =>
          z.string().optional().describe(`Source revision (label ${REVISION})`),
        created: z =>
          z
            .string()
            .optional()
            .describe(
              'ISO timestamp for the image and file times (default: the epoch, reproducible)',
            ),
        context: z =>
          z
            .string()
            .default('.')
            .describe('dockerfile: build context in the workspace'),
        dockerfile: z =>
          z
            .string()
            .default('Dockerfile')
            .describe('dockerfile: Dockerfile path in the workspace'),
        buildArgs: z =>
          z
            .record(z.string())
            .optional()
            .describe('dockerfile: --build-arg values'),
        language: languageInput,
      },
      output: {
        layout: z => z.string().describe('Workspace path of the OCI layout'),
        refName: z => z.string(),
        digest: z => z.string().describe('Manifest digest'),
        baseRepository: z =>
          z
            .string()
            .optional()
            .describe('Repository of the base image (pass to push mountFrom)'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const words = WORDS[messageLanguage(input.language)];
      const output = input.output ?? 'image';
      const refName = input.refName ?? 'latest';
      const layoutDir = resolveSafeChildPath(ctx.workspacePath, output);
      const created = input.created ? new Date(input.created) : undefined;
      if (created && Number.isNaN(created.getTime())) {
        throw new InputError(words.notATimestamp(String(input.created)));
      }
      const labels: Record<string, string> = { ...input.labels };
      if (input.source) labels[SOURCE] = input.source;
      if (input.revision) labels[REVISION] = input.revision;
      labels[CREATED] = (created ?? new Date(0))
        .toISOString()
        .replace('.000Z', 'Z');

      if ((input.builder ?? 'native') === 'native') {
        if (!input.layers?.length && !input.base) {
          throw new InputError(words.nothingToBuild);
        }
        const base = input.base
          ? {
              client: new RegistryClient(registries.get(input.base.registry), {
                logger: ctx.logger,
                onRetry: r =>
                  ctx.logger.warn(
                    RETRY_WORDS[messageLanguage(input.language)](r),
                  ),
              }),
              reference: input.base.image,
            }
          : undefined;
        await fsp.rm(layoutDir, { recursive: true, force: true });
        try {
          const result = await nativeBuild({
            layoutDir,
            refName,
            base,
            created,
            layers: (input.layers ?? []).map(l => [
              {
                from: resolveSafeChildPath(ctx.workspacePath, l.from),
                to: l.to,
              },
            ]),
            settings: {
              entrypoint: input.entrypoint,
              cmd: input.cmd,
              env: input.env,
              workingDir: input.workingDir,
              user: input.user,
              exposedPorts: input.exposedPorts,
              labels,
            },
          });
          ctx.logger.info(words.built(result.manifest.digest));
          ctx.output('digest', result.manifest.digest);
          if (result.baseRepository)
            ctx.output('baseRepository', result.baseRepository);
        } finally {
          base?.client.close();
        }
      } else if (ctx.isDryRun) {
        // buildah is heavy and runs Dockerfile steps: not in a template dry run.
        ctx.logger.info(words.dryRunDockerfile);
        return;
      } else {
        const workDir = await fsp.mkdtemp(
          path.join(os.tmpdir(), 'diehard-buildah-'),
        );
        try {
          ctx.logger.info(words.building(input.dockerfile ?? 'Dockerfile'));
          const result = await buildahBuild({
            contextDir: resolveSafeChildPath(
              ctx.workspacePath,
              input.context ?? '.',
            ),
            dockerfile: resolveSafeChildPath(
              ctx.workspacePath,
              input.dockerfile ?? 'Dockerfile',
            ),
            buildArgs: input.buildArgs,
            labels,
            layoutDir,
            refName,
            workDir,
            registries: registries.names().map(n => registries.get(n)),
            timestamp: created
              ? Math.floor(created.getTime() / 1000)
              : undefined,
            logger: ctx.logger,
            signal: ctx.signal,
          });
          ctx.logger.info(words.built(result.digest));
          ctx.output('digest', result.digest);
        } finally {
          await fsp.rm(workDir, { recursive: true, force: true });
        }
      }
      ctx.output('layout', output);
      ctx.output('refName', refName);
    },
  });
}
