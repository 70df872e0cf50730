import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { Route } from 'react-router-dom';
import { FlatRoutes } from '@backstage/core-app-api';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { todoWebEntity } from '@diehard/frontend-test-utils';
import { HandoffReviewClient } from '@diehard/plugin-handoff-review-common';
import { handoffReviewApiRef } from '../api';
import { openReview } from '../testing/fixtures';
import {
  EntityHandoffReviewContent,
  EntityHandoffReviewStatus,
  HandoffReviewsPage,
} from './plugin';

const REVIEWS = 'http://backstage.test/api/handoff-review/reviews';

// The extensions load lazily: slow on a shared machine.
jest.setTimeout(60_000);
const LAZY = { timeout: 30_000 };

/**
 * Renders `element` in an app of Backstage's legacy frontend system (test-utils), on
 * `todo-web`'s entity page, and the reviews page at `/handoff-reviews` as an app's routes
 * do; the client is the real one, against the test's HTTP server.
 */
function renderInLegacyApp(element: JSX.Element, path = '/') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          handoffReviewApiRef,
          new HandoffReviewClient({
            discoveryApi: mockApis.discovery({
              baseUrl: 'http://backstage.test',
            }),
            fetchApi: new MockFetchApi(),
          }),
        ],
        [permissionApiRef, mockApis.permission()],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/alice',
            ownershipEntityRefs: [
              'user:default/alice',
              'group:default/dev-team',
            ],
          }),
        ],
      ]}
    >
      <FlatRoutes>
        <Route path="/handoff-reviews" element={<HandoffReviewsPage />} />
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
  const server = setupServer();
  registerMswTestHooks(server);
  beforeEach(() =>
    server.use(http.get(REVIEWS, () => HttpResponse.json({ reviews: [] }))),
  );

  it("shows the posture card's section, linking to the entity's review tab", async () => {
    await renderInLegacyApp(<EntityHandoffReviewStatus />);
    expect(
      await screen.findByRole('region', { name: 'Handoff review' }, LAZY),
    ).toHaveTextContent('None yet');
    expect(
      screen.getByRole('link', { name: 'Open the handoff review' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/todo-web/handoff-review',
    );
  });

  it("shows the entity's tab, which offers to open a review", async () => {
    await renderInLegacyApp(<EntityHandoffReviewContent />);
    expect(
      await screen.findByRole(
        'button',
        { name: 'Open a handoff review' },
        LAZY,
      ),
    ).toBeInTheDocument();
  });

  it('shows the reviews page with its own header', async () => {
    server.use(
      http.get(REVIEWS, () => HttpResponse.json({ reviews: [openReview] })),
    );
    await renderInLegacyApp(<div />, '/handoff-reviews');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Handoff reviews' },
        LAZY,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Handoff reviews' }, LAZY),
    ).toHaveTextContent(openReview.entityRef.split('/')[1]);
  });
});
