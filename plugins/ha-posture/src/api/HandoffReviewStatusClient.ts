import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ReviewSummary,
  ReviewView,
  summarizeReviews,
} from '@diehard/plugin-handoff-review-common';
import { HandoffReviewStatusApi } from './HandoffReviewStatusApi';

/** {@link HandoffReviewStatusApi} over `GET /api/handoff-review/reviews?entityRef=`. */
export class HandoffReviewStatusClient implements HandoffReviewStatusApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async getReviewSummary(entityRef: string): Promise<ReviewSummary> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'handoff-review',
    );
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}/reviews?entityRef=${encodeURIComponent(entityRef)}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const { reviews } = (await response.json()) as { reviews: ReviewView[] };
    return summarizeReviews(reviews);
  }
}
