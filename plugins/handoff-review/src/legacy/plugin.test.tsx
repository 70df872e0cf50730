import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { renderInLegacyApp } from '@diehard/frontend-test-utils';
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
 * `element` on todo-web's page of a legacy app, whose routes have the reviews page; the
 * client is the real one, against the test's HTTP server.
 */
const renderLegacy = (element: JSX.Element, path?: string) =>
  renderInLegacyApp(element, {
    apis: [
      [
        handoffReviewApiRef,
        new HandoffReviewClient({
          discoveryApi: mockApis.discovery({
            baseUrl: 'http://backstage.test',
          }),
          fetchApi: new MockFetchApi(),
        }),
      ],
      [
        identityApiRef,
        mockApis.identity({
          userEntityRef: 'user:default/alice',
          ownershipEntityRefs: ['user:default/alice', 'group:default/dev-team'],
        }),
      ],
    ],
    pages: { '/handoff-reviews': <HandoffReviewsPage /> },
    path,
  });

describe('the legacy frontend system', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  beforeEach(() =>
    server.use(http.get(REVIEWS, () => HttpResponse.json({ reviews: [] }))),
  );

  it("shows the posture card's section, linking to the entity's review tab", async () => {
    await renderLegacy(<EntityHandoffReviewStatus />);
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
    await renderLegacy(<EntityHandoffReviewContent />);
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
    await renderLegacy(<div />, '/handoff-reviews');
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
