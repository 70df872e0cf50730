import {
  PermissionsService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  assertRepository,
  NetworkError,
  OciLayout,
  pushImage,
  RegistryClient,
  RegistryClientOptions,
  RegistryDirectory,
} from '@diehard/plugin-container-images-node';
import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { examples } from './imagePush.examples';
import { byteSize } from '../registry/byteSize';
import { RETRY_WORDS } from '../registry/retryWords';
import { assertMayPush } from '../registry/pushPermission';
import { languageInput } from './languageInput';

/** @public */
export interface ImagePushActionOptions {
  /** The registries of `diehard.registries`, built once by the module. */
  registries: RegistryDirectory;
  /** Asked `diehard.image.push` for the task's initiator, before anything is sent. */
  permissions: PermissionsService;
  /** Tuning for the registry client (tests use small chunks and fast retries). */
  client?: Omit<RegistryClientOptions, 'logger'>;
}

/** What the push says to the template's user, in each language the portal speaks. */
type BlobCounts = { uploaded: number; mounted: number; existing: number };

const WORDS = {
  en: {
    dryRunNoLayout: (layout: string, target: string) =>
      `dry run: no image layout at ${layout} yet; would push to ${target}`,
    dryRun: 'dry run: would push image',
    blob: (digest: string, outcome: 'uploaded' | 'mounted', size: string) =>
      `blob ${digest}… ${outcome} (${size})`,
    pushed: (reference: string, blobs: BlobCounts) =>
      `pushed ${reference} (blobs sent: ${blobs.uploaded}, mounted: ${blobs.mounted}, already there: ${blobs.existing})`,
    unreachable: (registry: string, message: string) =>
      `registry "${registry}" could not be reached (${message}); no tag was written, running the step again resumes the push`,
  },
  fr: {
    dryRunNoLayout: (layout: string, target: string) =>
      `essai à blanc : pas encore de layout d'image dans ${layout} ; pousserait vers ${target}`,
    dryRun: "essai à blanc : pousserait l'image",
    blob: (digest: string, outcome: 'uploaded' | 'mounted', size: string) =>
      `blob ${digest}… ${
        outcome === 'uploaded' ? 'envoyé' : 'monté depuis le registre'
      } (${size})`,
    pushed: (reference: string, blobs: BlobCounts) =>
      `image poussée : ${reference} (blobs envoyés : ${blobs.uploaded}, montés : ${blobs.mounted}, déjà présents : ${blobs.existing})`,
    unreachable: (registry: string, message: string) =>
      `le registre « ${registry} » est injoignable (${message}) ; aucun tag n'a été écrit, relancer l'étape reprendra l'envoi là où il s'est arrêté`,
  },
} satisfies Record<MessageLanguage, unknown>;

/**
 * `diehard:image:push`: pushes an OCI image layout from the task workspace to a
 * registry declared in `diehard.registries`, and outputs the pinned reference.
 *
 * @public
 */
export function createImagePushAction(options: ImagePushActionOptions) {
  const { registries, permissions } = options;
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
        language: languageInput,
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
      const language = messageLanguage(input.language);
      const words = WORDS[language];
      const endpoint = registries.get(input.registry);
      await assertMayPush(
        permissions,
        ctx,
        {
          registry: endpoint.name,
          repository: assertRepository(input.repository),
        },
        language,
      );
      const layoutDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.layout ?? 'image',
      );
      if (ctx.isDryRun) {
        // A template dry run may have skipped the step that builds the layout.
        const layout = await OciLayout.open(layoutDir).catch(() => undefined);
        if (!layout) {
          ctx.logger.info(
            words.dryRunNoLayout(
              input.layout ?? 'image',
              `${endpoint.host}/${input.repository}`,
            ),
          );
          ctx.output(
            'reference',
            `${endpoint.host}/${input.repository}:${input.tag ?? 'dry-run'}`,
          );
          ctx.output('digest', '');
          return;
        }
        const root = await layout.resolve(input.refName);
        ctx.logger.info(words.dryRun);
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
        onRetry: r => ctx.logger.warn(RETRY_WORDS[language](r)),
      });
      try {
        const result = await pushImage(client, layout, {
          repository: input.repository,
          tag: input.tag,
          refName: input.refName,
          mountFrom: input.mountFrom,
          onBlob: blob =>
            ctx.logger.info(
              words.blob(
                blob.digest.slice(0, 19),
                blob.outcome,
                byteSize(blob.size, language),
              ),
            ),
        });
        ctx.logger.info(words.pushed(result.reference, result.blobs));
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
            words.unreachable(endpoint.name, e.message),
          );
        }
        throw e;
      } finally {
        client.close();
      }
    },
  });
}
