import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  Grade,
  HA_CATEGORIES,
  HaCategory,
  HaPostureSearchFields,
} from '@diehard/plugin-ha-posture-common';
import { useLanguage } from '@diehard/plugin-ha-posture-react';
import { ReactElement } from 'react';
import { GradeBadge } from '../components/shared/GradeBadge';
import { haPostureTranslationRef } from '../translation';
import { ResultLine, aroundLine, findingLines } from './resultLines';

/** An `ha-posture` search document; those indexed by older collators lack some fields. */
type HaPostureSearchDocument = SearchDocument & Partial<HaPostureSearchFields>;

const useStyles = makeStyles(theme => ({
  item: { display: 'flex', width: '100%' },
  body: { flex: 1, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  lines: { margin: 0, paddingLeft: theme.spacing(2.5) },
  line: { wordBreak: 'break-word' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/**
 * Props of the posture search result: what Backstage's search page passes each item.
 *
 * @public
 */
export interface HaPostureSearchResultListItemProps {
  /** The `ha-posture` document found. */
  result?: SearchDocument;
  /** What the search engine marked in it: the finding lines shown are those. */
  highlight?: ResultHighlight;
  /** Its place among the results. */
  rank?: number;
  /** The icon the search page gives the item, before it. */
  icon?: ReactElement;
}

/**
 * A service's HA posture in the search results: its grade, its name (linking to its
 * HA posture tab), its owner, the categories of its findings and the findings that
 * match the search.
 */
export function HaPostureSearchResultListItem(
  props: HaPostureSearchResultListItemProps,
) {
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const french = useLanguage().startsWith('fr');
  const result = props.result as HaPostureSearchDocument | undefined;
  if (!result) return null;
  const grade = (result.grade || null) as Grade | null;
  const lines = result.rules?.length
    ? findingLines(result, props.highlight, french)
    : [];
  const around = aroundLine(result, props.highlight);
  const show = (line: ResultLine) =>
    line.highlighted && props.highlight ? (
      <HighlightedSearchResultText
        text={line.text}
        preTag={props.highlight.preTag}
        postTag={props.highlight.postTag}
      />
    ) : (
      line.text
    );
  const service = result.entityTitle || result.name || result.title;
  const categoryLabel = (category: string) =>
    HA_CATEGORIES.includes(category as HaCategory)
      ? t(`category.${category as HaCategory}`)
      : category;

  return (
    <article className={classes.item} aria-label={service}>
      {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
      <div className={classes.body}>
        <ListItemText
          primaryTypographyProps={{ variant: 'h6', component: 'div' }}
          primary={
            <span className={classes.heading}>
              <GradeBadge grade={grade} />
              <Link noTrack to={result.location}>
                {service}
              </Link>
            </span>
          }
          secondaryTypographyProps={{ component: 'div' }}
          secondary={
            <>
              <Typography variant="body2" color="textSecondary">
                {result.owner
                  ? t('search.owner', {
                      owner: humanizeEntityRef(parseEntityRef(result.owner), {
                        defaultKind: 'group',
                      }),
                    })
                  : t('search.noOwner')}
              </Typography>
              {lines.length ? (
                <>
                  <Typography variant="body2" color="textSecondary">
                    {lines.some(l => l.highlighted)
                      ? t('search.matching')
                      : t('search.findings')}
                  </Typography>
                  <ul className={classes.lines}>
                    {lines.map((line, i) => (
                      <Typography
                        key={i}
                        component="li"
                        variant="body2"
                        className={classes.line}
                      >
                        {show(line)}
                      </Typography>
                    ))}
                  </ul>
                </>
              ) : (
                <Typography variant="body2">{t('search.noFinding')}</Typography>
              )}
              {around && (
                <Typography variant="body2" className={classes.line}>
                  {t('search.around')} {show(around)}
                </Typography>
              )}
            </>
          }
        />
        <Box className={classes.chips}>
          {(result.categories ?? []).map(category => (
            <Chip key={category} size="small" label={categoryLabel(category)} />
          ))}
        </Box>
      </div>
    </article>
  );
}
