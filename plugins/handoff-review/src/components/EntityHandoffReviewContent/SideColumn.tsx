import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ReviewChange, ReviewView, Side } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { useDateFormat } from '../../hooks/useDateFormat';
import type { Access, ReviewAccess } from '../../hooks/useReviewAccess';
import { blockingItems } from '../../lib/blockingItems';
import { shortRef } from '../../lib/refs';
import { useGradeText } from '../shared/PostureText';
import { ReviewItemCard } from './ReviewItemCard';

/** Says why a control of this side is not offered; nothing while access is being checked. */
function RefusalCaption(props: {
  access: Access;
  notMember: (group: string) => string;
  policy: string;
}) {
  const { access, notMember, policy } = props;
  if (access.loading || access.allowed) return null;
  return (
    <Typography variant="caption" component="p" color="textSecondary">
      {access.refusal.kind === 'not-member'
        ? notMember(shortRef(access.refusal.group))
        : policy}
    </Typography>
  );
}

/**
 * One side of the review (Dev or Ops): its items and its sign-off. Answers and the
 * sign-off are offered only to those who can give them; the others read why.
 */
export function SideColumn(props: {
  review: ReviewView;
  side: Side;
  access: ReviewAccess;
  busy: boolean;
  onChange: (change: ReviewChange) => Promise<boolean>;
}) {
  const { review, side, access, busy, onChange } = props;
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const format = useDateFormat();
  const gradeText = useGradeText();
  const headingId = `handoff-side-${side}`;
  const group = side === 'dev' ? review.devGroup : review.opsGroup;
  const sideName = side === 'dev' ? t('side.devName') : t('side.opsName');
  const signOff = review.signOffs.find(s => s.side === side);
  const blocking = blockingItems(review);
  const blockingHere = blocking.filter(item => item.side === side).length;
  const blockingOther = blocking.length - blockingHere;
  const otherName = side === 'dev' ? t('side.opsName') : t('side.devName');
  const hasManualItems = review.items.some(
    item => item.side === side && item.kind === 'manual',
  );

  return (
    <section aria-labelledby={headingId}>
      <Typography id={headingId} variant="h6" component="h2">
        {side === 'dev' ? t('side.dev') : t('side.ops')}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {t('side.group', { group: shortRef(group) })}
      </Typography>
      {hasManualItems && (
        <RefusalCaption
          access={access.answer[side]}
          notMember={g =>
            t('access.answerNotMember', { side: sideName, group: g })
          }
          policy={t('access.answerPolicy', { side: sideName })}
        />
      )}
      {review.items
        .filter(item => item.side === side)
        .map(item => (
          <ReviewItemCard
            key={item.id}
            item={item}
            state={review.itemStates[item.id] ?? 'open'}
            canAnswer={access.answer[side].allowed}
            canWaive={access.waiveItems[side].allowed}
            canComment={access.comment.allowed}
            busy={busy}
            onChange={onChange}
          />
        ))}
      <Divider />
      <Box mt={2}>
        <Typography variant="body2" gutterBottom>
          {signOff
            ? t('signOff.signed', {
                user: shortRef(signOff.by),
                when: format.dateTime(signOff.at),
                grade: gradeText(signOff.posture),
              })
            : t('signOff.notSigned')}
        </Typography>
        {!signOff && (
          <RefusalCaption
            access={access.signOff[side]}
            notMember={g =>
              t('access.signOffNotMember', { side: sideName, group: g })
            }
            policy={t('access.signOffPolicy', { side: sideName })}
          />
        )}
        {!signOff && access.signOff[side].allowed && (
          <>
            <Button
              variant="contained"
              color="primary"
              disabled={busy || blocking.length > 0}
              onClick={() => onChange({ action: 'sign-off', side })}
            >
              {t('signOff.button', { side: sideName })}
            </Button>
            {blocking.length > 0 && (
              <Typography variant="caption" component="p" color="textSecondary">
                {blockingHere === 0 &&
                  t('signOff.blockedOther', {
                    count: blockingOther,
                    side: otherName,
                  })}
                {blockingHere > 0 &&
                  blockingOther === 0 &&
                  t('signOff.blockedHere', { count: blockingHere })}
                {blockingHere > 0 &&
                  blockingOther > 0 &&
                  t('signOff.blockedBoth', {
                    count: blockingHere,
                    other: String(blockingOther),
                    side: otherName,
                  })}
              </Typography>
            )}
          </>
        )}
      </Box>
    </section>
  );
}
