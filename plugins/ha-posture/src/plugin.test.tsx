import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { inFrench } from '@diehard/frontend-test-utils';
import haPosturePlugin, { haPostureTranslations } from './index';
import { haPostureApiRef } from './api';
import { fakeHaPostureApi } from './testing/fakeApi';

const api = fakeHaPostureApi();

// The page is loaded lazily, material-table and all: slow on a shared machine.
jest.setTimeout(60_000);
const LAZY = { timeout: 30_000 };

describe('haPosturePlugin', () => {
  // The app keeps the user's language in local storage: start each test afresh.

  it('declares the API, the entity card and tab, and the page', () => {
    expect(haPosturePlugin.id).toBe('ha-posture');
    expect(haPosturePlugin.getExtension('page:ha-posture')).toBeDefined();
    expect(haPosturePlugin.getExtension('api:ha-posture')).toBeDefined();
    expect(
      haPosturePlugin.getExtension('entity-card:ha-posture/overview'),
    ).toBeDefined();
    expect(
      haPosturePlugin.getExtension('entity-content:ha-posture/ha-posture'),
    ).toBeDefined();
  });

  it('serves the fleet page at /ha-posture', async () => {
    renderTestApp({
      features: [haPosturePlugin],
      initialRouteEntries: ['/ha-posture'],
      apis: [[haPostureApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    await screen.findByText('Every service', {}, LAZY);
    expect(
      await screen.findByRole('img', { name: 'Grade F' }),
    ).toHaveTextContent('F');
    expect(
      screen.getByRole('heading', { level: 1, name: 'HA posture' }),
    ).toBeInTheDocument();
  });

  it('speaks French once the app registers the translation resource', async () => {
    const french = inFrench(haPostureTranslations);
    renderTestApp({
      features: [haPosturePlugin, ...french.features],
      config: french.config,
      initialRouteEntries: ['/ha-posture'],
      apis: [[haPostureApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    await screen.findByText('Tous les services', {}, LAZY);
    // The page header too, not only its content.
    expect(
      screen.getByRole('heading', { level: 1, name: 'Posture HA' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'HA posture' }),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'Note F' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Moins bonne que la précédente (C)' }),
    ).toHaveTextContent('↓');
  });
});
