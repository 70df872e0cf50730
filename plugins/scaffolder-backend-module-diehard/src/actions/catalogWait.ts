import { AuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { checkEntityRef } from './entityRefInput';
import { examples } from './catalogWait.examples';
import { languageInput } from './languageInput';

/** @public */
export interface CatalogWaitActionOptions {
  catalog: CatalogService;
  auth: AuthService;
  /** Between two looks at the catalog; 500 ms unless a test says otherwise. */
  pollMs?: number;
}

const WORDS = {
  en: {
    there: (ref: string, s: number) =>
      `catalog: ${ref} is in the catalog (${s} s): "Open in the catalog" opens it`,
    missing: (ref: string, s: number) =>
      `${ref} is still not in the catalog after ${s} s: its registration was accepted, but the catalog has not processed it (see the location's errors under Catalog → Register, or the catalog backend's log); what the run deployed stays in place`,
  },
  fr: {
    there: (ref: string, s: number) =>
      `catalogue : ${ref} est au catalogue (${s} s) : « Ouvrir dans le catalogue » l'ouvre`,
    missing: (ref: string, s: number) =>
      `${ref} n'est toujours pas au catalogue après ${s} s : son enregistrement a été accepté, mais le catalogue ne l'a pas traité (voir les erreurs de l'emplacement sous Catalogue → Enregistrer, ou le journal du backend du catalogue) ; ce que l'exécution a déployé reste en place`,
  },
} satisfies Record<MessageLanguage, unknown>;

/**
 * `diehard:catalog:wait`: after `catalog:register`, waits until the catalog has processed
 * the new location and holds the entity, so that the run's "Open in the catalog" link
 * opens it instead of "Entity not found" (the catalog processes a new location a few
 * seconds after it is registered). Asked with the backend's own credentials; it says
 * only whether the entity is there.
 *
 * @public
 */
export function createCatalogWaitAction(options: CatalogWaitActionOptions) {
  const pollMs = options.pollMs ?? 500;
  return createTemplateAction({
    id: 'diehard:catalog:wait',
    description:
      'Waits until the catalog holds an entity a run registered (kind:namespace/name), so that a link to it opens it',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .max(300)
            .optional()
            .describe(
              "The registered entity's reference: ${{ steps.register.output.entityRef }} (absent in a dry run, where nothing is registered)",
            ),
        timeoutSeconds: z =>
          z
            .number()
            .int()
            .min(1)
            .max(600)
            .optional()
            .describe('How long to wait at most; 120 by default'),
        language: languageInput,
      },
    },
    async handler(ctx) {
      if (ctx.isDryRun) return;
      const words = WORDS[messageLanguage(ctx.input.language)];
      const ref = ctx.input.entityRef ?? '';
      checkEntityRef(ref);
      const timeout = (ctx.input.timeoutSeconds ?? 120) * 1000;
      const started = Date.now();
      const seconds = () => Math.round((Date.now() - started) / 1000);
      for (;;) {
        const entity = await options.catalog.getEntityByRef(ref, {
          credentials: await options.auth.getOwnServiceCredentials(),
        });
        if (entity) {
          ctx.logger.info(words.there(ref, seconds()));
          return;
        }
        if (Date.now() - started >= timeout || ctx.signal?.aborted)
          throw new NotFoundError(words.missing(ref, seconds()));
        await new Promise(resolve => setTimeout(resolve, pollMs));
      }
    },
  });
}
