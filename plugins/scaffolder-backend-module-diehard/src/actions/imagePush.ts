import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  NetworkError,
  OciLayout,
  pushImage,
  RegistryClient,
  RegistryClientOptions,
  RegistryDirectory,
} from '@diehard/plugin-container-images-node';
import { examples } from './imagePush.examples';

/** @public */
export interface ImagePushActionOptions {
  /** The registries of `diehard.registries`, built once by the module. */
  registries: RegistryDirectory;
  /** Tuning for the registry client (tests use small chunks and fast retries). */
  client?: Omit<RegistryClientOptions, 'logger'>;
}

/**
 * `diehard:image:push`: pushes an OCI image layout from the task workspace to a
 * registry declared in `diehard.registries`, and outputs the pinned reference.
 *
 * @public
 */
export function createImagePushAction(options: ImagePushActionOptions) {
  const { registries } = options;
  return createTemplateAction({
    id: 'diehard:image:push',
    description:
      'Pushes an OCI image layout from the workspace to a configured registry; outputs the pinned reference host/repo@sha256:…',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registry: z =>
          z
            .string()
            .min(1)
            .describe(
              'Name of a registry under diehard.registries in app-config',
            ),
        repository: z =>
          z
            .string()
            .min(1)
            .describe('Repository in that registry, e.g. team/petclinic'),
        tag: z =>
          z
            .string()
            .optional()
            .describe('Tag to set after every blob is verified (optional)'),
        layout: z =>
          z
            .string()
            .default('image')
            .describe(
              'Workspace path of the OCI image layout (default: image)',
            ),
        refName: z =>
          z
            .string()
            .optional()
            .describe(
              'Which image of the layout (org.opencontainers.image.ref.name), when it holds several',
            ),
        mountFrom: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Repositories of the same registry to mount shared layers from',
            ),
      },
      output: {
        reference: z =>
          z.string().describe('Pinned reference: host/repository@sha256:…'),
        digest: z => z.string().describe('Manifest digest'),
        taggedReference: z =>
          z
            .string()
            .optional()
            .describe('host/repository:tag when a tag was set'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const endpoint = registries.get(input.registry);
      const layoutDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.layout ?? 'image',
      );
      if (ctx.isDryRun) {
        // A template dry run may have skipped the step that builds the layout.
        const layout = await OciLayout.open(layoutDir).catch(() => undefined);
        if (!layout) {
          ctx.logger.info(
            `dry run: no image layout at ${
              input.layout ?? 'image'
            } yet; would push to ${endpoint.host}/${input.repository}`,
          );
          ctx.output(
            'reference',
            `${endpoint.host}/${input.repository}:${input.tag ?? 'dry-run'}`,
          );
          ctx.output('digest', '');
          return;
        }
        const root = await layout.resolve(input.refName);
        ctx.logger.info('dry run: would push image', {
          registry: endpoint.name,
          repository: input.repository,
          digest: root.digest,
        });
        ctx.output('digest', root.digest);
        ctx.output(
          'reference',
          `${endpoint.host}/${input.repository}@${root.digest}`,
        );
        return;
      }
      const layout = await OciLayout.open(layoutDir);
      const client = new RegistryClient(endpoint, {
        ...options.client,
        logger: ctx.logger,
      });
      const started = Date.now();
      try {
        const result = await pushImage(client, layout, {
          repository: input.repository,
          tag: input.tag,
          refName: input.refName,
          mountFrom: input.mountFrom,
        });
        ctx.logger.info(`pushed ${result.reference}`, {
          registry: endpoint.name,
          reference: result.reference,
          digest: result.digest,
          uploaded: result.blobs.uploaded,
          existing: result.blobs.existing,
          mounted: result.blobs.mounted,
          bytesSent: result.bytesSent,
          ms: Date.now() - started,
        });
        ctx.output('reference', result.reference);
        ctx.output('digest', result.digest);
        if (input.tag)
          ctx.output(
            'taggedReference',
            `${endpoint.host}/${input.repository}:${input.tag}`,
          );
      } catch (e) {
        if (e instanceof NetworkError) {
          throw new ServiceUnavailableError(
            `registry "${endpoint.name}" could not be reached (${e.message}); no tag was written, running the step again resumes the push`,
          );
        }
        throw e;
      } finally {
        client.close();
      }
    },
  });
}
