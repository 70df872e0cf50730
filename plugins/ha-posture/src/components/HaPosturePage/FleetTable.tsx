import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { FleetEntry, Grade } from '@diehard/plugin-ha-posture-common';
import { haPostureTranslationRef } from '../../translation';
import { GRADES, gradeRank, trendOf, TREND_ARROWS } from '../../lib/grades';
import { GradeBadge } from '../shared/GradeBadge';
import { RelativeTime } from '../shared/RelativeTime';
import { FilterSelect } from './FilterSelect';

const NONE = 'none';
const ALL = '';

/**
 * A column as wide as its widest cell or header, with narrow padding: the service's takes
 * the rest, so that all of them fit a laptop's screen (material-table otherwise gives each
 * the same share, and scrolls the table when the headers, French ones especially, do not
 * fit their shares).
 */
const NARROW = {
  whiteSpace: 'nowrap',
  paddingLeft: 8,
  paddingRight: 8,
} as const;
const COMPACT = {
  width: '1%',
  cellStyle: NARROW,
  headerStyle: NARROW,
} as const;

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

function matchesText(entry: FleetEntry, text: string): boolean {
  if (!text) return true;
  const needle = text.toLocaleLowerCase();
  return [entry.title, entry.entityRef, entry.owner, entry.system]
    .filter((v): v is string => Boolean(v))
    .some(v => v.toLocaleLowerCase().includes(needle));
}

function matchesGrade(entry: FleetEntry, grade: string): boolean {
  if (grade === ALL) return true;
  if (grade === NONE) return !entry.grade;
  return entry.grade === grade;
}

function worstFirst(a: FleetEntry, b: FleetEntry): number {
  const rank = (e: FleetEntry) => (e.grade ? gradeRank(e.grade) : -1);
  return rank(b) - rank(a) || b.critical - a.critical || b.warning - a.warning;
}

function Trend(props: { grade: Grade | null; previous: Grade | null }) {
  const { t } = useTranslationRef(haPostureTranslationRef);
  const trend = trendOf(props.grade, props.previous);
  if (trend === 'none') {
    return (
      <span aria-label={t('fleet.trendNone')} title={t('fleet.trendNone')}>
        –
      </span>
    );
  }
  const previous = props.previous!;
  const { label, color } = {
    up: { label: t('fleet.trendUp', { previous }), color: '#2e7d32' },
    down: { label: t('fleet.trendDown', { previous }), color: '#c62828' },
    same: { label: t('fleet.trendSame', { previous }), color: undefined },
  }[trend];
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      style={{ color, fontSize: '1.25rem', fontWeight: 700 }}
    >
      {TREND_ARROWS[trend]}
    </span>
  );
}

/** Every service with its grade, filterable by text, grade and owner; sortable. */
export function FleetTable(props: {
  entries: FleetEntry[];
  isLoading?: boolean;
}) {
  const { entries } = props;
  const { t } = useTranslationRef(haPostureTranslationRef);
  const [text, setText] = useState('');
  const [grade, setGrade] = useState<string>(ALL);
  const [owner, setOwner] = useState<string>(ALL);

  const owners = useMemo(
    () =>
      [
        ...new Set(entries.map(e => e.owner).filter((o): o is string => !!o)),
      ].sort(),
    [entries],
  );

  const rows = useMemo(
    () =>
      entries
        .filter(e => matchesText(e, text))
        .filter(e => matchesGrade(e, grade))
        .filter(e => (owner === ALL ? true : e.owner === owner))
        // Unsorted, the worst grades come first: what to fix.
        .sort(worstFirst)
        // material-table writes its own state into the rows: give it copies.
        .map(e => ({ ...e })),
    [entries, text, grade, owner],
  );

  // Stable columns: material-table keeps the user's sort only while they are the same.
  const columns = useMemo<TableColumn<FleetEntry>[]>(
    () => [
      {
        title: t('fleet.service'),
        field: 'entityRef',
        width: 'auto',
        customSort: (a, b) =>
          (a.title ?? nameOf(a.entityRef)).localeCompare(
            b.title ?? nameOf(b.entityRef),
          ),
        render: e => (
          <EntityRefLink entityRef={e.entityRef} hideIcon>
            {e.title ?? nameOf(e.entityRef)}
          </EntityRefLink>
        ),
      },
      {
        title: t('fleet.grade'),
        field: 'grade',
        ...COMPACT,
        customSort: (a, b) => gradeRank(a.grade) - gradeRank(b.grade),
        render: e => <GradeBadge grade={e.grade} />,
      },
      {
        title: t('fleet.trend'),
        field: 'previousGrade',
        ...COMPACT,
        sorting: false,
        render: e => <Trend grade={e.grade} previous={e.previousGrade} />,
      },
      {
        title: t('fleet.owner'),
        field: 'owner',
        ...COMPACT,
        render: e =>
          e.owner ? (
            <EntityRefLink entityRef={e.owner} defaultKind="group" hideIcon />
          ) : null,
      },
      {
        title: t('fleet.system'),
        field: 'system',
        ...COMPACT,
        render: e =>
          e.system ? (
            <EntityRefLink entityRef={e.system} defaultKind="system" hideIcon />
          ) : null,
      },
      {
        title: t('fleet.critical'),
        field: 'critical',
        type: 'numeric',
        ...COMPACT,
      },
      {
        title: t('fleet.warning'),
        field: 'warning',
        type: 'numeric',
        ...COMPACT,
      },
      {
        title: t('fleet.evaluatedAt'),
        field: 'evaluatedAt',
        ...COMPACT,
        customSort: (a, b) =>
          Date.parse(a.evaluatedAt) - Date.parse(b.evaluatedAt),
        render: e => <RelativeTime iso={e.evaluatedAt} short />,
      },
      {
        title: t('fleet.source'),
        field: 'source',
        ...COMPACT,
        render: e => t(`fleet.sourceType.${e.source}`),
      },
    ],
    [t],
  );

  return (
    <>
      <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
        <TextField
          id="ha-posture-filter-text"
          label={t('fleet.filterText')}
          value={text}
          onChange={e => setText(e.target.value)}
          variant="outlined"
          size="small"
        />
        <FilterSelect
          id="ha-posture-filter-grade"
          label={t('fleet.filterGrade')}
          value={grade}
          onChange={setGrade}
          minWidth={120}
          options={[
            { value: ALL, label: t('fleet.all') },
            ...GRADES.map(g => ({ value: g, label: g })),
            { value: NONE, label: t('grade.none') },
          ]}
        />
        <FilterSelect
          id="ha-posture-filter-owner"
          label={t('fleet.filterOwner')}
          value={owner}
          onChange={setOwner}
          minWidth={200}
          options={[
            { value: ALL, label: t('fleet.all') },
            ...owners.map(o => ({ value: o, label: o })),
          ]}
        />
      </Box>
      <Table<FleetEntry>
        title={t('fleet.title')}
        isLoading={props.isLoading}
        columns={columns}
        data={rows}
        options={{
          search: false,
          thirdSortClick: false,
          paging: rows.length > 20,
          pageSize: 20,
          padding: 'dense',
        }}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2">{t('fleet.empty')}</Typography>
          </Box>
        }
        localization={{
          pagination: {
            labelRowsPerPage: t('fleet.rowsPerPage'),
            labelRowsSelect: t('fleet.rowsPerPage'),
            labelDisplayedRows: t('fleet.displayedRows'),
            firstTooltip: t('fleet.firstPage'),
            firstAriaLabel: t('fleet.firstPage'),
            previousTooltip: t('fleet.previousPage'),
            previousAriaLabel: t('fleet.previousPage'),
            nextTooltip: t('fleet.nextPage'),
            nextAriaLabel: t('fleet.nextPage'),
            lastTooltip: t('fleet.lastPage'),
            lastAriaLabel: t('fleet.lastPage'),
          },
        }}
      />
    </>
  );
}
