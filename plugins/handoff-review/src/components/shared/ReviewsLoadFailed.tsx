import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { handoffReviewTranslationRef } from '../../translation';
import { describeError } from '../../lib/errors';

/** Why the reviews could not be loaded, and a Retry button. */
export function ReviewsLoadFailed(props: {
  error: Error;
  onRetry: () => void;
}) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  return (
    <Box role="alert">
      <Typography color="error" paragraph>
        {t('loadFailed', { message: describeError(props.error) })}
      </Typography>
      <Button variant="outlined" onClick={props.onRetry}>
        {t('retry')}
      </Button>
    </Box>
  );
}
