import type { ReviewItem, ReviewView } from '../api';

/** Items that stop any sign-off: open, or failing without a waiver that still holds. */
export function blockingItems(review: ReviewView): ReviewItem[] {
  return review.items.filter(item => {
    const state = review.itemStates[item.id];
    return state === 'open' || state === 'failed';
  });
}
