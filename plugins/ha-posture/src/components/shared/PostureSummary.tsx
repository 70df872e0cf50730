import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  EntityPosture,
  haPostureRefreshPermission,
} from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { describeError } from '../../lib/errors';
import { GradeBadge } from './GradeBadge';
import { NoSourceExplanation, PostureSource } from './PostureSource';
import { useRelativeTime } from './RelativeTime';
import { formatDateTime } from '../../lib/relativeTime';
import { useLanguage } from '@diehard/plugin-ha-posture-react';

/** Grade, source, when it was evaluated, and the refresh button. */
export function PostureSummary(props: {
  posture: EntityPosture;
  onRefresh: () => void;
  refreshing: boolean;
  refreshError?: Error;
}) {
  const { posture, onRefresh, refreshing, refreshError } = props;
  const { t } = useTranslationRef(haPostureTranslationRef);
  const relative = useRelativeTime();
  const language = useLanguage();
  const { allowed } = usePermission({
    permission: haPostureRefreshPermission,
    resourceRef: posture.entityRef,
  });
  return (
    <Box display="flex" alignItems="center" style={{ gap: 16 }}>
      <GradeBadge grade={posture.grade} size="large" />
      <Box flex={1}>
        <PostureSource source={posture.source} />
        <Typography
          variant="body2"
          color="textSecondary"
          title={formatDateTime(posture.evaluatedAt, language)}
        >
          {t('evaluated', { when: relative(posture.evaluatedAt) })}
        </Typography>
        {posture.source.type === 'none' && (
          <Box mt={1}>
            <NoSourceExplanation
              reason={posture.source.reason}
              reasonMessages={posture.source.reasonMessages}
            />
          </Box>
        )}
        {refreshError && (
          <Typography variant="body2" color="error" role="alert">
            {t('refreshFailed', { message: describeError(refreshError) })}
          </Typography>
        )}
      </Box>
      <span title={allowed ? undefined : t('refreshNotAllowed')}>
        <Button
          variant="outlined"
          size="small"
          startIcon={<RefreshIcon />}
          onClick={onRefresh}
          disabled={refreshing || !allowed}
        >
          {refreshing ? t('refreshing') : t('refresh')}
        </Button>
      </span>
    </Box>
  );
}

/** "If node worker-1 fails, …": the backend's sentence, capitalised. */
export function sentence(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}
