import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@backstage/core-plugin-api';
import { handoffReviewApiFactory } from '../api/handoffReviewApiFactory';

const rootRouteRef = createRouteRef({ id: 'handoff-review' });

/**
 * The handoff review plugin for an app of Backstage's legacy frontend system (`App.tsx`
 * with routes, `EntityPage.tsx`): its client, and the tab, page and card section below.
 *
 * @public
 */
export const handoffReviewLegacyPlugin = createPlugin({
  id: 'handoff-review',
  apis: [handoffReviewApiFactory],
  routes: { root: rootRouteRef },
});

/**
 * The entity's "Handoff review" tab (legacy frontend system), for Components and Systems,
 * at the path `handoff-review` (the posture card's section links there).
 *
 * @public
 */
export const EntityHandoffReviewContent: () => JSX.Element | null =
  handoffReviewLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityHandoffReviewContent',
      component: {
        lazy: () =>
          import('../components/EntityHandoffReviewContent').then(
            m => m.EntityHandoffReviewContent,
          ),
      },
    }),
  );

/**
 * Where the entity's handoff review stands, with a link to its tab (legacy frontend
 * system): a section of the posture card, `<EntityHaPostureCard sections={[<EntityHandoffReviewStatus />]} />`.
 *
 * @public
 */
export const EntityHandoffReviewStatus: () => JSX.Element | null =
  handoffReviewLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityHandoffReviewStatus',
      component: {
        lazy: () =>
          import('../components/PostureCardSection').then(
            m => m.HandoffReviewStatus,
          ),
      },
    }),
  );

/**
 * The page of open and stale reviews, for Ops (legacy frontend system), for a
 * `<Route path="/handoff-reviews">`.
 *
 * @public
 */
export const HandoffReviewsPage: () => JSX.Element | null =
  handoffReviewLegacyPlugin.provide(
    createRoutableExtension({
      name: 'HandoffReviewsPage',
      mountPoint: rootRouteRef,
      component: () =>
        import('../components/HandoffReviewsPage').then(
          m => m.LegacyHandoffReviewsPage,
        ),
    }),
  );
