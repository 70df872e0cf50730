import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { handoffReviewTranslationRef } from '../../translation';

/** A text box to comment on an item; empties itself once the comment is posted. */
export function CommentBox(props: {
  id: string;
  busy: boolean;
  onComment: (text: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { busy, onComment, onCancel } = props;
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const [text, setText] = useState('');
  return (
    <Box
      component="form"
      mt={1}
      onSubmit={async (event: React.FormEvent) => {
        event.preventDefault();
        if (text.trim() && (await onComment(text.trim()))) {
          setText('');
          onCancel();
        }
      }}
    >
      <TextField
        id={props.id}
        label={t('item.commentLabel')}
        value={text}
        onChange={e => setText(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        size="small"
        inputProps={{ maxLength: 4000 }}
      />
      <Box mt={1} display="flex" style={{ gap: 8 }}>
        <Button
          type="submit"
          size="small"
          color="primary"
          variant="contained"
          disabled={busy || !text.trim()}
        >
          {t('item.postComment')}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t('item.cancel')}
        </Button>
      </Box>
    </Box>
  );
}
