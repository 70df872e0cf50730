import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Content, InfoCard, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { handoffReviewApiRef } from '../../api';
import type { ReviewView } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { displayStatus } from '../shared/StatusChip';
import { ReviewsLoadFailed } from '../shared/ReviewsLoadFailed';
import { ReviewsTable } from './ReviewsTable';

type StatusFilter = 'all' | 'open' | 'stale';

/** `/handoff-reviews`: the reviews waiting for Ops, and approved ones that no longer hold. */
export function HandoffReviewsPage() {
  const api = useApi(handoffReviewApiRef);
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');

  const reviews = useAsyncRetry(async () => {
    const [open, stale] = await Promise.all([
      api.listReviews({ status: 'open' }),
      api.listReviews({ status: 'stale' }),
    ]);
    // Stale first: an approved service that no longer holds is the more urgent.
    return [...stale, ...open];
  }, [api]);

  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    return (reviews.value ?? []).filter(
      (review: ReviewView) =>
        (status === 'all' || displayStatus(review) === status) &&
        (!needle || review.entityRef.toLocaleLowerCase().includes(needle)),
    );
  }, [reviews.value, text, status]);

  return (
    <Content>
      <InfoCard>
        <Typography variant="body1" paragraph>
          {t('page.subtitle')}
        </Typography>
        <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
          <TextField
            id="handoff-entity-filter"
            label={t('page.filterText')}
            value={text}
            onChange={e => setText(e.target.value)}
            size="small"
          />
          <FormControl size="small" style={{ minWidth: 200 }}>
            <InputLabel id="handoff-status-filter">
              {t('page.filterStatus')}
            </InputLabel>
            <Select
              labelId="handoff-status-filter"
              name="status"
              value={status}
              onChange={e => setStatus(e.target.value as StatusFilter)}
            >
              <MenuItem value="all">{t('page.all')}</MenuItem>
              <MenuItem value="open">{t('status.open')}</MenuItem>
              <MenuItem value="stale">{t('status.stale')}</MenuItem>
            </Select>
          </FormControl>
        </Box>
        {reviews.loading && <Progress />}
        {reviews.error && (
          <ReviewsLoadFailed error={reviews.error} onRetry={reviews.retry} />
        )}
        {!reviews.loading && !reviews.error && <ReviewsTable reviews={shown} />}
      </InfoCard>
    </Content>
  );
}
