import Chip from '@material-ui/core/Chip';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ReviewView } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';

/** What a list or a header shows of a review's status: open, approved, or stale. */
export type DisplayStatus = 'open' | 'approved' | 'stale';

export function displayStatus(
  review: Pick<ReviewView, 'status' | 'stale'>,
): DisplayStatus {
  return review.stale ? 'stale' : review.status;
}

const COLORS: Record<DisplayStatus, string> = {
  open: '#1565c0',
  approved: '#2e7d32',
  stale: '#c62828',
};

/** The review's status as a coloured chip. */
export function StatusChip(props: {
  review: Pick<ReviewView, 'status' | 'stale'>;
}) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const status = displayStatus(props.review);
  return (
    <Chip
      size="small"
      label={t(`status.${status}`)}
      style={{ backgroundColor: COLORS[status], color: '#fff' }}
    />
  );
}
