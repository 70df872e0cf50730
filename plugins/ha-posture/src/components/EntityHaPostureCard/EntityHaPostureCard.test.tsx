import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { EntityPosture } from '@diehard/plugin-ha-posture-common';
import {
  HaPostureApi,
  haPostureApiRef,
  handoffReviewStatusApiRef,
} from '../../api';
import { samplePosture } from '../../testing/fixtures';
import { todoWebEntity } from '../../testing/entities';
import { EntityHaPostureCard } from './EntityHaPostureCard';

function fakeApi(overrides: Partial<HaPostureApi> = {}): HaPostureApi {
  return {
    getEntityPosture: jest.fn(async () => ({
      ...samplePosture,
      evaluatedAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
    })),
    refreshEntityPosture: jest.fn(async () => samplePosture),
    getEntityHistory: jest.fn(async () => []),
    getFleet: jest.fn(async () => []),
    getClusters: jest.fn(async () => []),
    ...overrides,
  };
}

function renderCard(api: HaPostureApi) {
  return renderInTestApp(
    <EntityProvider entity={todoWebEntity}>
      <EntityHaPostureCard />
    </EntityProvider>,
    {
      apis: [
        [haPostureApiRef, api],
        [
          handoffReviewStatusApiRef,
          { getReviewSummary: async () => ({ state: 'none' as const }) },
        ],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

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
