import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { DEFAULT_ITEM_TITLES } from '@diehard/plugin-handoff-review-common';
import type { ReviewItem } from '../api';
import { handoffReviewTranslationRef } from '../translation';

const KNOWN_TITLES = DEFAULT_ITEM_TITLES;

type TitleKey = keyof typeof KNOWN_TITLES;

function isTitleKey(key: string): key is TitleKey {
  return Object.prototype.hasOwnProperty.call(KNOWN_TITLES, key);
}

/**
 * An item's title in the user's language. Titles of the default checklist are
 * translated; an item configured otherwise keeps the title the backend sent.
 */
export function useItemTitle(): (
  item: Pick<ReviewItem, 'id' | 'title' | 'kind' | 'category'>,
) => string {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  return item => {
    const key =
      item.kind === 'automatic' && item.category ? item.category : item.id;
    if (!isTitleKey(key) || KNOWN_TITLES[key] !== item.title) {
      return item.title;
    }
    return t(`itemTitle.${key}`);
  };
}
