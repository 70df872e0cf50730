import type { EntityPosture } from '@diehard/plugin-ha-posture-common';
import type { EntityPostureState } from '../../hooks/useEntityPosture';
import { PostureSummary } from './PostureSummary';
import { SpofList } from './SpofList';

/**
 * An entity's posture at a glance, on the card and the tab alike: grade, source and
 * Refresh, then its single points of failure once a source was read.
 */
export function PostureOverview(props: {
  posture: EntityPosture;
  state: EntityPostureState;
}) {
  const { posture, state } = props;
  return (
    <>
      <PostureSummary
        posture={posture}
        onRefresh={() => state.refresh()}
        refreshing={state.refreshing}
        refreshError={state.refreshError}
      />
      {posture.source.type !== 'none' && (
        <SpofList
          spofs={posture.singlePointsOfFailure}
          report={posture.report}
        />
      )}
    </>
  );
}
