import { Fragment, ReactElement } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { haPostureTranslationRef } from '../../translation';
import { useEntityPosture } from '../../hooks/useEntityPosture';
import { PostureOverview } from '../shared/PostureOverview';
import { PostureState } from '../shared/PostureState';

/**
 * Props of the posture card.
 *
 * @public
 */
export interface EntityHaPostureCardProps {
  /** Shown under the posture, in order (the handoff review's state). */
  sections?: ReactElement[];
}

/**
 * The overview card: grade, single points of failure, source, refresh, then the sections
 * other plugins add (the handoff review's state).
 */
export function EntityHaPostureCard(props: EntityHaPostureCardProps) {
  const { entity } = useEntity();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const state = useEntityPosture(getCompoundEntityRef(entity));
  return (
    <InfoCard title={t('card.title')}>
      <PostureState state={state}>
        {posture => <PostureOverview posture={posture} state={state} />}
      </PostureState>
      {(props.sections ?? []).map((section, i) => (
        <Fragment key={i}>{section}</Fragment>
      ))}
    </InfoCard>
  );
}
