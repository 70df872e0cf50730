import { ComponentType, useState } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { DiehardTarget, diehardTargetsApiRef } from '../api';
import fr from '../translations/fr';
import { scaffolderDiehardTranslationRef } from '../translation';
import { frenchTranslationApi } from './frenchTranslationApi';

export const lab: DiehardTarget = {
  name: 'lab',
  title: 'HA lab',
  namespaces: ['diehard-apps'],
  kinds: ['Deployment', 'Service'],
};

export const prod: DiehardTarget = {
  name: 'prod',
  title: 'Production',
  namespaces: ['shop', 'billing'],
  kinds: ['*'],
};

/** What the backend answers, or the error it fails with. */
export type Targets = DiehardTarget[] | Error;

/**
 * Renders fields the way the scaffolder's form does: each value in the form's state,
 * every value of the form in `formContext.formData`.
 */
export function renderForm(
  fields: Array<{
    name: string;
    title: string;
    Field: ComponentType<any>;
    uiOptions?: Record<string, unknown>;
  }>,
  options: { targets: Targets; french?: boolean },
) {
  const getTargets = jest.fn(async () => {
    if (options.targets instanceof Error) throw options.targets;
    return options.targets;
  });
  const changes: Array<[string, string | undefined]> = [];
  function Form() {
    const [values, setValues] = useState<Record<string, string | undefined>>(
      {},
    );
    return (
      <>
        {fields.map(({ name, title, Field, uiOptions }) => (
          <Field
            key={name}
            formData={values[name]}
            onChange={(v: string | undefined) => {
              changes.push([name, v]);
              setValues(current => ({ ...current, [name]: v }));
            }}
            schema={{ type: 'string', title }}
            uiSchema={{ 'ui:options': uiOptions ?? {} }}
            formContext={{ formData: values }}
            idSchema={{ $id: `root_${name}` }}
            required
            rawErrors={[]}
          />
        ))}
      </>
    );
  }
  const apis: any[] = [[diehardTargetsApiRef, { getTargets }]];
  if (options.french) {
    apis.push([
      translationApiRef,
      frenchTranslationApi(scaffolderDiehardTranslationRef, fr),
    ]);
  }
  renderInTestApp(<Form />, { apis: apis as any });
  return { getTargets, changes };
}
