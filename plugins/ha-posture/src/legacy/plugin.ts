import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { HA_POSTURE_SEARCH_TYPE } from '@diehard/plugin-ha-posture-common';
import { haPostureApiFactory } from '../api/haPostureApiFactory';
import type { EntityHaPostureCardProps } from '../components/EntityHaPostureCard/EntityHaPostureCard';
import type { HaPostureSearchResultListItemProps } from '../search/HaPostureSearchResultListItem';

const rootRouteRef = createRouteRef({ id: 'ha-posture' });

/**
 * The HA posture plugin for an app of Backstage's legacy frontend system (`App.tsx` with
 * routes, `EntityPage.tsx`): its client, and the card, tab and page below.
 *
 * @public
 */
export const haPostureLegacyPlugin = createPlugin({
  id: 'ha-posture',
  apis: [haPostureApiFactory],
  routes: { root: rootRouteRef },
});

/**
 * The entity overview's card (legacy frontend system): grade, single points of failure,
 * source, refresh, then `sections`, other plugins' parts of the card, in order.
 *
 * @public
 */
export const EntityHaPostureCard: (
  props: EntityHaPostureCardProps,
) => JSX.Element | null = haPostureLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityHaPostureCard',
    component: {
      lazy: () =>
        import('../components/EntityHaPostureCard').then(
          m => m.EntityHaPostureCard,
        ),
    },
  }),
);

/**
 * The entity's "HA posture" tab (legacy frontend system): failure domains, findings by
 * category, grade history.
 *
 * @public
 */
export const EntityHaPostureContent: () => JSX.Element | null =
  haPostureLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityHaPostureContent',
      component: {
        lazy: () =>
          import('../components/EntityHaPostureContent').then(
            m => m.EntityHaPostureContent,
          ),
      },
    }),
  );

/**
 * The page of every service's grade and each cluster's own posture (legacy frontend
 * system), for a `<Route path="/ha-posture">`.
 *
 * @public
 */
export const HaPosturePage: () => JSX.Element | null =
  haPostureLegacyPlugin.provide(
    createRoutableExtension({
      name: 'HaPosturePage',
      mountPoint: rootRouteRef,
      component: () =>
        import('../components/HaPosturePage').then(m => m.LegacyHaPosturePage),
    }),
  );

/**
 * A posture among the search results (legacy frontend system), for the app's
 * `<SearchResult>`: grade, service, owner, categories and the findings that match.
 *
 * @public
 */
export const HaPostureSearchResultListItem: (
  props: HaPostureSearchResultListItemProps,
) => JSX.Element | null = haPostureLegacyPlugin.provide(
  createSearchResultListItemExtension({
    name: 'HaPostureSearchResultListItem',
    predicate: result => result.type === HA_POSTURE_SEARCH_TYPE,
    component: () =>
      import('../search/HaPostureSearchResultListItem').then(
        m => m.HaPostureSearchResultListItem,
      ),
  }),
);
