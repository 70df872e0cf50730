import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { EntityPosture } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { describeError } from '../../lib/errors';
import { EntityPostureState } from '../../hooks/useEntityPosture';

/** Loading, error and unknown-entity states; the children once there is a posture. */
export function PostureState(props: {
  state: EntityPostureState;
  children: (posture: EntityPosture) => ReactNode;
}) {
  const { state } = props;
  const { t } = useTranslationRef(haPostureTranslationRef);
  if (state.loading) {
    return <Progress />;
  }
  if (state.error) {
    return (
      <Typography color="error" role="alert">
        {t('loadFailed', { message: describeError(state.error) })}
      </Typography>
    );
  }
  if (!state.posture) {
    return <Typography variant="body2">{t('unknownEntity')}</Typography>;
  }
  return <>{props.children(state.posture)}</>;
}
