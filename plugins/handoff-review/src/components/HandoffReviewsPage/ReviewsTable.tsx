import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReviewView } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { useDateFormat } from '../../hooks/useDateFormat';
import { blockingItems } from '../../lib/blockingItems';
import { shortRef } from '../../lib/refs';
import { StatusChip } from '../shared/StatusChip';

/** One row per review: entity, status, who opened it and when, what remains. */
export function ReviewsTable(props: { reviews: ReviewView[] }) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const format = useDateFormat();
  if (!props.reviews.length) {
    return <Typography>{t('page.empty')}</Typography>;
  }
  return (
    <Table aria-label={t('page.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('page.entity')}</TableCell>
          <TableCell>{t('page.status')}</TableCell>
          <TableCell>{t('page.openedBy')}</TableCell>
          <TableCell>{t('page.openedAt')}</TableCell>
          <TableCell align="right">{t('page.remaining')}</TableCell>
          <TableCell>{t('page.signOffs')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.reviews.map(review => {
          const sides = review.signOffs
            .map(s =>
              s.side === 'dev' ? t('side.devName') : t('side.opsName'),
            )
            .join(', ');
          return (
            <TableRow key={review.id}>
              <TableCell>
                <EntityRefLink entityRef={review.entityRef} />
              </TableCell>
              <TableCell>
                <StatusChip review={review} />
              </TableCell>
              <TableCell>{shortRef(review.createdBy)}</TableCell>
              <TableCell>{format.dateTime(review.createdAt)}</TableCell>
              <TableCell align="right">
                {blockingItems(review).length}
              </TableCell>
              <TableCell>{sides || t('page.none')}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
