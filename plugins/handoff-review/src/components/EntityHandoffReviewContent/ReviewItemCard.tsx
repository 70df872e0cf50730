import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ItemState, ReviewChange, ReviewItem } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { useDateFormat } from '../../hooks/useDateFormat';
import { useItemTitle } from '../../hooks/useItemTitle';
import { useFindingLines } from '../../hooks/useFindingLines';
import { shortRef } from '../../lib/refs';
import { ItemStateChip } from '../shared/ItemStateChip';
import { CommentBox } from './CommentBox';
import { WaiveDialog } from './WaiveDialog';

const useStyles = makeStyles(theme => ({
  item: { padding: theme.spacing(1.5), marginBottom: theme.spacing(1.5) },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  list: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
}));

/**
 * One checklist item: its state, why, what was said of it, and what the signed-in
 * user can do with it (the `can*` flags: controls they may not use are not shown).
 */
export function ReviewItemCard(props: {
  item: ReviewItem;
  state: ItemState;
  canAnswer: boolean;
  canWaive: boolean;
  canComment: boolean;
  busy: boolean;
  onChange: (change: ReviewChange) => Promise<boolean>;
}) {
  const { item, state, canAnswer, canWaive, canComment, busy, onChange } =
    props;
  const classes = useStyles();
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const format = useDateFormat();
  const title = useItemTitle()(item);
  const findings = useFindingLines()(item);
  const [commenting, setCommenting] = useState(false);
  const [waiving, setWaiving] = useState(false);
  const titleId = `handoff-item-${item.id}`;
  const waiverExpired = !!item.waiver && state !== 'waived';

  return (
    <Paper
      variant="outlined"
      component="article"
      aria-labelledby={titleId}
      className={classes.item}
    >
      <div className={classes.header}>
        <Typography id={titleId} variant="subtitle2" component="h3">
          {title}
        </Typography>
        <ItemStateChip state={state} />
      </div>
      <Typography variant="caption" color="textSecondary">
        {item.kind === 'automatic' ? t('item.automatic') : t('item.manual')}
      </Typography>

      {item.kind === 'automatic' && item.evidence && (
        <Typography variant="body2">
          {t(`item.evidence.${item.evidence}`)}
        </Typography>
      )}
      {item.checked && (
        <Typography variant="caption" component="p" color="textSecondary">
          {item.checked.length
            ? t('item.checked', { objects: item.checked.join(', ') })
            : t('item.checkedNone')}
        </Typography>
      )}
      {!!findings.length && (
        <ul className={classes.list} aria-label={t('item.findings')}>
          {findings.map(finding => (
            <li key={finding}>
              <Typography variant="body2">{finding}</Typography>
            </li>
          ))}
        </ul>
      )}
      {item.answer && (
        <Typography variant="body2">
          {t(item.answer.done ? 'item.answeredDone' : 'item.answeredNotDone', {
            user: shortRef(item.answer.by),
            when: format.dateTime(item.answer.at),
          })}
        </Typography>
      )}
      {item.waiver && (
        <Typography variant="body2">
          {t(waiverExpired ? 'item.waiverExpired' : 'item.waiver', {
            user: shortRef(item.waiver.approver),
            expiresOn: format.date(item.waiver.expiresOn),
            reason: item.waiver.reason,
          })}
        </Typography>
      )}
      {item.comments.length > 0 && (
        <Box mt={1}>
          <Typography variant="caption" component="h4">
            {t('item.comments')}
          </Typography>
          <ul className={classes.list} aria-label={t('item.comments')}>
            {item.comments.map(comment => (
              <li key={`${comment.at}-${comment.author}`}>
                <Typography variant="body2">{comment.text}</Typography>
                <Typography variant="caption" color="textSecondary">
                  {t('item.commentBy', {
                    user: shortRef(comment.author),
                    when: format.dateTime(comment.at),
                  })}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}

      <div className={classes.actions}>
        {canAnswer && item.kind === 'manual' && item.answer?.done !== true && (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            disabled={busy}
            onClick={() =>
              onChange({ action: 'answer', itemId: item.id, done: true })
            }
          >
            {t('item.markDone')}
          </Button>
        )}
        {canAnswer && item.kind === 'manual' && item.answer?.done !== false && (
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            onClick={() =>
              onChange({ action: 'answer', itemId: item.id, done: false })
            }
          >
            {t('item.markNotDone')}
          </Button>
        )}
        {canWaive && state !== 'passed' && (
          <Button size="small" disabled={busy} onClick={() => setWaiving(true)}>
            {t('item.waive')}
          </Button>
        )}
        {canComment && !commenting && (
          <Button
            size="small"
            disabled={busy}
            onClick={() => setCommenting(true)}
          >
            {t('item.comment')}
          </Button>
        )}
      </div>
      {commenting && (
        <CommentBox
          id={`handoff-comment-${item.id}`}
          busy={busy}
          onComment={text =>
            onChange({ action: 'comment', itemId: item.id, text })
          }
          onCancel={() => setCommenting(false)}
        />
      )}
      {waiving && (
        <WaiveDialog
          open
          itemTitle={title}
          busy={busy}
          onClose={() => setWaiving(false)}
          onWaive={async ({ reason, expiresOn }) => {
            await onChange({
              action: 'waive',
              itemId: item.id,
              reason,
              expiresOn,
            });
            setWaiving(false);
          }}
        />
      )}
    </Paper>
  );
}
