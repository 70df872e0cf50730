import type { AppLanguageApi } from '@backstage/frontend-plugin-api';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  ScaffolderClient,
  ScaffolderRequestOptions,
  TemplateParameterSchema,
} from '@backstage/plugin-scaffolder-common';
import type { JsonObject } from '@backstage/types';
import { translateParameterSchema } from './translateParameterSchema';

/**
 * The scaffolder's own client, whose template forms come in the language the user picked
 * (see {@link translateParameterSchema}). The template's title and description are
 * translated from `metadata.ui:translations` of its catalog entity.
 */
export class TranslatingScaffolderClient extends ScaffolderClient {
  private readonly language: AppLanguageApi;
  private readonly catalog: Pick<CatalogApi, 'getEntityByRef'>;

  constructor(
    options: ConstructorParameters<typeof ScaffolderClient>[0] & {
      appLanguageApi: AppLanguageApi;
      catalogApi: Pick<CatalogApi, 'getEntityByRef'>;
    },
  ) {
    super(options);
    this.language = options.appLanguageApi;
    this.catalog = options.catalogApi;
  }

  async getTemplateParameterSchema(
    templateRef: string,
    options?: ScaffolderRequestOptions,
  ): Promise<TemplateParameterSchema> {
    const { language } = this.language.getLanguage();
    const [manifest, template] = await Promise.all([
      super.getTemplateParameterSchema(templateRef, options),
      this.catalog.getEntityByRef(templateRef).catch(() => undefined),
    ]);
    return translateParameterSchema(
      manifest,
      language,
      (template?.metadata ?? {}) as JsonObject,
    );
  }
}
