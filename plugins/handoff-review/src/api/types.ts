/* The handoff-review API's types, shared with the backend. */
export type { Grade } from '@diehard/plugin-ha-posture-common';
export type {
  Side,
  Evidence,
  FindingMessage,
  Waiver,
  ItemComment,
  ReviewItem,
  PostureSnapshot,
  SignOff,
  ItemState,
  ReviewStatus,
  ReviewView,
  ReviewEvent,
  ReviewChangeRequest as ReviewChange,
  ReviewListStatus,
} from '@diehard/plugin-handoff-review-common';
