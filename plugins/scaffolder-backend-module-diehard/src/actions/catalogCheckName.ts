import { AuthService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { checkEntityRef } from './entityRefInput';
import { examples } from './catalogCheckName.examples';
import { languageInput } from './languageInput';

/** @public */
export interface CatalogCheckNameActionOptions {
  catalog: CatalogService;
  auth: AuthService;
}

/** What the check says to the template's user, in each language the portal speaks. */
const WORDS = {
  en: {
    taken: (ref: string) =>
      `${ref} is already in the catalog: another service has that name; choose another name (nothing was built or deployed)`,
    free: (ref: string) => `catalog: no entity is named ${ref} yet`,
  },
  fr: {
    taken: (ref: string) =>
      `${ref} est déjà au catalogue : un autre service porte ce nom ; choisissez-en un autre (rien n'a été construit ni déployé)`,
    free: (ref: string) => `catalogue : aucune entité ne s'appelle ${ref}`,
  },
} satisfies Record<MessageLanguage, unknown>;

/**
 * `diehard:catalog:check-name`: refuses, before anything is built or deployed, a name the
 * catalog already has: two teams choosing the same service name would otherwise deploy
 * over the same Kubernetes objects, and the second registration would clash. Asked with
 * the backend's own credentials: a name is taken whether or not the user may read its
 * entity (the refusal names only the reference the user typed).
 *
 * @public
 */
export function createCatalogCheckNameAction(
  options: CatalogCheckNameActionOptions,
) {
  return createTemplateAction({
    id: 'diehard:catalog:check-name',
    description:
      'Checks that no catalog entity has the reference a template is about to register (kind:namespace/name): a first step, before anything is built or deployed',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .max(300)
            .describe(
              'The reference the run will register, e.g. component:default/${{ parameters.name }}',
            ),
        language: languageInput,
      },
    },
    async handler(ctx) {
      const words = WORDS[messageLanguage(ctx.input.language)];
      const ref = ctx.input.entityRef;
      checkEntityRef(ref);
      const existing = await options.catalog.getEntityByRef(ref, {
        credentials: await options.auth.getOwnServiceCredentials(),
      });
      if (existing) throw new ConflictError(words.taken(ref));
      ctx.logger.info(words.free(ref));
    },
  });
}
