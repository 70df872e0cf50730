import SecurityIcon from '@material-ui/icons/Security';
import {
  ApiBlueprint,
  coreExtensionData,
  createExtensionInput,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { haPostureApiFactory } from './api/haPostureApiFactory';
import { rootRouteRef } from './routes';
import {
  haPostureSearchResultListItem,
  haPostureSearchResultType,
} from './search';

/** `api:ha-posture`: the client of the ha-posture backend. */
export const haPostureApi = ApiBlueprint.make({
  params: defineParams => defineParams(haPostureApiFactory),
});

/** Services, and the Resources they stand on (a Galera cluster, a shared volume). */
const postureKinds = { kind: { $in: ['component', 'resource'] } };

/**
 * `entity-card:ha-posture/overview`: grade and single points of failure on an entity's
 * overview, then the sections other plugins attach to its `sections` input
 * (`HaPostureCardSectionBlueprint` of ha-posture-react: the handoff review's state).
 */
export const haPostureEntityCard = EntityCardBlueprint.makeWithOverrides({
  name: 'overview',
  inputs: {
    sections: createExtensionInput([coreExtensionData.reactElement]),
  },
  factory(originalFactory, { inputs }) {
    const sections = inputs.sections.map(section =>
      section.get(coreExtensionData.reactElement),
    );
    return originalFactory({
      filter: postureKinds,
      loader: () =>
        import('./components/EntityHaPostureCard').then(m => (
          <m.EntityHaPostureCard sections={sections} />
        )),
    });
  },
});

/** `entity-content:ha-posture/ha-posture`: the "HA posture" tab of an entity. */
export const haPostureEntityContent = EntityContentBlueprint.make({
  name: 'ha-posture',
  params: {
    path: 'ha-posture',
    title: 'HA posture',
    group: 'deployment',
    filter: postureKinds,
    loader: () =>
      import('./components/EntityHaPostureContent').then(m => (
        <m.EntityHaPostureContent />
      )),
  },
});

/** `page:ha-posture`: every service's grade, and each cluster's own posture. */
export const haPosturePage = PageBlueprint.make({
  params: {
    path: '/ha-posture',
    routeRef: rootRouteRef,
    // Still the title other extensions read (navigation); the header is translated.
    title: 'HA posture',
    icon: <SecurityIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/HaPosturePage').then(m => (
        <m.HaPosturePageLayout>
          <m.HaPosturePage />
        </m.HaPosturePageLayout>
      )),
  },
});

/**
 * Diehard's HA posture in the portal.
 *
 * @public
 */
export const haPosturePlugin = createFrontendPlugin({
  pluginId: 'ha-posture',
  title: 'HA posture',
  icon: <SecurityIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [
    haPostureApi,
    haPostureEntityCard,
    haPostureEntityContent,
    haPosturePage,
    haPostureSearchResultType,
    haPostureSearchResultListItem,
  ],
});
