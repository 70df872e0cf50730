import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CodeSnippet } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Finding } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { useFindingText } from '../../hooks/useFindingText';
import { splitRemediation } from '../../lib/remediation';
import { SEVERITY_COLORS, SeverityChip } from '../shared/SeverityChip';
import { sentence } from '../shared/PostureSummary';

const useStyles = makeStyles(theme => ({
  finding: {
    borderLeft: '4px solid',
    paddingLeft: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  label: {
    fontWeight: 600,
    marginRight: theme.spacing(1),
  },
  evidence: {
    fontFamily: 'monospace',
    fontSize: '0.85rem',
  },
  objects: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
}));

/** One finding: severity, message, evidence, objects and how to fix it. */
export function FindingItem(props: { finding: Finding; workload?: string }) {
  const { finding, workload } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const texts = useFindingText();
  const message = texts.message(finding);
  const spof = texts.spof(finding);
  const evidence = texts.evidence(finding);
  const remediation = texts.remediation(finding);
  return (
    <Box
      className={classes.finding}
      style={{ borderColor: SEVERITY_COLORS[finding.severity] }}
      component="article"
      aria-label={message}
    >
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <SeverityChip severity={finding.severity} />
        {workload && (
          <Typography variant="caption" color="textSecondary">
            {t('content.workload')} {workload}
          </Typography>
        )}
      </Box>
      <Typography variant="body1" style={{ marginTop: 4 }}>
        {message}
      </Typography>
      {spof && (
        <Typography variant="body2" style={{ color: SEVERITY_COLORS.critical }}>
          <span className={classes.label}>{t('content.spof')}</span>
          {sentence(spof)}
        </Typography>
      )}
      {evidence && (
        <Typography variant="body2">
          <span className={classes.label}>{t('content.evidence')}</span>
          <code className={classes.evidence}>{evidence}</code>
        </Typography>
      )}
      {finding.objects.length > 0 && (
        <Box display="flex" alignItems="center" mt={0.5}>
          <Typography variant="body2" className={classes.label}>
            {t('content.objects')}
          </Typography>
          <div className={classes.objects}>
            {finding.objects.map(object => (
              <Chip
                key={object}
                size="small"
                variant="outlined"
                label={object}
              />
            ))}
          </div>
        </Box>
      )}
      {remediation && (
        <Box mt={1}>
          <Typography variant="body2" className={classes.label}>
            {t('content.remediation')}
          </Typography>
          {splitRemediation(remediation).map((block, i) =>
            block.type === 'code' ? (
              <CodeSnippet
                key={i}
                language="yaml"
                text={block.content}
                showCopyCodeButton
              />
            ) : (
              <Typography
                key={i}
                variant="body2"
                style={{ whiteSpace: 'pre-wrap' }}
              >
                {block.content}
              </Typography>
            ),
          )}
        </Box>
      )}
    </Box>
  );
}
