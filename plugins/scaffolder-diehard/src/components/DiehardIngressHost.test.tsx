import type { ApiHolder } from '@backstage/frontend-plugin-api';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import type { TargetIngressHostResponse } from '@diehard/plugin-scaffolder-diehard-common';
import { diehardTargetsApiRef } from '../api';
import { frenchTranslationApi } from '../__testUtils__/frenchTranslationApi';
import {
  kubernetesAuthGiving,
  lab,
  oidcLab,
  prod,
} from '../__testUtils__/renderForm';
import { validateIngressHost } from './DiehardIngressHost';

const HOST_PATTERN = '^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$';

/** The errors Next shows for `host`, the backend answering `answer` (or failing). */
async function errorsFor(
  host: string,
  options: {
    answer?: TargetIngressHostResponse | Error;
    formData?: Record<string, string>;
    french?: boolean;
    targets?: (typeof lab)[];
    kubernetesAuth?: unknown;
  } = {},
) {
  const getIngressHost = jest.fn(
    async (_c: string, _q: unknown, _o?: unknown) => {
      const answer = options.answer ?? { taken: false };
      if (answer instanceof Error) throw answer;
      return answer;
    },
  );
  const apis = new Map<unknown, unknown>([
    [
      diehardTargetsApiRef,
      {
        getTargets: async () => options.targets ?? [lab, prod],
        getIngressHost,
      },
    ],
    ...(options.french
      ? [[translationApiRef, frenchTranslationApi] as [unknown, unknown]]
      : []),
    ...(options.kubernetesAuth
      ? [[kubernetesAuthProvidersApiRef, options.kubernetesAuth] as const]
      : []),
  ]);
  const errors: string[] = [];
  await validateIngressHost(
    host,
    { addError: (e: string) => errors.push(e) } as any,
    {
      apiHolder: { get: (ref: unknown) => apis.get(ref) } as ApiHolder,
      formData: options.formData ?? {
        name: 'shop',
        cluster: 'lab',
        namespace: 'diehard-apps',
        ingressHost: host,
      },
      schema: { type: 'string', pattern: HOST_PATTERN },
      uiSchema: {},
    },
  );
  return { errors, getIngressHost };
}

describe('DiehardIngressHost', () => {
  it("takes a host no other Ingress serves, asking about the form's cluster, namespace and own Ingress", async () => {
    const { errors, getIngressHost } = await errorsFor('shop.apps.example.org');
    expect(errors).toEqual([]);
    expect(getIngressHost).toHaveBeenCalledWith(
      'lab',
      {
        host: 'shop.apps.example.org',
        namespace: 'diehard-apps',
        ingress: 'shop',
      },
      { userToken: undefined },
    );
  });

  it('refuses at Next a host another Ingress serves, naming it when in the namespace, in English and French', async () => {
    const taken = { taken: true, ingress: 'diehard-apps/todo' };
    expect(
      (await errorsFor('todo.apps.example.org', { answer: taken })).errors,
    ).toEqual([
      'The host “todo.apps.example.org” is already served by Ingress diehard-apps/todo on HA lab: choose another host name, or remove that Ingress first.',
    ]);
    expect(
      (
        await errorsFor('todo.apps.example.org', {
          answer: taken,
          french: true,
        })
      ).errors,
    ).toEqual([
      "L'hôte « todo.apps.example.org » est déjà servi par l'Ingress diehard-apps/todo sur HA lab : choisissez un autre nom d'hôte, ou supprimez d'abord cet Ingress.",
    ]);
    expect(
      (await errorsFor('todo.apps.example.org', { answer: { taken: true } }))
        .errors,
    ).toEqual([
      'The host “todo.apps.example.org” is already served by an Ingress of another namespace on HA lab: choose another host name.',
    ]);
  });

  it('leaves the host to the run when the cluster cannot be asked, and asks nothing before the form has a target or a host the pattern takes', async () => {
    expect(
      (await errorsFor('todo.apps.example.org', { answer: new Error('503') }))
        .errors,
    ).toEqual([]);
    for (const [host, formData] of [
      ['todo.apps.example.org', { name: 'shop', namespace: 'diehard-apps' }],
      ['todo.apps.example.org', { name: 'shop', cluster: 'prod-eu' }],
      ['Not A Host', undefined],
    ] as const) {
      const { errors, getIngressHost } = await errorsFor(host, {
        formData,
        answer: { taken: true },
      });
      expect(errors).toEqual([]);
      expect(getIngressHost).not.toHaveBeenCalled();
    }
  });

  it("asks about a cluster reached with the user's token with that token", async () => {
    const kubernetesAuth = kubernetesAuthGiving('bruno-id-token');
    const { getIngressHost } = await errorsFor('shop.apps.example.org', {
      targets: [oidcLab],
      kubernetesAuth,
    });
    expect(kubernetesAuth.getCredentials).toHaveBeenCalledWith('oidc.lab');
    expect(getIngressHost).toHaveBeenCalledWith('lab', expect.anything(), {
      userToken: {
        secret: 'Backstage-Kubernetes-Authorization-oidc-lab',
        token: 'bruno-id-token',
      },
    });
  });
});
