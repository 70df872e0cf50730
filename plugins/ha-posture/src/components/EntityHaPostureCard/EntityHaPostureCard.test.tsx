import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createExtensionTester,
  mockApis,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { HaPostureCardSectionBlueprint } from '@diehard/plugin-ha-posture-react';
import type { EntityPosture } from '@diehard/plugin-ha-posture-common';
import { HaPostureApi, haPostureApiRef } from '../../api';
import { haPosturePlugin } from '../../plugin';
import { samplePosture } from '../../testing/fixtures';
import { fakeHaPostureApi } from '../../testing/fakeApi';
import { renderOnEntityPage } from '@diehard/frontend-test-utils';
import { EntityHaPostureCard } from './EntityHaPostureCard';
import {
  KubernetesAuthProvidersApi,
  kubernetesAuthProvidersApiRef,
} from '@backstage/plugin-kubernetes-react';

/** Evaluated five minutes ago. */
function fakeApi(overrides: Partial<HaPostureApi> = {}): HaPostureApi {
  return fakeHaPostureApi({
    getEntityPosture: jest.fn(async () => ({
      ...samplePosture,
      evaluatedAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
    })),
    ...overrides,
  });
}

function renderCard(
  api: HaPostureApi,
  options: {
    refreshAllowed?: boolean;
    kubernetesAuth?: KubernetesAuthProvidersApi;
  } = {},
) {
  const { refreshAllowed = true, kubernetesAuth } = options;
  return renderOnEntityPage(<EntityHaPostureCard />, {
    apis: [
      [haPostureApiRef, api],
      mockApis.permission({
        authorize: ({ permission }) =>
          permission.name === 'ha-posture.entity.refresh' && !refreshAllowed
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
      ...(kubernetesAuth
        ? [[kubernetesAuthProvidersApiRef, kubernetesAuth] as const]
        : []),
    ],
  });
}

/** The lab cluster, read with the signed-in user's token from the provider `lab`. */
const OIDC_LAB = {
  name: 'lab',
  authProvider: 'oidc',
  needsUserToken: true,
  oidcTokenProvider: 'lab',
};

describe('EntityHaPostureCard', () => {
  it('shows the grade, the single points of failure, the source and when it was evaluated', async () => {
    const api = fakeApi();
    await renderCard(api);

    expect(
      await screen.findByRole('img', { name: 'Grade D' }),
    ).toHaveTextContent('D');
    const spofs = screen.getByRole('list', {
      name: 'Single points of failure',
    });
    expect(spofs).toHaveTextContent(
      'If node worker-1 fails, todo loses every replica of todo-web',
    );
    expect(spofs).toHaveTextContent(
      'If node worker-2 fails, todo loses its database',
    );
    expect(screen.getByText('Live from cluster lab')).toBeInTheDocument();
    expect(screen.getByText('Evaluated 5 minutes ago')).toBeInTheDocument();
    expect(api.getEntityPosture).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'todo-web',
    });
  });

  it('recomputes the posture when the user clicks Refresh', async () => {
    const better: EntityPosture = {
      ...samplePosture,
      grade: 'B',
      singlePointsOfFailure: [],
      evaluatedAt: new Date().toISOString(),
    };
    const api = fakeApi({ refreshEntityPosture: jest.fn(async () => better) });
    await renderCard(api);
    await screen.findByRole('img', { name: 'Grade D' });

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByRole('img', { name: 'Grade B' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No single point of failure found.'),
    ).toBeInTheDocument();
    expect(api.refreshEntityPosture).toHaveBeenCalledTimes(1);
  });

  it("sends the user's token for an oidc cluster on Refresh, as the Kubernetes plugin's frontend does", async () => {
    const api = fakeApi({
      getClusterAuth: jest.fn(async () => [
        OIDC_LAB,
        { name: 'prod', authProvider: 'serviceAccount', needsUserToken: false },
      ]),
    });
    // Test double of the Kubernetes plugin's frontend API (the frontend's boundary:
    // behind it, the user's sign-in to the OpenID Provider).
    const kubernetesAuth: KubernetesAuthProvidersApi = {
      decorateRequestBodyForAuth: jest.fn(),
      getCredentials: jest.fn(async (provider: string) =>
        provider === 'oidc.lab' ? { token: 'alice-id-token' } : {},
      ),
    };
    await renderCard(api, { kubernetesAuth });
    await screen.findByRole('img', { name: 'Grade D' });

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(() =>
      expect(api.refreshEntityPosture).toHaveBeenCalledWith(
        { kind: 'Component', namespace: 'default', name: 'todo-web' },
        {
          headers: {
            'Backstage-Kubernetes-Authorization-oidc-lab': 'alice-id-token',
          },
        },
      ),
    );
    expect(kubernetesAuth.getCredentials).toHaveBeenCalledTimes(1);
    expect(kubernetesAuth.getCredentials).toHaveBeenCalledWith('oidc.lab');
  });

  it('refreshes without a token header when the user does not sign in to the provider', async () => {
    const api = fakeApi({
      getClusterAuth: jest.fn(async () => [OIDC_LAB]),
    });
    const kubernetesAuth: KubernetesAuthProvidersApi = {
      decorateRequestBodyForAuth: jest.fn(),
      getCredentials: jest.fn(async () => {
        throw new Error('the user closed the sign-in popup');
      }),
    };
    await renderCard(api, { kubernetesAuth });
    await screen.findByRole('img', { name: 'Grade D' });
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(api.refreshEntityPosture).toHaveBeenCalledWith(expect.anything(), {
        headers: {},
      }),
    );
  });

  it('offers no active Refresh to a user the permission policy does not let refresh the entity', async () => {
    // usePermission keeps decisions per permission and entity for the page's life:
    // another entity than the other tests', so this policy is asked afresh.
    const api = fakeApi({
      getEntityPosture: jest.fn(async () => ({
        ...samplePosture,
        entityRef: 'component:default/locked-web',
      })),
    });
    await renderCard(api, { refreshAllowed: false });
    await screen.findByRole('img', { name: 'Grade D' });
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    await waitFor(() => expect(refresh).toBeDisabled());
    expect(refresh.parentElement).toHaveAttribute(
      'title',
      'The permission policy does not let you refresh the posture of this entity',
    );
    await userEvent.click(refresh).catch(() => {});
    expect(api.refreshEntityPosture).not.toHaveBeenCalled();
  });

  it('shows the sections other plugins attach to the card, below the posture', async () => {
    const section = HaPostureCardSectionBlueprint.make({
      name: 'test',
      params: {
        loader: async () => <p>Section from another plugin</p>,
      },
    });
    // The card as the plugin installs it: its id is the one the section attaches to.
    const card = createExtensionTester(
      haPosturePlugin.getExtension('entity-card:ha-posture/overview'),
      {
        apis: [[haPostureApiRef, fakeApi()]],
      },
    ).add(section);
    await renderOnEntityPage(card.reactElement(), {
      apis: [[haPostureApiRef, fakeApi()]],
    });
    const text = await screen.findByText('Section from another plugin');
    const grade = await screen.findByRole('img', { name: 'Grade D' });
    expect(
      grade.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('explains which annotation to add when nothing was found to evaluate', async () => {
    await renderCard(
      fakeApi({
        getEntityPosture: jest.fn(async () => ({
          ...samplePosture,
          grade: null,
          source: { type: 'none' as const, reason: 'no annotation' },
          singlePointsOfFailure: [],
          placement: [],
        })),
      }),
    );
    expect(
      await screen.findByRole('img', { name: 'Not graded' }),
    ).toBeInTheDocument();
    expect(screen.getByText('backstage.io/kubernetes-id')).toBeInTheDocument();
    expect(screen.getByText('diehard.io/manifests-path')).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Single points of failure' }),
    ).not.toBeInTheDocument();
  });

  it('says so when the backend does not know the entity', async () => {
    await renderCard(
      fakeApi({ getEntityPosture: jest.fn(async () => undefined) }),
    );
    await waitFor(() =>
      expect(
        screen.getByText(/does not know this entity yet/),
      ).toBeInTheDocument(),
    );
  });
});
