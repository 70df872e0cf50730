import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ReviewSummary,
  StaleReason,
  summarizeReviews,
} from '@diehard/plugin-handoff-review-common';
import { handoffReviewApiRef } from '../../api';
import { describeError, statusOf } from '../../lib/errors';
import { handoffReviewTranslationRef } from '../../translation';

/** The entity page's "Handoff review" tab (this plugin's content path). */
const HANDOFF_TAB = 'handoff-review';

function useSummaryText() {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const reason = (r: StaleReason) =>
    r.kind === 'posture-degraded'
      ? t('postureCard.staleDegraded', {
          signed: r.signed.grade ?? t('postureCard.noGrade'),
          current: r.current.grade ?? t('postureCard.noGrade'),
        })
      : t('postureCard.staleWaiver', { count: r.itemIds.length });
  return (summary: ReviewSummary) => {
    switch (summary.state) {
      case 'none':
        return t('postureCard.none');
      case 'open':
        return t('postureCard.open', {
          done: String(summary.done),
          total: String(summary.total),
        });
      case 'approved':
        return t('postureCard.approved');
      default:
        return t('postureCard.stale', {
          reasons: summary.reasons.map(reason).join('; '),
        });
    }
  };
}

/** What went wrong, with the backend's HTTP status when it explained itself. */
function failure(error: Error): string {
  const text = describeError(error);
  const status = statusOf(error);
  return status !== undefined && text !== error.message
    ? `${text} (${status})`
    : text;
}

/**
 * On the HA posture card: where the entity's handoff review stands, and a link to it. Attached
 * to the card's `sections` input, so neither plugin depends on the other.
 */
export function HandoffReviewStatus() {
  const { entity } = useEntity();
  const api = useApi(handoffReviewApiRef);
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  // The catalog's route ref, resolved by its own API's hook: in apps of either system.
  const entityRoute = useRouteRef(entityRouteRef);
  const text = useSummaryText();
  const entityRef = stringifyEntityRef(entity);
  const { value, error, loading } = useAsync(
    async () => summarizeReviews(await api.listReviews({ entityRef })),
    [api, entityRef],
  );
  if (loading) return null;
  return (
    <Box mt={2} component="section" aria-label={t('postureCard.label')}>
      <Typography variant="subtitle2" component="h3">
        {t('postureCard.label')}
      </Typography>
      {error || !value ? (
        <Typography variant="body2" color="error" role="alert">
          {t('postureCard.failed', {
            message: failure(error ?? new Error('no answer')),
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
            {t('postureCard.link')}
          </Link>
        </>
      )}
    </Box>
  );
}
