import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type {
  ReviewSummary,
  StaleReason,
} from '@diehard/plugin-handoff-review-common';
import { handoffReviewStatusApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { haPostureTranslationRef } from '../../translation';

/** The entity page's "Handoff review" tab (the handoff-review plugin's content path). */
const HANDOFF_TAB = 'handoff-review';

function useSummaryText() {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const reason = (r: StaleReason) =>
    r.kind === 'posture-degraded'
      ? t('card.handoff.staleDegraded', {
          signed: r.signed.grade ?? t('grade.none'),
          current: r.current.grade ?? t('grade.none'),
        })
      : t('card.handoff.staleWaiver', { count: r.itemIds.length });
  return (summary: ReviewSummary) => {
    switch (summary.state) {
      case 'none':
        return t('card.handoff.none');
      case 'open':
        return t('card.handoff.open', {
          done: String(summary.done),
          total: String(summary.total),
        });
      case 'approved':
        return t('card.handoff.approved');
      default:
        return t('card.handoff.stale', {
          reasons: summary.reasons.map(reason).join('; '),
        });
    }
  };
}

/** One line on the posture card: where the entity's handoff review stands, and a link to it. */
export function HandoffReviewStatus(props: { entity: Entity }) {
  const { entity } = props;
  const api = useApi(handoffReviewStatusApiRef);
  const { t } = useTranslationRef(haPostureTranslationRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const text = useSummaryText();
  const entityRef = stringifyEntityRef(entity);
  const { value, error, loading } = useAsync(
    () => api.getReviewSummary(entityRef),
    [api, entityRef],
  );
  if (loading) return null;
  return (
    <Box mt={2} component="section" aria-label={t('card.handoff.label')}>
      <Typography variant="subtitle2" component="h3">
        {t('card.handoff.label')}
      </Typography>
      {error || !value ? (
        <Typography variant="body2" color="error" role="alert">
          {t('card.handoff.failed', {
            message: describeError(error ?? new Error('no answer')),
          })}
        </Typography>
      ) : (
        <>
          <Typography
            variant="body2"
            color={value.state === 'stale' ? 'error' : 'textPrimary'}
          >
            {text(value)}
          </Typography>
          <Link to={`${entityRoute(entityRouteParams(entity))}/${HANDOFF_TAB}`}>
            {t('card.handoff.link')}
          </Link>
        </>
      )}
    </Box>
  );
}
