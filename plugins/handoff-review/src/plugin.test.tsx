import { screen, within } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { inFrench } from '@diehard/frontend-test-utils';
import handoffReviewPlugin, { handoffReviewTranslations } from './index';
import { handoffReviewApiRef } from './api';
import type { ReviewListStatus } from './api';
import { openReview, staleReview } from './testing/fixtures';
import { fakeHandoffReviewApi } from './testing/fakeApi';

const api = fakeHandoffReviewApi({
  listReviews: jest.fn(async (filter?: { status?: ReviewListStatus }) =>
    filter?.status === 'stale' ? [staleReview] : [openReview],
  ),
});

// The page is loaded lazily: slow on a shared machine.
jest.setTimeout(60_000);
const LAZY = { timeout: 30_000 };

describe('handoffReviewPlugin', () => {
  // The app keeps the user's language in local storage: start each test afresh.

  it('declares the API, the entity tab and the page', () => {
    expect(handoffReviewPlugin.id).toBe('handoff-review');
    expect(
      handoffReviewPlugin.getExtension('api:handoff-review'),
    ).toBeDefined();
    expect(
      handoffReviewPlugin.getExtension('page:handoff-review'),
    ).toBeDefined();
    expect(
      handoffReviewPlugin.getExtension(
        'entity-content:handoff-review/handoff-review',
      ),
    ).toBeDefined();
  });

  it('serves the open and stale reviews at /handoff-reviews', async () => {
    renderTestApp({
      features: [handoffReviewPlugin],
      initialRouteEntries: ['/handoff-reviews'],
      apis: [[handoffReviewApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Handoff reviews' },
      LAZY,
    );
    expect(
      within(table).getByRole('link', { name: 'billing' }),
    ).toBeInTheDocument();
    expect(within(table).getByText('Stale')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Handoff reviews' }),
    ).toBeInTheDocument();
  });

  it('speaks French once the app registers the translation resource', async () => {
    const french = inFrench(handoffReviewTranslations);
    renderTestApp({
      features: [handoffReviewPlugin, ...french.features],
      config: french.config,
      initialRouteEntries: ['/handoff-reviews'],
      apis: [[handoffReviewApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Revues de passation' },
      LAZY,
    );
    // The page header too, not only its content.
    expect(
      screen.getByRole('heading', { level: 1, name: 'Revues de passation' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Handoff reviews' }),
    ).not.toBeInTheDocument();
    expect(within(table).getByText('Caduque')).toBeInTheDocument();
    expect(within(table).getByText('Ouverte par')).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: 'Filtrer par entité' }),
    ).toBeInTheDocument();
  });
});
