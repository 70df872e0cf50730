import { ResponseError } from '@backstage/errors';
import type { EntityReviewState } from '../reviewState';
import type {
  ReviewChangeRequest,
  ReviewEvent,
  ReviewListStatus,
  ReviewView,
} from '../types';

/**
 * Reads and changes handoff reviews (`/api/handoff-review`).
 *
 * @public
 */
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
    change: ReviewChangeRequest,
  ): Promise<ReviewView>;
  /** Every accepted change, oldest first. */
  getHistory(id: string): Promise<ReviewEvent[]>;
  /** The review as Markdown, for a change ticket, in French when `language` is French. */
  exportMarkdown(id: string, language?: string): Promise<string>;
  /**
   * Where the entity's latest review stands. Open to users who may read the entity and
   * to services (such as Tech Insights) whose token allows `handoff-review.read`.
   */
  getReviewState(entityRef: string): Promise<EntityReviewState>;
}

/**
 * Finds a backend plugin's base URL (the app's DiscoveryApi, or the backend's discovery service).
 *
 * @public
 */
export interface HandoffReviewDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * Sends a request with the caller's credentials (the app's FetchApi).
 *
 * @public
 */
export interface HandoffReviewFetch {
  fetch: typeof fetch;
}

/**
 * {@link HandoffReviewApi} over HTTP, through the caller's discovery and fetch.
 *
 * @public
 */
export class HandoffReviewClient implements HandoffReviewApi {
  private readonly discoveryApi: HandoffReviewDiscovery;
  private readonly fetchApi: HandoffReviewFetch;

  constructor(options: {
    discoveryApi: HandoffReviewDiscovery;
    fetchApi?: HandoffReviewFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
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
    change: ReviewChangeRequest,
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

  async getReviewState(entityRef: string): Promise<EntityReviewState> {
    return this.json(
      await this.request(
        `/review-state?${new URLSearchParams({ entityRef }).toString()}`,
      ),
    );
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
