import type { Grade } from '@diehard/plugin-ha-posture-common';

/** Best first. */
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** 0 for A … 4 for F; no grade sorts after F. */
export function gradeRank(grade: Grade | null | undefined): number {
  return grade ? GRADES.indexOf(grade) : GRADES.length;
}

/** Colours that read on the light and the dark theme. */
export const GRADE_COLORS: Record<Grade, string> = {
  A: '#2e7d32',
  B: '#689f38',
  C: '#f9a825',
  D: '#ef6c00',
  F: '#c62828',
};

export const NO_GRADE_COLOR = '#757575';

export function gradeColor(grade: Grade | null | undefined): string {
  return grade ? GRADE_COLORS[grade] : NO_GRADE_COLOR;
}

export type Trend = 'up' | 'down' | 'same' | 'none';

/** How the grade moved since the previous one: up means better. */
export function trendOf(grade: Grade | null, previous: Grade | null): Trend {
  if (!grade || !previous) {
    return 'none';
  }
  const delta = gradeRank(previous) - gradeRank(grade);
  if (delta > 0) return 'up';
  if (delta < 0) return 'down';
  return 'same';
}

export const TREND_ARROWS: Record<Trend, string> = {
  up: '↑',
  down: '↓',
  same: '→',
  none: '',
};
