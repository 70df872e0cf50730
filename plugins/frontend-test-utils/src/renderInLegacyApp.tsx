import { ReactElement } from 'react';
import { Route } from 'react-router-dom';
import { FlatRoutes } from '@backstage/core-app-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { todoWebEntity } from './entities';

type Apis = Parameters<typeof TestApiProvider>[0]['apis'];

/**
 * Renders in an app of Backstage's legacy frontend system (`@backstage/test-utils`), as an
 * app's `App.tsx` routes would: `element` on `todoWebEntity`'s page at `/`, and each of
 * `pages` at its path (where `path` opens the app). The permission API allows everything.
 */
export function renderInLegacyApp(
  element: ReactElement,
  options: {
    apis: Apis;
    pages?: Record<string, ReactElement>;
    path?: string;
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[permissionApiRef, mockApis.permission()], ...options.apis]}
    >
      <FlatRoutes>
        {Object.entries(options.pages ?? {}).map(([path, page]) => (
          <Route key={path} path={path} element={page} />
        ))}
        <Route
          path="/"
          element={
            <EntityProvider entity={todoWebEntity}>{element}</EntityProvider>
          }
        />
      </FlatRoutes>
    </TestApiProvider>,
    {
      routeEntries: [options.path ?? '/'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
