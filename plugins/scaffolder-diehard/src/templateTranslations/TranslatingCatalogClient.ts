import {
  CatalogClient,
  type CatalogRequestOptions,
  type GetEntitiesByRefsRequest,
  type GetEntitiesByRefsResponse,
  type GetEntitiesRequest,
  type GetEntitiesResponse,
  type QueryEntitiesRequest,
  type QueryEntitiesResponse,
} from '@backstage/catalog-client';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import type { AppLanguageApi } from '@backstage/frontend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { TRANSLATIONS_KEY, translationsOf } from './translations';

const TRANSLATED_FIELDS = ['metadata.title', 'metadata.description'];
const TRANSLATIONS_FIELD = `metadata.${TRANSLATIONS_KEY}`;

/**
 * A Template as the user reads it: its `metadata.title` and `metadata.description` in
 * `language` where `metadata.ui:translations` has them; the translations stay unless
 * `dropTranslations` (the scaffolder's client reads them for the form).
 */
export function translateTemplate<T extends Entity | undefined>(
  entity: T,
  language: string,
  dropTranslations = false,
): T {
  if (entity?.kind !== 'Template') return entity;
  const texts = translationsOf(entity.metadata as JsonObject, language);
  const metadata = { ...entity.metadata };
  for (const key of ['title', 'description'] as const)
    if (typeof texts[key] === 'string') metadata[key] = texts[key] as string;
  if (dropTranslations) delete metadata[TRANSLATIONS_KEY];
  return { ...entity, metadata };
}

/**
 * The catalog's own client, whose Templates come with their title and description in the
 * language the user picked (see {@link translateTemplate}): the Create page's template cards,
 * a run's heading (the entity presentation API) and a template's entity page read them from
 * the catalog, not from the scaffolder. Every other entity, and every answer in English, is
 * the catalog's as it is.
 */
export class TranslatingCatalogClient extends CatalogClient {
  private readonly languageApi: AppLanguageApi;

  constructor(
    options: ConstructorParameters<typeof CatalogClient>[0] & {
      appLanguageApi: AppLanguageApi;
    },
  ) {
    super(options);
    this.languageApi = options.appLanguageApi;
  }

  /** The user's language, or `undefined` for English: the templates' own. */
  private get language() {
    const { language } = this.languageApi.getLanguage();
    return language.split('-')[0] === 'en' ? undefined : language;
  }

  /**
   * `ask(request)` with its items translated. A request naming its fields gets the
   * translations too when it asks for a text they translate, and answers without them.
   */
  private async translating<
    Q extends { fields?: string[] },
    R extends { items: (Entity | undefined)[] },
  >(request: Q | undefined, ask: (request?: Q) => Promise<R>): Promise<R> {
    const language = this.language;
    if (!language) return ask(request);
    const fields = request?.fields ?? [];
    const added =
      fields.some(f => TRANSLATED_FIELDS.includes(f)) &&
      !fields.includes(TRANSLATIONS_FIELD);
    const response = await ask(
      added
        ? { ...request!, fields: [...fields, TRANSLATIONS_FIELD] }
        : request,
    );
    return {
      ...response,
      items: response.items.map(e => translateTemplate(e, language, added)),
    };
  }

  getEntities(
    request?: GetEntitiesRequest,
    options?: CatalogRequestOptions,
  ): Promise<GetEntitiesResponse> {
    return this.translating(request, r => super.getEntities(r, options));
  }

  getEntitiesByRefs(
    request: GetEntitiesByRefsRequest,
    options?: CatalogRequestOptions,
  ): Promise<GetEntitiesByRefsResponse> {
    return this.translating(request, r => super.getEntitiesByRefs(r!, options));
  }

  /** Also what `streamEntities` pages through. */
  queryEntities(
    request?: QueryEntitiesRequest,
    options?: CatalogRequestOptions,
  ): Promise<QueryEntitiesResponse> {
    return this.translating(request, r => super.queryEntities(r, options));
  }

  async getEntityByRef(
    entityRef: string | CompoundEntityRef,
    options?: CatalogRequestOptions,
  ): Promise<Entity | undefined> {
    const entity = await super.getEntityByRef(entityRef, options);
    const language = this.language;
    return language ? translateTemplate(entity, language) : entity;
  }
}
