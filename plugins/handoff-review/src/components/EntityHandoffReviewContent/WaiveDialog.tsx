import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { handoffReviewTranslationRef } from '../../translation';

/** Tomorrow as YYYY-MM-DD (UTC, like the backend): the earliest expiry a waiver may have. */
export function tomorrow(now: Date = new Date()): string {
  return new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Asks for a reason and an expiry date, and waives the item with them. */
export function WaiveDialog(props: {
  open: boolean;
  itemTitle: string;
  busy: boolean;
  onClose: () => void;
  onWaive: (waiver: { reason: string; expiresOn: string }) => void;
}) {
  const { open, itemTitle, busy, onClose, onWaive } = props;
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const earliest = tomorrow();
  const valid = reason.trim().length > 0 && expiresOn >= earliest;
  const titleId = `waive-title-${itemTitle.replace(/\W+/g, '-')}`;

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth>
      <form
        onSubmit={event => {
          event.preventDefault();
          if (valid) onWaive({ reason: reason.trim(), expiresOn });
        }}
      >
        <DialogTitle id={titleId}>
          {t('waive.title', { item: itemTitle })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{t('waive.explanation')}</DialogContentText>
          <TextField
            id="handoff-waive-reason"
            label={t('waive.reason')}
            value={reason}
            onChange={e => setReason(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            required
            margin="normal"
            inputProps={{ maxLength: 2000 }}
          />
          <TextField
            id="handoff-waive-expires-on"
            label={t('waive.expiresOn')}
            type="date"
            value={expiresOn}
            onChange={e => setExpiresOn(e.target.value)}
            helperText={t('waive.expiresOnHelp')}
            required
            margin="normal"
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: earliest }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('waive.cancel')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!valid || busy}
          >
            {t('waive.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
