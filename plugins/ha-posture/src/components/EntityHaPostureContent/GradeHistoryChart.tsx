import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { PostureHistoryPoint } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { GRADES, gradeColor, gradeRank } from '../../lib/grades';
import { formatDateTime } from '../../lib/relativeTime';
import { useLanguage } from '@diehard/plugin-ha-posture-react';

const WIDTH = 560;
const HEIGHT = 160;
const LEFT = 28;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 24;

/**
 * The grade over time as a small step chart, A at the top, F at the bottom. Each
 * point is a change; the last grade holds until now.
 */
export function GradeHistoryChart(props: {
  points: PostureHistoryPoint[];
  now?: number;
}) {
  const { now = Date.now() } = props;
  const theme = useTheme();
  const language = useLanguage();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const points = [...props.points].sort(
    (a, b) => Date.parse(a.evaluatedAt) - Date.parse(b.evaluatedAt),
  );
  if (points.length === 0) {
    return <Typography variant="body2">{t('content.historyEmpty')}</Typography>;
  }
  const first = points[0];
  const last = points[points.length - 1];
  const start = Date.parse(first.evaluatedAt);
  const end = Math.max(Date.parse(last.evaluatedAt), now);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (iso: string) =>
    end === start
      ? LEFT + plotWidth / 2
      : LEFT + ((Date.parse(iso) - start) * plotWidth) / (end - start);
  const y = (grade: PostureHistoryPoint['grade']) =>
    TOP + (gradeRank(grade) * plotHeight) / (GRADES.length - 1);
  const path = [
    ...points.map((p, i) =>
      i === 0
        ? `M ${x(p.evaluatedAt)} ${y(p.grade)}`
        : `H ${x(p.evaluatedAt)} V ${y(p.grade)}`,
    ),
    `H ${end === start ? LEFT + plotWidth / 2 : WIDTH - RIGHT}`,
  ].join(' ');
  const text = theme.palette.text.secondary;
  return (
    <svg
      role="img"
      aria-label={t('content.historyLabel', {
        first: first.grade,
        firstDay: first.day,
        last: last.grade,
        lastDay: last.day,
      })}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
    >
      {GRADES.map(g => (
        <g key={g}>
          <line
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(g)}
            y2={y(g)}
            stroke={theme.palette.divider}
            strokeDasharray="2 4"
          />
          <text
            x={4}
            y={y(g) + 4}
            fontSize={12}
            fill={gradeColor(g)}
            fontWeight={700}
          >
            {g}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={text} strokeWidth={2} />
      {points.map(p => (
        <circle
          key={p.evaluatedAt}
          cx={x(p.evaluatedAt)}
          cy={y(p.grade)}
          r={4}
          fill={gradeColor(p.grade)}
        >
          <title>
            {t('content.historyPoint', {
              day: formatDateTime(p.evaluatedAt, language),
              grade: p.grade,
              critical: String(p.critical),
              warning: String(p.warning),
            })}
          </title>
        </circle>
      ))}
      <text x={LEFT} y={HEIGHT - 6} fontSize={11} fill={text}>
        {first.day}
      </text>
      {points.length > 1 && (
        <text
          x={WIDTH - RIGHT}
          y={HEIGHT - 6}
          fontSize={11}
          fill={text}
          textAnchor="end"
        >
          {last.day}
        </text>
      )}
    </svg>
  );
}
