import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import searchPlugin from '@backstage/plugin-search/alpha';
import type { SearchQuery } from '@backstage/plugin-search-common';
import { searchApiRef } from '@backstage/plugin-search-react';
import { inFrench } from '@diehard/frontend-test-utils';
import haPosturePlugin, { haPostureTranslations } from '../index';
import { ordersPostureDocument } from '../testing/searchDocuments';

// The search page is loaded lazily: slow on a shared machine.
jest.setTimeout(60_000);
const LAZY = { timeout: 30_000 };

const orders = ordersPostureDocument();
const catalogEntity = {
  title: 'orders',
  text: 'The orders API',
  location: '/catalog/default/component/orders',
  kind: 'component',
};

/** The search backend as the page sees it: a posture and a catalog entity for "replica". */
function searchApi() {
  const query = jest.fn(async (q: SearchQuery) => {
    const all = [
      { type: 'ha-posture', document: orders },
      { type: 'software-catalog', document: catalogEntity },
    ];
    const results = all.filter(
      r => !q.types?.length || q.types.includes(r.type),
    );
    return { results, numberOfResults: results.length };
  });
  return { query };
}

function renderSearchPage(
  api: ReturnType<typeof searchApi>,
  french?: ReturnType<typeof inFrench>,
) {
  return renderTestApp({
    features: [searchPlugin, haPosturePlugin, ...(french?.features ?? [])],
    config: french?.config,
    initialRouteEntries: ['/search?query=replica'],
    apis: [
      [searchApiRef, api],
      [catalogApiRef, catalogApiMock()],
    ],
  });
}

describe("HA postures on Backstage's search page", () => {
  afterEach(() => localStorage.clear());

  it('offers "HA posture" among the result types, and shows postures with their grade when it is picked', async () => {
    const api = searchApi();
    renderSearchPage(api);
    const types = await screen.findByRole(
      'navigation',
      { name: 'filter by type' },
      LAZY,
    );
    // Before any type is picked, the posture is listed with its own item.
    expect(
      await screen.findByRole('link', { name: 'Orders API' }, LAZY),
    ).toHaveAttribute('href', '/catalog/default/component/orders/ha-posture');

    await userEvent.click(within(types).getByText('HA posture'));
    await waitFor(
      () =>
        expect(api.query).toHaveBeenLastCalledWith(
          expect.objectContaining({ types: ['ha-posture'] }),
          expect.anything(),
        ),
      LAZY,
    );
    await waitFor(
      () => expect(screen.queryByRole('link', { name: 'orders' })).toBeNull(),
      LAZY,
    );
    expect(
      screen.getByRole('link', { name: 'Orders API' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Grade D' })).toBeInTheDocument();
    expect(screen.getByText('Owner: shop-team')).toBeInTheDocument();
  });

  it('shows the posture item in French (the type name stays as Backstage takes it)', async () => {
    renderSearchPage(searchApi(), inFrench(haPostureTranslations));
    // The French resources load after the first render, which renders the item again:
    // look up the nodes in the same pass.
    await waitFor(() => {
      expect(screen.getByText('Propriétaire : shop-team')).toBeInTheDocument();
      expect(screen.getByRole('img', { name: 'Note D' })).toBeInTheDocument();
    }, LAZY);
  });
});
