import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HaPostureCardSectionBlueprint } from '@diehard/plugin-ha-posture-react';
import { handoffReviewApiFactory } from './api/handoffReviewApiFactory';
import { rootRouteRef } from './routes';

/** `api:handoff-review`: the client of the handoff-review backend. */
export const handoffReviewApi = ApiBlueprint.make({
  params: defineParams => defineParams(handoffReviewApiFactory),
});

/** `entity-content:handoff-review/handoff-review`: the "Handoff review" tab of Components and Systems. */
export const handoffReviewEntityContent = EntityContentBlueprint.make({
  name: 'handoff-review',
  params: {
    path: 'handoff-review',
    title: 'Handoff review',
    group: 'deployment',
    filter: { kind: { $in: ['component', 'system'] } },
    loader: () =>
      import('./components/EntityHandoffReviewContent').then(m => (
        <m.EntityHandoffReviewContent />
      )),
  },
});

/**
 * `ha-posture-card-section:handoff-review/status`: where the entity's handoff review stands,
 * on the HA posture card (its `sections` input); nothing when the posture plugin is absent.
 */
export const handoffReviewPostureCardSection =
  HaPostureCardSectionBlueprint.make({
    name: 'status',
    params: {
      loader: () =>
        import('./components/PostureCardSection').then(m => (
          <m.HandoffReviewStatus />
        )),
    },
  });

/** `page:handoff-review`: the open and stale reviews, for Ops. */
export const handoffReviewsPage = PageBlueprint.make({
  params: {
    path: '/handoff-reviews',
    routeRef: rootRouteRef,
    // Still the title other extensions read (navigation); the header is translated.
    title: 'Handoff reviews',
    icon: <AssignmentTurnedInIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/HandoffReviewsPage').then(m => (
        <m.HandoffReviewsPageLayout>
          <m.HandoffReviewsPage />
        </m.HandoffReviewsPageLayout>
      )),
  },
});

/**
 * Dev/Ops handoff reviews in the portal.
 *
 * @public
 */
export const handoffReviewPlugin = createFrontendPlugin({
  pluginId: 'handoff-review',
  title: 'Handoff reviews',
  icon: <AssignmentTurnedInIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [
    handoffReviewApi,
    handoffReviewEntityContent,
    handoffReviewPostureCardSection,
    handoffReviewsPage,
  ],
});
