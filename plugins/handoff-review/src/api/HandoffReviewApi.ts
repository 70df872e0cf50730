import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ReviewChange,
  ReviewEvent,
  ReviewListStatus,
  ReviewView,
} from './types';

/** Reads and changes handoff reviews (`/api/handoff-review`). */
export interface HandoffReviewApi {
  /** Opens a review of an entity (`component:default/todo-web`). */
  openReview(entityRef: string): Promise<ReviewView>;
  /** Reviews, most recently changed first. */
  listReviews(filter?: {
    entityRef?: string;
    status?: ReviewListStatus;
  }): Promise<ReviewView[]>;
  getReview(id: string): Promise<ReviewView>;
  /**
   * Applies a change to the review as read at `version`; answers the review as it now
   * stands. A review changed meanwhile is refused with a 409 `ResponseError`.
   */
  applyChange(
    id: string,
    version: number,
    change: ReviewChange,
  ): Promise<ReviewView>;
  /** Every accepted change, oldest first. */
  getHistory(id: string): Promise<ReviewEvent[]>;
  /** The review as Markdown, for a change ticket, in French when `language` is French. */
  exportMarkdown(id: string, language?: string): Promise<string>;
}

export const handoffReviewApiRef = createApiRef<HandoffReviewApi>({
  id: 'plugin.handoff-review.service',
});
