import type { ReviewView } from '../api';

/** Items that stop any sign-off: open, or failing without a waiver that still holds. */
export function blockingItems(review: ReviewView): string[] {
  return review.items
    .filter(item => {
      const state = review.itemStates[item.id];
      return state === 'open' || state === 'failed';
    })
    .map(item => item.id);
}
