import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { HA_CATEGORIES, severityRank } from '@diehard/plugin-ha-posture-common';
import type {
  Finding,
  HaCategory,
  Severity,
} from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { FindingItem } from './FindingItem';
import { SeverityChip } from '../shared/SeverityChip';

/** A finding and the workload it was found on (none for cluster findings). */
export interface LocatedFinding {
  finding: Finding;
  workload?: string;
}

/** Findings in the taxonomy's category order, most severe first within a category. */
export function groupByCategory(
  findings: LocatedFinding[],
): Array<{ category: HaCategory; findings: LocatedFinding[] }> {
  return HA_CATEGORIES.map(category => ({
    category,
    findings: findings
      .filter(f => f.finding.category === category)
      .sort(
        (a, b) =>
          severityRank(a.finding.severity) - severityRank(b.finding.severity),
      ),
  })).filter(group => group.findings.length > 0);
}

/** One accordion per category, the categories with critical findings open. */
export function FindingsByCategory(props: {
  findings: LocatedFinding[];
  emptyText: string;
}) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const groups = groupByCategory(props.findings);
  if (groups.length === 0) {
    return <Typography variant="body2">{props.emptyText}</Typography>;
  }
  return (
    <div>
      {groups.map(({ category, findings }) => {
        const worst: Severity = findings[0].finding.severity;
        const headingId = `ha-posture-category-${category}`;
        return (
          <Accordion
            key={category}
            defaultExpanded={worst === 'critical'}
            TransitionProps={{ unmountOnExit: false }}
          >
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Box display="flex" alignItems="center" style={{ gap: 12 }}>
                <SeverityChip severity={worst} />
                <Typography variant="h6" component="h3" id={headingId}>
                  {t(`category.${category}`)}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {t('content.findingCount', { count: findings.length })}
                </Typography>
              </Box>
            </AccordionSummary>
            <AccordionDetails>
              <Box width="100%" role="region" aria-labelledby={headingId}>
                {findings.map((f, i) => (
                  <FindingItem
                    key={i}
                    finding={f.finding}
                    workload={f.workload}
                  />
                ))}
              </Box>
            </AccordionDetails>
          </Accordion>
        );
      })}
    </div>
  );
}
