import { screen } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { FlatRoutes } from '@backstage/core-app-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { todoWebEntity } from '@diehard/frontend-test-utils';
import type { FleetEntry } from '@diehard/plugin-ha-posture-common';
import { HaPostureApi, haPostureApiRef } from '../api';
import { samplePosture } from '../testing/fixtures';
import { ordersPostureDocument } from '../testing/searchDocuments';
import {
  EntityHaPostureCard,
  EntityHaPostureContent,
  HaPosturePage,
  HaPostureSearchResultListItem,
} from './plugin';

const fleet: FleetEntry[] = [
  {
    entityRef: 'component:default/todo-web',
    grade: 'F',
    previousGrade: 'C',
    critical: 3,
    warning: 1,
    evaluatedAt: new Date().toISOString(),
    source: 'live',
  },
];

const api: HaPostureApi = {
  getEntityPosture: jest.fn(async () => samplePosture),
  refreshEntityPosture: jest.fn(async () => samplePosture),
  getEntityHistory: jest.fn(async () => []),
  getFleet: jest.fn(async () => fleet),
  getClusters: jest.fn(async () => []),
  getClusterOverview: jest.fn(async () => ({ clusters: [], notEvaluated: [] })),
  getClusterAuth: jest.fn(async () => []),
};

// The extensions load lazily, material-table and all: slow on a shared machine.
jest.setTimeout(60_000);
const LAZY = { timeout: 30_000 };

/**
 * Renders `element` in an app of Backstage's legacy frontend system (test-utils), on
 * `todo-web`'s entity page, and the fleet page at `/ha-posture` as an app's routes do.
 */
function renderInLegacyApp(element: JSX.Element, path = '/') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [haPostureApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <FlatRoutes>
        <Route path="/ha-posture" element={<HaPosturePage />} />
        <Route
          path="/"
          element={
            <EntityProvider entity={todoWebEntity}>{element}</EntityProvider>
          }
        />
      </FlatRoutes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('the legacy frontend system', () => {
  it('shows the entity card with its grade and an active Refresh', async () => {
    await renderInLegacyApp(<EntityHaPostureCard />);
    expect(
      await screen.findByRole(
        'img',
        { name: `Grade ${samplePosture.grade}` },
        LAZY,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('HA posture')).toBeInTheDocument();
    expect(api.getEntityPosture).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'todo-web',
    });
    // The permission framework answers through the legacy app's API too.
    expect(screen.getByRole('button', { name: /refresh/i })).toBeEnabled();
  });

  it("shows the entity's tab: findings by category", async () => {
    await renderInLegacyApp(<EntityHaPostureContent />);
    expect(
      await screen.findByText('Findings by category', {}, LAZY),
    ).toBeInTheDocument();
  });

  it('shows the fleet page with its own header', async () => {
    await renderInLegacyApp(<div />, '/ha-posture');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'HA posture' },
        LAZY,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'Grade F' }, LAZY),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /todo-web/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/todo-web',
    );
  });

  it("shows a posture among the search results, beside the catalog's own", async () => {
    await renderInLegacyApp(
      <SearchResultListItemExtensions
        results={[
          { type: 'ha-posture', document: ordersPostureDocument() },
          {
            type: 'software-catalog',
            document: { title: 'orders', text: '', location: '/x' },
          },
        ]}
      >
        <HaPostureSearchResultListItem />
      </SearchResultListItemExtensions>,
    );
    expect(
      await screen.findByRole('img', { name: 'Grade D' }, LAZY),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Orders API' })).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/ha-posture',
    );
  });
});
