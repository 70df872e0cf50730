import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildahUnavailable,
  formatReference,
  parseReference,
  RegistryClient,
  RegistryDirectory,
} from '@diehard/plugin-container-images-node';
import { examples } from './imageCheckBuild.examples';

/** @public */
export interface ImageCheckBuildActionOptions {
  /** The registries of `diehard.registries`, built once by the module. */
  registries: RegistryDirectory;
}

/**
 * `diehard:image:check-build`: a template's preflight for `diehard:image:build` and
 * `diehard:image:push`. Before anything is generated, built or pushed, it checks that
 * the builder runs on this host, that the registry answers and accepts the configured
 * credentials, and that it holds the base images the Dockerfile starts FROM; every
 * problem found is named with how to fix it, in one error.
 *
 * @public
 */
export function createImageCheckBuildAction(
  options: ImageCheckBuildActionOptions,
) {
  const { registries } = options;
  return createTemplateAction({
    id: 'diehard:image:check-build',
    description:
      'Checks, before anything is built, that the image builder runs on the backend host, that a configured registry answers with its credentials, and that it holds the base images',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registry: z =>
          z
            .string()
            .min(1)
            .describe('Name of a registry under diehard.registries'),
        builder: z =>
          z
            .enum(['dockerfile', 'native'])
            .default('dockerfile')
            .describe(
              'The builder diehard:image:build will use (dockerfile needs buildah)',
            ),
        baseImages: z =>
          z
            .array(z.string().min(1).max(300))
            .max(20)
            .default([])
            .describe(
              'repository:tag of each base image, in that registry (e.g. platform/tomcat:10.1-jre17)',
            ),
      },
      output: {
        registryHost: z => z.string().describe('host[:port] of the registry'),
      },
    },
    async handler(ctx) {
      const { builder, baseImages } = ctx.input;
      const missing: string[] = [];
      const unreachable: string[] = [];
      if (builder === 'dockerfile') {
        const problem = await buildahUnavailable();
        if (problem) missing.push(problem);
      }
      const endpoint = registries.get(ctx.input.registry);
      const images = baseImages.map(image => {
        const ref = parseReference(image);
        if (ref.host || !(ref.tag || ref.digest)) {
          throw new InputError(
            `base image "${image}": name it as repository:tag inside registry "${endpoint.name}", without a host`,
          );
        }
        return ref;
      });
      const client = new RegistryClient(endpoint, {
        retry: { retries: 1, initialDelayMs: 500 },
      });
      try {
        await client.ping(images[0]?.repository ?? 'library/check');
        for (const image of images) {
          if (
            !(await client.hasManifest(
              image.repository,
              image.digest ?? image.tag!,
            ))
          ) {
            missing.push(
              `base image ${endpoint.host}/${formatReference(
                image,
              )} is not in registry "${endpoint.name}": push it there first`,
            );
          }
        }
      } catch (e) {
        unreachable.push(
          `registry "${endpoint.name}" (${endpoint.host}) cannot be used: ${
            (e as Error).message
          }`,
        );
      } finally {
        client.close();
      }
      const problems = [...unreachable, ...missing];
      if (problems.length) {
        const message = `the image cannot be built and pushed here: ${problems.join(
          '; ',
        )}`;
        throw unreachable.length
          ? new ServiceUnavailableError(message)
          : new NotFoundError(message);
      }
      ctx.logger.info(
        `builder ${builder} ready; registry "${
          endpoint.name
        }" answers and holds ${
          baseImages.length ? baseImages.join(', ') : 'no base image to check'
        }`,
      );
      ctx.output('registryHost', endpoint.host);
    },
  });
}
