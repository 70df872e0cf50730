import {
  createFrontendModule,
  TranslationResource,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';

/**
 * What `renderInTestApp` or `renderTestApp` need to show a plugin in French the way
 * the app does: its translation resource registered in the app, French as the app's
 * language. The app keeps the last language in localStorage: clear it after each test.
 */
export function inFrench(resource: TranslationResource) {
  return {
    features: [
      createFrontendModule({
        pluginId: 'app',
        extensions: [
          TranslationBlueprint.make({
            name: resource.id,
            params: { resource },
          }),
        ],
      }),
    ],
    config: {
      app: {
        baseUrl: 'http://localhost:3000',
        extensions: [
          {
            'api:app/app-language': {
              config: {
                defaultLanguage: 'fr',
                availableLanguages: ['en', 'fr'],
              },
            },
          },
        ],
      },
      backend: { baseUrl: 'http://localhost:7007' },
    },
  };
}
