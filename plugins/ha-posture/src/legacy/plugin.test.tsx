import { screen } from '@testing-library/react';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import { renderInLegacyApp } from '@diehard/frontend-test-utils';
import { haPostureApiRef } from '../api';
import { fakeHaPostureApi } from '../testing/fakeApi';
import { samplePosture } from '../testing/fixtures';
import { ordersPostureDocument } from '../testing/searchDocuments';
import {
  EntityHaPostureCard,
  EntityHaPostureContent,
  HaPosturePage,
  HaPostureSearchResultListItem,
} from './plugin';

const api = fakeHaPostureApi();

// The extensions load lazily, material-table and all: slow on a shared machine.
jest.setTimeout(60_000);
const LAZY = { timeout: 30_000 };

/** `element` on todo-web's page of a legacy app, whose routes have the fleet page. */
const renderLegacy = (element: JSX.Element, path?: string) =>
  renderInLegacyApp(element, {
    apis: [[haPostureApiRef, api]],
    pages: { '/ha-posture': <HaPosturePage /> },
    path,
  });

describe('the legacy frontend system', () => {
  it('shows the entity card with its grade and an active Refresh', async () => {
    await renderLegacy(<EntityHaPostureCard />);
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
    await renderLegacy(<EntityHaPostureContent />);
    expect(
      await screen.findByText('Findings by category', {}, LAZY),
    ).toBeInTheDocument();
  });

  it('shows the fleet page with its own header', async () => {
    await renderLegacy(<div />, '/ha-posture');
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
    await renderLegacy(
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
