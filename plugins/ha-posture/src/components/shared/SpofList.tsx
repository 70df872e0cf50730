import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { haPostureTranslationRef } from '../../translation';
import { sentence } from './PostureSummary';

/** The single points of failure, in the backend's plain words. */
export function SpofList(props: { spofs: string[] }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3">
        {t('card.spofTitle')}
      </Typography>
      {props.spofs.length === 0 ? (
        <Typography variant="body2">{t('card.noSpof')}</Typography>
      ) : (
        <List dense aria-label={t('card.spofTitle')}>
          {props.spofs.map(spof => (
            <ListItem key={spof} disableGutters>
              <ListItemIcon style={{ minWidth: 32 }}>
                <WarningIcon style={{ color: '#c62828' }} fontSize="small" />
              </ListItemIcon>
              {/* Backstage's theme keeps dense list text on one line; these sentences wrap. */}
              <ListItemText
                primary={sentence(spof)}
                style={{ whiteSpace: 'normal' }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
