import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { HandoffReviewClient } from '@diehard/plugin-handoff-review-common';
import { handoffReviewApiRef } from './HandoffReviewApi';

/** The handoff-review backend's client, for the plugin of either frontend system. */
export const handoffReviewApiFactory = createApiFactory({
  api: handoffReviewApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new HandoffReviewClient({ discoveryApi, fetchApi }),
});
