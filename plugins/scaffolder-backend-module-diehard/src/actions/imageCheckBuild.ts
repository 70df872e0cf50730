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
import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { examples } from './imageCheckBuild.examples';
import { languageInput } from './languageInput';

/** @public */
export interface ImageCheckBuildActionOptions {
  /** The registries of `diehard.registries`, built once by the module. */
  registries: RegistryDirectory;
}

/**
 * What the check says to the template's user, in each language the portal speaks (what
 * the builder or the registry answer is quoted as they word it).
 */
const WORDS = {
  en: {
    hostInName: (image: string, registry: string) =>
      `base image "${image}": name it as repository:tag inside registry "${registry}", without a host`,
    notInRegistry: (image: string, registry: string) =>
      `base image ${image} is not in registry "${registry}": push it there first`,
    unusable: (registry: string, host: string, reason: string) =>
      `registry "${registry}" (${host}) cannot be used: ${reason}`,
    cannotBuild: (problems: string[]) =>
      `the image cannot be built and pushed here: ${problems.join('; ')}`,
    ready: (builder: string, registry: string, baseImages: string[]) =>
      `builder ${builder} ready; registry "${registry}" answers and holds ${
        baseImages.length ? baseImages.join(', ') : 'no base image to check'
      }`,
  },
  fr: {
    hostInName: (image: string, registry: string) =>
      `image de base « ${image} » : nommez-la repository:tag dans le registre « ${registry} », sans hôte`,
    notInRegistry: (image: string, registry: string) =>
      `l'image de base ${image} n'est pas dans le registre « ${registry} » : poussez-la d'abord dans ce registre`,
    unusable: (registry: string, host: string, reason: string) =>
      `le registre « ${registry} » (${host}) est inutilisable : ${reason}`,
    cannotBuild: (problems: string[]) =>
      `l'image ne peut pas être construite et poussée ici : ${problems.join(
        ' ; ',
      )}`,
    ready: (builder: string, registry: string, baseImages: string[]) =>
      `constructeur ${builder} prêt ; le registre « ${registry} » répond${
        baseImages.length
          ? ` et contient ${baseImages.join(', ')}`
          : ' (aucune image de base à vérifier)'
      }`,
  },
} satisfies Record<MessageLanguage, unknown>;

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
        language: languageInput,
      },
      output: {
        registryHost: z => z.string().describe('host[:port] of the registry'),
      },
    },
    async handler(ctx) {
      const { builder, baseImages } = ctx.input;
      const words = WORDS[messageLanguage(ctx.input.language)];
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
          throw new InputError(words.hostInName(image, endpoint.name));
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
              words.notInRegistry(
                `${endpoint.host}/${formatReference(image)}`,
                endpoint.name,
              ),
            );
          }
        }
      } catch (e) {
        unreachable.push(
          words.unusable(endpoint.name, endpoint.host, (e as Error).message),
        );
      } finally {
        client.close();
      }
      const problems = [...unreachable, ...missing];
      if (problems.length) {
        const message = words.cannotBuild(problems);
        throw unreachable.length
          ? new ServiceUnavailableError(message)
          : new NotFoundError(message);
      }
      ctx.logger.info(words.ready(builder, endpoint.name, baseImages));
      ctx.output('registryHost', endpoint.host);
    },
  });
}
