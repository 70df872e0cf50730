import { lazy, Suspense } from 'react';
import {
  coreExtensionData,
  createExtensionBlueprint,
  ExtensionBoundary,
} from '@backstage/frontend-plugin-api';

/**
 * A section of the HA posture card (`entity-card:ha-posture/overview`), below the grade and
 * single points of failure: another plugin adds what it knows of the entity (the handoff
 * review's state) without either plugin depending on the other. The section renders inside
 * the entity page, so it reads the entity with `useEntity`.
 *
 * @public
 */
export const HaPostureCardSectionBlueprint = createExtensionBlueprint({
  kind: 'ha-posture-card-section',
  attachTo: { id: 'entity-card:ha-posture/overview', input: 'sections' },
  output: [coreExtensionData.reactElement],
  *factory(params: { loader: () => Promise<JSX.Element> }, { node }) {
    const Section = lazy(() =>
      params.loader().then(element => ({ default: () => element })),
    );
    // Nothing while the section's code loads: the card shows no second progress bar.
    yield coreExtensionData.reactElement(
      <ExtensionBoundary node={node}>
        <Suspense fallback={null}>
          <Section />
        </Suspense>
      </ExtensionBoundary>,
    );
  },
});
