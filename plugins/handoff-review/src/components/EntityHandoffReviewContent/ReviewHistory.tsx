import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { handoffReviewApiRef } from '../../api';
import type { PostureSnapshot, ReviewEvent, ReviewView } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { useDateFormat } from '../../hooks/useDateFormat';
import { useItemTitle } from '../../hooks/useItemTitle';
import { useReadFailureText } from '../../hooks/useReadFailureText';
import { shortRef } from '../../lib/refs';
import { useGradeText } from '../shared/PostureText';

function useDescribeEvent(review: ReviewView) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const format = useDateFormat();
  const itemTitle = useItemTitle();
  const gradeText = useGradeText();

  const titleOf = (itemId: unknown) => {
    const item = review.items.find(i => i.id === itemId);
    return item ? itemTitle(item) : String(itemId);
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');

  return (event: ReviewEvent): string => {
    const { detail } = event;
    let what: string;
    switch (event.action) {
      case 'open':
        what = t('history.open', {
          grade: gradeText(detail.posture as PostureSnapshot | undefined),
        });
        break;
      case 'answer':
        what = t(detail.done ? 'history.answerDone' : 'history.answerNotDone', {
          item: titleOf(detail.itemId),
        });
        break;
      case 'comment':
        what = t('history.comment', {
          item: titleOf(detail.itemId),
          text: text(detail.text),
        });
        break;
      case 'waive':
        what = t('history.waive', {
          item: titleOf(detail.itemId),
          expiresOn: format.date(text(detail.expiresOn)),
          reason: text(detail.reason),
        });
        break;
      case 'sign-off':
        what = t('history.signOff', {
          side: detail.side === 'ops' ? t('side.opsName') : t('side.devName'),
          grade: gradeText(detail.posture as PostureSnapshot | undefined),
        });
        break;
      default:
        what = t('history.other', { action: event.action });
    }
    if (
      Array.isArray(detail.signOffsCleared) &&
      detail.signOffsCleared.length
    ) {
      what = `${what}. ${t('history.signOffsCleared')}`;
    }
    return what;
  };
}

/** Who changed what and when, oldest first; reloaded whenever the review changes. */
export function ReviewHistory(props: { review: ReviewView }) {
  const { review } = props;
  const api = useApi(handoffReviewApiRef);
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const format = useDateFormat();
  const describe = useDescribeEvent(review);
  const failureText = useReadFailureText();
  const history = useAsync(
    () => api.getHistory(review.id),
    [api, review.id, review.version],
  );

  if (history.loading && !history.value) {
    return <Progress />;
  }
  if (history.error) {
    return (
      <Typography color="error" role="alert">
        {t('history.failed', { message: failureText(history.error) })}
      </Typography>
    );
  }
  const events = history.value ?? [];
  if (!events.length) {
    return <Typography>{t('history.empty')}</Typography>;
  }
  return (
    <Table size="small" aria-label={t('history.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('history.when')}</TableCell>
          <TableCell>{t('history.who')}</TableCell>
          <TableCell>{t('history.what')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map(event => (
          <TableRow key={event.version}>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {format.dateTime(event.at)}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {shortRef(event.actor)}
            </TableCell>
            <TableCell>{describe(event)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
