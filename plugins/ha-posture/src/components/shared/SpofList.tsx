import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Finding, PostureReport } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { useFindingText } from '../../hooks/useFindingText';
import { sentence } from './PostureSummary';

/** Each single point of failure sentence of a report's findings, with its finding. */
function spofFindings(report?: PostureReport): Map<string, Finding> {
  const findings = new Map<string, Finding>();
  for (const f of [
    ...(report?.workloads ?? []).flatMap(w => w.findings),
    ...(report?.cluster?.findings ?? []),
  ])
    if (f.spof) findings.set(f.spof, f);
  return findings;
}

/**
 * The single points of failure, in the backend's plain words, in the user's language when the
 * report carries their messages.
 */
export function SpofList(props: { spofs: string[]; report?: PostureReport }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const texts = useFindingText();
  const findings = spofFindings(props.report);
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
                primary={sentence(
                  (findings.has(spof) && texts.spof(findings.get(spof)!)) ||
                    spof,
                )}
                style={{ whiteSpace: 'normal' }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
