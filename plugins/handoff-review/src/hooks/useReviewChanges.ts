import { useCallback, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { handoffReviewApiRef } from '../api';
import type { ReviewChange, ReviewView } from '../api';
import type { ChangeRefusal } from '@diehard/plugin-handoff-review-common';
import { describeError, refusalOf, statusOf } from '../lib/errors';

/**
 * Why the last change did not go through: what kind of refusal it was, for the page to
 * say it in the user's language, and the backend's own (English) words for the rest.
 */
export interface ChangeNotice {
  /** `conflict`: the review changed meanwhile (409) and has been reloaded. */
  kind: 'conflict' | 'refused';
  /** The backend's message: shown only for a refusal the page cannot translate. */
  message: string;
  /** Why, as data, when the backend said it so. */
  refusal?: ChangeRefusal;
}

export interface ReviewChangesState {
  review: ReviewView;
  /** Applies a change to the version shown; true when it went through. */
  apply: (change: ReviewChange) => Promise<boolean>;
  reload: () => Promise<void>;
  busy: boolean;
  notice?: ChangeNotice;
  dismissNotice: () => void;
}

/**
 * A review and the changes made to it from this page. Every change carries the
 * version on screen; when someone changed the review meanwhile, the user is told so
 * and the review is reloaded.
 */
export function useReviewChanges(initial: ReviewView): ReviewChangesState {
  const api = useApi(handoffReviewApiRef);
  const [review, setReview] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ChangeNotice>();

  const reload = useCallback(async () => {
    setReview(await api.getReview(review.id));
  }, [api, review.id]);

  const apply = useCallback(
    async (change: ReviewChange) => {
      setBusy(true);
      setNotice(undefined);
      try {
        setReview(await api.applyChange(review.id, review.version, change));
        return true;
      } catch (error) {
        const message = describeError(error as Error);
        const refusal = refusalOf(error as Error);
        if (statusOf(error as Error) === 409) {
          setNotice({ kind: 'conflict', message, refusal });
          try {
            await reload();
          } catch {
            // The notice already tells the user to check the review; Reload stays available.
          }
        } else {
          setNotice({ kind: 'refused', message, refusal });
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, review.id, review.version, reload],
  );

  return {
    review,
    apply,
    reload,
    busy,
    notice,
    dismissNotice: () => setNotice(undefined),
  };
}
