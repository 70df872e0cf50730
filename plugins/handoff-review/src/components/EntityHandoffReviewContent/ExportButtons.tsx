import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { handoffReviewApiRef } from '../../api';
import type { ReviewView } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';
import { useReadFailureText } from '../../hooks/useReadFailureText';
import { useLanguage } from '@diehard/plugin-ha-posture-react';

function download(fileName: string, markdown: string) {
  const url = URL.createObjectURL(
    new Blob([markdown], { type: 'text/markdown;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The review as Markdown for a change ticket: downloaded, or copied to the clipboard. */
export function ExportButtons(props: { review: ReviewView }) {
  const { review } = props;
  const api = useApi(handoffReviewApiRef);
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const language = useLanguage();
  const failureText = useReadFailureText();
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard;

  const run = async (action: (markdown: string) => Promise<void> | void) => {
    setMessage(undefined);
    try {
      await action(await api.exportMarkdown(review.id, language));
    } catch (error) {
      setMessage({
        error: true,
        text: t('export.failed', { message: failureText(error as Error) }),
      });
    }
  };

  const fileName = `handoff-review-${parseEntityRef(review.entityRef).name}-v${
    review.version
  }.md`;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <Button
        variant="outlined"
        onClick={() => run(md => download(fileName, md))}
      >
        {t('export.download')}
      </Button>
      {canCopy && (
        <Button
          onClick={() =>
            run(async md => {
              await navigator.clipboard.writeText(md);
              setMessage({ error: false, text: t('export.copied') });
            })
          }
        >
          {t('export.copy')}
        </Button>
      )}
      {message && (
        <Typography
          variant="body2"
          role={message.error ? 'alert' : 'status'}
          color={message.error ? 'error' : 'textSecondary'}
        >
          {message.text}
        </Typography>
      )}
    </Box>
  );
}
