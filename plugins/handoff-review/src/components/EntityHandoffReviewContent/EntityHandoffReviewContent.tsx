import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { handoffReviewCreatePermission } from '@diehard/plugin-handoff-review-common';
import { handoffReviewApiRef } from '../../api';
import type { ReviewView } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { describeError, policyRefused, refusalOf } from '../../lib/errors';
import { ReviewsLoadFailed } from '../shared/ReviewsLoadFailed';
import { ReviewPanel } from './ReviewPanel';

/** The most recently opened review. */
function latest(reviews: ReviewView[]): ReviewView | undefined {
  return [...reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** The "Handoff review" tab of a Component or System: its latest review, or a way to open one. */
export function EntityHandoffReviewContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(handoffReviewApiRef);
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const [opened, setOpened] = useState<ReviewView>();
  const mayOpen = usePermission({
    permission: handoffReviewCreatePermission,
    resourceRef: entityRef,
  });

  const reviews = useAsyncRetry(
    () => api.listReviews({ entityRef }),
    [api, entityRef],
  );
  const [opening, open] = useAsyncFn(async () => {
    setOpened(await api.openReview(entityRef));
  }, [api, entityRef]);

  /** Why opening failed, in the user's language when the backend said why as data. */
  const openFailedText = (error: Error) => {
    if (policyRefused(error, handoffReviewCreatePermission)) {
      return t('content.openRefused');
    }
    if (refusalOf(error)?.reason === 'no-owner') {
      return t('content.openNoOwner');
    }
    return t('content.openFailed', { message: describeError(error) });
  };

  if (reviews.loading) {
    return <Progress />;
  }
  if (reviews.error) {
    return <ReviewsLoadFailed error={reviews.error} onRetry={reviews.retry} />;
  }

  const review =
    (opened?.entityRef === entityRef ? opened : undefined) ??
    latest(reviews.value ?? []);
  if (review) {
    return <ReviewPanel key={review.id} initial={review} />;
  }
  return (
    <EmptyState
      missing="data"
      title={t('content.tabTitle')}
      description={t('content.none')}
      action={
        // If the policy cannot be asked, the button stays: the backend decides.
        !mayOpen.loading && !mayOpen.allowed && !mayOpen.error ? (
          <Typography>{t('content.openRefused')}</Typography>
        ) : (
          <>
            <Button
              variant="contained"
              color="primary"
              disabled={opening.loading || mayOpen.loading}
              onClick={() => open()}
            >
              {opening.loading ? t('content.opening') : t('content.open')}
            </Button>
            {opening.error && (
              <Typography color="error" role="alert" style={{ marginTop: 8 }}>
                {openFailedText(opening.error)}
              </Typography>
            )}
          </>
        )
      }
    />
  );
}
