import { screen, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { handoffReviewApiRef } from '../../api';
import type { ReviewListStatus } from '../../api';
import { openReview, staleReview } from '../../testing/fixtures';
import { fakeHandoffReviewApi } from '../../testing/fakeApi';
import { HandoffReviewsPage } from './HandoffReviewsPage';

jest.setTimeout(30_000);
const userEvent = userEventLib.setup({ delay: null });

function renderPage() {
  const api = fakeHandoffReviewApi({
    listReviews: jest.fn(async (filter?: { status?: ReviewListStatus }) => {
      if (filter?.status === 'open') return [openReview];
      if (filter?.status === 'stale') return [staleReview];
      return [];
    }),
  });
  renderInTestApp(<HandoffReviewsPage />, {
    apis: [[handoffReviewApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return api;
}

function rows() {
  const table = screen.getByRole('table', { name: 'Handoff reviews' });
  return within(table).getAllByRole('row').slice(1);
}

describe('HandoffReviewsPage', () => {
  it('says why the reviews could not be loaded, and loads them again on Retry', async () => {
    let down = true;
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async (filter?: { status?: ReviewListStatus }) => {
        if (down) throw new Error('database is down');
        return filter?.status === 'open' ? [openReview] : [];
      }),
    });
    renderInTestApp(<HandoffReviewsPage />, {
      apis: [[handoffReviewApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the handoff reviews: database is down',
    );

    down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('table', { name: 'Handoff reviews' });
    expect(rows()[0]).toHaveTextContent('todo-web');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists the stale reviews before the open ones, with who opened them and what remains', async () => {
    const api = renderPage();
    await screen.findByRole('table', { name: 'Handoff reviews' });

    expect(api.listReviews).toHaveBeenCalledWith({ status: 'open' });
    expect(api.listReviews).toHaveBeenCalledWith({ status: 'stale' });
    const [billing, todoWeb] = rows();
    expect(
      within(billing).getByRole('link', { name: 'billing' }),
    ).toHaveAttribute('href', '/catalog/default/component/billing');
    expect(billing).toHaveTextContent('Stale');
    expect(billing).toHaveTextContent('bea');
    expect(billing).toHaveTextContent('Dev, Ops');
    expect(todoWeb).toHaveTextContent('todo-web');
    expect(todoWeb).toHaveTextContent('Open');
    expect(todoWeb).toHaveTextContent('dave');
    expect(todoWeb).toHaveTextContent('Nobody');
  });

  it('filters by status and by entity', async () => {
    renderPage();
    await screen.findByRole('table', { name: 'Handoff reviews' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Status Open and stale' }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'Stale' }));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('billing');

    await userEvent.click(screen.getByRole('button', { name: 'Status Stale' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Open and stale' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter by entity' }),
      'todo',
    );
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('todo-web');

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter by entity' }),
      '-nothing',
    );
    expect(screen.getByText('No review matches.')).toBeInTheDocument();
  });
});
