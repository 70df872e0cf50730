import {
  NotFoundErrorPage,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { SwappableComponentBlueprint } from '@backstage/plugin-app-react';

/** The app's page for an address it does not have, in place of Backstage's. */
export const notFoundModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SwappableComponentBlueprint.make({
      name: 'core-not-found-error-page',
      params: define =>
        define({
          component: NotFoundErrorPage,
          loader: () => import('./NotFoundPage').then(m => m.NotFoundPage),
        }),
    }),
  ],
});
