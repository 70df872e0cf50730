import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Grade } from '@diehard/plugin-ha-posture-common';
import { gradeColor } from '../../lib/grades';
import { haPostureTranslationRef } from '../../translation';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: 8,
    color: '#fff',
    fontWeight: 700,
    lineHeight: 1,
  },
  large: { width: 72, height: 72, fontSize: 48 },
  small: { width: 28, height: 28, fontSize: 16, borderRadius: 4 },
});

/** The grade as a coloured letter; a dash when there is none. */
export function GradeBadge(props: {
  grade: Grade | null | undefined;
  size?: 'large' | 'small';
}) {
  const { grade, size = 'small' } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(haPostureTranslationRef);
  const label = grade ? t('grade.label', { grade }) : t('grade.noneLabel');
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`${classes.badge} ${classes[size]}`}
      style={{ backgroundColor: gradeColor(grade) }}
    >
      {grade ?? '–'}
    </span>
  );
}
