import Chip from '@material-ui/core/Chip';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ItemState } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';

const COLORS: Record<ItemState, { background: string; color: string }> = {
  passed: { background: '#2e7d32', color: '#fff' },
  failed: { background: '#c62828', color: '#fff' },
  open: { background: '#e0e0e0', color: '#000' },
  waived: { background: '#ef6c00', color: '#fff' },
};

/** An item's state today: passed, failed, open or waived. */
export function ItemStateChip(props: { state: ItemState }) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const { background, color } = COLORS[props.state];
  return (
    <Chip
      size="small"
      label={t(`state.${props.state}`)}
      style={{ backgroundColor: background, color }}
    />
  );
}
