import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { HandoffReviewApi } from './HandoffReviewApi';
import type {
  ReviewChange,
  ReviewEvent,
  ReviewListStatus,
  ReviewView,
} from './types';

/** {@link HandoffReviewApi} over HTTP, through the app's discovery and fetch APIs. */
export class HandoffReviewClient implements HandoffReviewApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async openReview(entityRef: string): Promise<ReviewView> {
    return this.json(await this.post('/reviews', { entityRef }));
  }

  async listReviews(
    filter: { entityRef?: string; status?: ReviewListStatus } = {},
  ): Promise<ReviewView[]> {
    const query = new URLSearchParams();
    if (filter.entityRef) query.set('entityRef', filter.entityRef);
    if (filter.status) query.set('status', filter.status);
    const search = query.toString();
    const body = await this.json<{ reviews: ReviewView[] }>(
      await this.request(`/reviews${search ? `?${search}` : ''}`),
    );
    return body.reviews;
  }

  async getReview(id: string): Promise<ReviewView> {
    return this.json(await this.request(reviewPath(id)));
  }

  async applyChange(
    id: string,
    version: number,
    change: ReviewChange,
  ): Promise<ReviewView> {
    return this.json(
      await this.post(`${reviewPath(id)}/changes`, { version, change }),
    );
  }

  async getHistory(id: string): Promise<ReviewEvent[]> {
    const body = await this.json<{ events: ReviewEvent[] }>(
      await this.request(`${reviewPath(id)}/history`),
    );
    return body.events;
  }

  async exportMarkdown(id: string, language?: string): Promise<string> {
    const lang = language?.startsWith('fr') ? '?lang=fr' : '';
    const response = await this.request(`${reviewPath(id)}/export${lang}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }

  private post(path: string, body: unknown): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('handoff-review');
    return this.fetchApi.fetch(`${baseUrl}${path}`, init);
  }

  private async json<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function reviewPath(id: string): string {
  return `/reviews/${encodeURIComponent(id)}`;
}
