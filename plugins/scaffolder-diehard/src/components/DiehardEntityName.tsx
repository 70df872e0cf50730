import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { userTranslation } from '../readyTranslation';
import { FormTextField } from './FormTextField';

/**
 * `ui:options` of the `DiehardEntityName` field.
 *
 * @public
 */
export interface DiehardEntityNameOptions {
  /** The kind of the entity the template registers (e.g. Component, Resource). */
  kind: string;
  /** Its catalog namespace (default `default`). */
  namespace?: string;
}

/**
 * `ui:field: DiehardEntityName`: the name of the entity a template creates, typed as in a
 * plain text field; **Next** refuses a name the catalog already has for that kind
 * (`ui:options.kind`), before anything runs.
 */
export function DiehardEntityName(
  props: FieldExtensionComponentProps<string, DiehardEntityNameOptions>,
) {
  return <FormTextField {...props} />;
}

/**
 * Refuses a name whose entity the catalog already has: the run would refuse it at its
 * first steps. An entity the user may not read is not seen here; the run's own check
 * (`diehard:catalog:check-name`, with the backend's credentials) still refuses it.
 */
export const validateEntityName: CustomFieldValidator<
  string,
  DiehardEntityNameOptions
> = async (name, validation, { apiHolder, uiSchema, schema }) => {
  const options = uiSchema?.['ui:options'];
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : '';
  if (!name || !options?.kind || (pattern && !new RegExp(pattern).test(name)))
    return;
  const ref = `${options.kind.toLocaleLowerCase('en-US')}:${
    options.namespace ?? 'default'
  }/${name}`;
  const catalog = apiHolder.get(catalogApiRef);
  if (!catalog) return;
  const existing = await catalog.getEntityByRef(ref).catch(() => undefined);
  if (existing)
    validation.addError(
      (await userTranslation(apiHolder))('entityName.taken', { name, ref }),
    );
};
