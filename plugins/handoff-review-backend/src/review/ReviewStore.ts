import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { Review, ReviewEvent } from '@diehard/plugin-handoff-review-common';

const migrationsDir = resolvePackagePath(
  '@diehard/plugin-handoff-review-backend',
  'migrations',
);

/**
 * Reviews and their history. Every write is conditional on the version the writer
 * read, and writes its event in the same transaction: a change is either recorded
 * whole or refused, whichever backend replica receives it.
 */
export class ReviewStore {
  static async create(database: DatabaseService): Promise<ReviewStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new ReviewStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async insert(review: Review, event: Omit<ReviewEvent, 'version'>) {
    await this.db.transaction(async tx => {
      await tx('reviews').insert({
        id: review.id,
        entity_ref: review.entityRef,
        status: 'open',
        version: review.version,
        updated_at: new Date(event.at),
        body: JSON.stringify(review),
      });
      await tx('review_events').insert(eventRow(review, event));
    });
  }

  /** Replaces the review if it is still at `review.version - 1`. */
  async update(
    review: Review,
    status: string,
    event: Omit<ReviewEvent, 'version'>,
  ) {
    await this.db.transaction(async tx => {
      const updated = await tx('reviews')
        .where({ id: review.id, version: review.version - 1 })
        .update({
          version: review.version,
          status,
          updated_at: new Date(event.at),
          body: JSON.stringify(review),
        });
      if (updated !== 1) {
        throw new ConflictError(
          `review ${review.id} was changed by someone else at the same time; reload it and apply your change again`,
        );
      }
      await tx('review_events').insert(eventRow(review, event));
    });
  }

  async get(id: string): Promise<Review> {
    const row = await this.db('reviews').where({ id }).first();
    if (!row) throw new NotFoundError(`no handoff review '${id}'`);
    return JSON.parse(row.body);
  }

  /** Most recently changed first; at most `limit` when given. */
  async list(filter: {
    entityRef?: string;
    status?: string;
    limit?: number;
  }): Promise<Review[]> {
    const query = this.db('reviews').orderBy('updated_at', 'desc');
    if (filter.entityRef) query.where({ entity_ref: filter.entityRef });
    if (filter.status) query.where({ status: filter.status });
    if (filter.limit) query.limit(filter.limit);
    const rows = await query.select('body');
    return rows.map(row => JSON.parse(row.body));
  }

  async history(id: string): Promise<ReviewEvent[]> {
    const rows = await this.db('review_events')
      .where({ review_id: id })
      .orderBy('version', 'asc');
    return rows.map(row => ({
      version: row.version,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      action: row.action,
      detail: JSON.parse(row.detail),
    }));
  }
}

function eventRow(review: Review, event: Omit<ReviewEvent, 'version'>) {
  return {
    review_id: review.id,
    version: review.version,
    at: new Date(event.at),
    actor: event.actor,
    action: event.action,
    detail: JSON.stringify(event.detail),
  };
}
