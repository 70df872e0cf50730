/** Alice of dev-team and Bruno of ops-team, as a review's transitions see them. */
export const DEV_REVIEWER = {
  userEntityRef: 'user:default/alice',
  ownershipEntityRefs: ['group:default/dev-team'],
};
export const OPS_REVIEWER = {
  userEntityRef: 'user:default/bruno',
  ownershipEntityRefs: ['group:default/ops-team'],
};

/** A posture graded A with no findings, evaluated the day the reviews are opened. */
export const GRADE_A = {
  grade: 'A' as const,
  critical: 0,
  warning: 0,
  evaluatedAt: '2026-11-20T00:00:00Z',
};
