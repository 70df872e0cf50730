import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  handoffReviewAnswerPermission,
  handoffReviewSignOffPermission,
  handoffReviewWaivePermission,
} from '@diehard/plugin-handoff-review-common';
import type { ReviewView } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { useDateFormat } from '../../hooks/useDateFormat';
import { useItemTitle } from '../../hooks/useItemTitle';
import { ChangeNotice, useReviewChanges } from '../../hooks/useReviewChanges';
import { useReviewAccess } from '../../hooks/useReviewAccess';
import { shortRef } from '../../lib/refs';
import { PostureText } from '../shared/PostureText';
import { StatusChip } from '../shared/StatusChip';
import { ExportButtons } from './ExportButtons';
import { ReviewHistory } from './ReviewHistory';
import { SideColumn } from './SideColumn';

/**
 * Why a change did not go through, in the user's language: a conflict, or a refusal the
 * backend explained as data; any other refusal in the backend's own words.
 */
function noticeText(
  notice: ChangeNotice,
  t: TranslationFunction<typeof handoffReviewTranslationRef.T>,
  date: (iso: string) => string,
  itemTitle: (itemId: string) => string,
): string {
  if (notice.kind === 'conflict') return t('change.conflict');
  const refusal = notice.refusal;
  switch (refusal?.reason) {
    case 'not-member':
      return t('change.notMember', {
        side: refusal.side === 'dev' ? t('side.devName') : t('side.opsName'),
        group: shortRef(refusal.group),
      });
    case 'policy-refused':
      switch (refusal.permission) {
        case handoffReviewAnswerPermission.name:
          return t('change.policyAnswer');
        case handoffReviewWaivePermission.name:
          return t('change.policyWaive');
        case handoffReviewSignOffPermission.name:
          return t('change.policySignOff');
        default:
          return t('change.failed', { message: notice.message });
      }
    case 'unknown-item':
      return t('change.unknownItem', { item: refusal.itemId });
    case 'item-checked-by-engine':
      return t('change.itemCheckedByEngine', {
        item: itemTitle(refusal.itemId),
      });
    case 'text-not-visible':
      return refusal.field === 'comment'
        ? t('change.commentNotVisible')
        : t('change.waiverReasonNotVisible');
    case 'text-too-long': {
      const values = {
        length: String(refusal.length),
        max: String(refusal.max),
      };
      return refusal.field === 'comment'
        ? t('change.commentTooLong', values)
        : t('change.waiverReasonTooLong', values);
    }
    case 'waiver-date-invalid':
      return t('change.waiverDateInvalid');
    case 'waiver-date-not-after-today':
      return t('change.waiverDateNotAfterToday');
    case 'waiver-date-too-late':
      return t('change.waiverDateTooLate', {
        maxDays: String(refusal.maxDays),
        latest: date(refusal.latest),
      });
    default:
      return t('change.failed', { message: notice.message });
  }
}

function Notice(props: {
  review: ReviewView;
  notice: ChangeNotice;
  onDismiss: () => void;
  onReload: () => void;
}) {
  const { review, notice, onDismiss, onReload } = props;
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const format = useDateFormat();
  const title = useItemTitle();
  const itemTitle = (itemId: string) => {
    const item = review.items.find(i => i.id === itemId);
    return item ? title(item) : itemId;
  };
  return (
    <Paper
      role="alert"
      variant="outlined"
      style={{ borderColor: '#c62828', padding: 12 }}
    >
      <Typography variant="body2">
        {noticeText(notice, t, format.date, itemTitle)}
      </Typography>
      <Box mt={1} display="flex" style={{ gap: 8 }}>
        <Button size="small" onClick={onReload}>
          {t('content.reload')}
        </Button>
        <Button size="small" onClick={onDismiss}>
          {t('change.dismiss')}
        </Button>
      </Box>
    </Paper>
  );
}

/** A review on the entity's tab: its status and postures, both sides, and its history. */
export function ReviewPanel(props: { initial: ReviewView }) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const format = useDateFormat();
  const { review, apply, reload, busy, notice, dismissNotice } =
    useReviewChanges(props.initial);
  const access = useReviewAccess(review);
  // Answers and sign-offs are refused per side (SideColumn says why); waivers and
  // comments only by the policy, for the whole review.
  const policyRefusals: string[] = [];
  if (!access.waive.loading && !access.waive.allowed) {
    policyRefusals.push(t('access.waivePolicy'));
  }
  if (!access.comment.loading && !access.comment.allowed) {
    policyRefusals.push(t('access.commentPolicy'));
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={
            <Box
              role="heading"
              aria-level={2}
              display="flex"
              alignItems="center"
              style={{ gap: 12 }}
            >
              <span>{t('title')}</span>
              <StatusChip review={review} />
            </Box>
          }
          subheader={`${t('content.openedBy', {
            user: shortRef(review.createdBy),
            when: format.dateTime(review.createdAt),
          })} · ${t('content.version', { version: String(review.version) })}`}
        >
          {review.stale && (
            <Typography variant="body2" color="error" paragraph>
              {t('content.staleExplanation')}
            </Typography>
          )}
          <Grid container spacing={2}>
            <Grid item xs={12} sm={6}>
              <Typography variant="overline" component="p">
                {t('content.postureWhenOpened')}
              </Typography>
              <Typography aria-label={t('content.postureWhenOpened')}>
                <PostureText posture={review.posture} />
              </Typography>
            </Grid>
            <Grid item xs={12} sm={6}>
              <Typography variant="overline" component="p">
                {t('content.postureNow')}
              </Typography>
              <Typography aria-label={t('content.postureNow')}>
                <PostureText posture={review.currentPosture} />
              </Typography>
            </Grid>
          </Grid>
          <Box mt={2}>
            <ExportButtons review={review} />
          </Box>
          {policyRefusals.map(text => (
            <Typography
              key={text}
              variant="caption"
              component="p"
              color="textSecondary"
            >
              {text}
            </Typography>
          ))}
        </InfoCard>
      </Grid>
      {notice && (
        <Grid item xs={12}>
          <Notice
            review={review}
            notice={notice}
            onDismiss={dismissNotice}
            onReload={reload}
          />
        </Grid>
      )}
      {(['dev', 'ops'] as const).map(side => (
        <Grid item xs={12} md={6} key={side}>
          <SideColumn
            review={review}
            side={side}
            access={access}
            busy={busy}
            onChange={apply}
          />
        </Grid>
      ))}
      <Grid item xs={12}>
        <InfoCard title={t('history.title')}>
          <ReviewHistory review={review} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
