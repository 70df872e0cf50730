import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { PostureSnapshot } from '../../api';
import { handoffReviewTranslationRef } from '../../translation';

/** `grade C`, or `no grade` when the posture engine gave none. */
export function useGradeText() {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  return (posture: PostureSnapshot | undefined) =>
    posture?.grade
      ? t('grade.value', { grade: posture.grade })
      : t('grade.none');
}

/** A posture snapshot: `grade C (critical: 1, warnings: 2)`, or `unknown`. */
export function PostureText(props: { posture?: PostureSnapshot }) {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const gradeText = useGradeText();
  const { posture } = props;
  if (!posture) {
    return <>{t('grade.unknown')}</>;
  }
  return (
    <>
      {t('grade.details', {
        grade: gradeText(posture),
        critical: String(posture.critical),
        warning: String(posture.warning),
      })}
    </>
  );
}
