import { ComponentType, useEffect, useState } from 'react';
import {
  SecretsContextProvider,
  useTemplateSecrets,
} from '@backstage/plugin-scaffolder-react';
import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import { inFrench } from '@diehard/frontend-test-utils';
import type {
  DeployTarget as DiehardTarget,
  TargetStorageClass,
} from '@diehard/plugin-scaffolder-diehard-common';
import { diehardTargetsApiRef } from '../api';
import { scaffolderDiehardTranslations } from '../translation';

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

/** The lab reached with the signed-in user's token (an oidc cluster). */
export const oidcLab: DiehardTarget = {
  ...lab,
  userToken: {
    provider: 'oidc.lab',
    secret: 'Backstage-Kubernetes-Authorization-oidc-lab',
  },
};

/** Test double of the Kubernetes plugin's frontend auth API: the user signs in and gets `token`, or is refused. */
export const kubernetesAuthGiving = (token: string | Error) => ({
  decorateRequestBodyForAuth: jest.fn(),
  getCredentials: jest.fn(async () => {
    if (token instanceof Error) throw token;
    return { token };
  }),
});

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
  options: {
    targets: Targets;
    french?: boolean;
    /** Test double of the Kubernetes plugin's frontend auth API (the user's sign-in). */
    kubernetesAuth?: KubernetesAuthProvidersApi;
    /** The catalog the fields read. */
    catalog?: CatalogApi;
    /** Each cluster's storage classes, as the backend answers them. */
    storageClasses?: Record<string, TargetStorageClass[]>;
  },
) {
  /** The task secrets the fields set, as the scaffolder would send them. */
  const secrets: Record<string, string> = {};
  function SecretsProbe() {
    const { secrets: current } = useTemplateSecrets();
    useEffect(() => {
      Object.assign(secrets, current);
    }, [current]);
    return null;
  }
  const getTargets = jest.fn(async () => {
    if (options.targets instanceof Error) throw options.targets;
    return options.targets;
  });
  const getStorageClasses = jest.fn(async (cluster: string) => {
    const classes = options.storageClasses?.[cluster];
    if (!classes) throw new Error(`cluster "${cluster}" did not answer`);
    return classes;
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
  renderInTestApp(
    <SecretsContextProvider>
      <Form />
      <SecretsProbe />
    </SecretsContextProvider>,
    {
      apis: [
        [diehardTargetsApiRef, { getTargets, getStorageClasses }],
        ...(options.kubernetesAuth
          ? [[kubernetesAuthProvidersApiRef, options.kubernetesAuth] as const]
          : []),
        ...(options.catalog ? [[catalogApiRef, options.catalog] as const] : []),
      ],
      ...(options.french ? inFrench(scaffolderDiehardTranslations) : {}),
    },
  );
  return { getTargets, getStorageClasses, changes, secrets };
}
