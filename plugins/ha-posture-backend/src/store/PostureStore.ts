import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  EntityPosture,
  Grade,
  PostureHistoryPoint,
} from '@diehard/plugin-ha-posture-common';

const migrationsDir = resolvePackagePath(
  '@diehard/plugin-ha-posture-backend',
  'migrations',
);

/** Rows per statement: well under SQLite's 999 bound parameters at 7 columns a row. */
const BATCH = 100;

export interface StoredPosture {
  posture: EntityPosture;
}

/** What the fleet page shows of each entity's latest posture. */
export interface PostureSummary {
  entityRef: string;
  evaluatedAt: string;
  grade: Grade | null;
  critical: number;
  warning: number;
  source: EntityPosture['source']['type'];
}

/** The plugin's own tables: each entity's latest posture and its daily history. */
export class PostureStore {
  static async create(database: DatabaseService): Promise<PostureStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new PostureStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async save(posture: EntityPosture): Promise<void> {
    await this.saveAll([posture]);
  }

  /**
   * Saves many postures in one transaction, a few statements per {@link BATCH}
   * entities rather than a few per entity: the scheduled refresh of a whole catalog.
   * A history row is added for each entity whose grade or counts changed.
   */
  async saveAll(postures: EntityPosture[]): Promise<void> {
    // One row per entity: the last posture given for it wins.
    const unique = [...new Map(postures.map(p => [p.entityRef, p])).values()];
    if (unique.length === 0) return;
    await this.db.transaction(async tx => {
      for (const batch of chunks(unique, BATCH)) {
        const rows = batch.map(posture => ({
          posture,
          evaluatedAt: new Date(posture.evaluatedAt),
          counts: countBySeverity(posture),
        }));
        await tx('posture_latest')
          .insert(
            rows.map(({ posture, evaluatedAt, counts }) => ({
              entity_ref: posture.entityRef,
              evaluated_at: evaluatedAt,
              body: JSON.stringify(posture),
              grade: posture.grade,
              critical: counts.critical,
              warning: counts.warning,
              source_type: posture.source.type,
            })),
          )
          .onConflict('entity_ref')
          .merge();
        const graded = rows.filter(r => r.posture.grade);
        if (graded.length === 0) continue;
        const last = await lastHistory(
          tx,
          graded.map(r => r.posture.entityRef),
        );
        const changed = graded.filter(({ posture, counts }) => {
          const before = last.get(posture.entityRef);
          return (
            !before ||
            before.grade !== posture.grade ||
            before.critical !== counts.critical ||
            before.warning !== counts.warning ||
            before.info !== counts.info
          );
        });
        if (changed.length === 0) continue;
        await tx('posture_history').insert(
          changed.map(({ posture, evaluatedAt, counts }) => ({
            entity_ref: posture.entityRef,
            evaluated_at: evaluatedAt,
            grade: posture.grade,
            ...counts,
          })),
        );
      }
    });
  }

  /** The latest postures of these entities, by reference; none for one never evaluated. */
  async latestOf(entityRefs: string[]): Promise<Map<string, EntityPosture>> {
    const found = new Map<string, EntityPosture>();
    for (const batch of chunks(entityRefs, BATCH)) {
      const rows = await this.db('posture_latest')
        .whereIn('entity_ref', batch)
        .select('entity_ref', 'body');
      for (const row of rows) found.set(row.entity_ref, JSON.parse(row.body));
    }
    return found;
  }

  async latest(entityRef: string): Promise<EntityPosture | undefined> {
    const row = await this.db('posture_latest')
      .where({ entity_ref: entityRef })
      .first();
    return row ? JSON.parse(row.body) : undefined;
  }

  /** Every entity's latest grade and counts, without reading whole postures. */
  async summaries(): Promise<PostureSummary[]> {
    const rows = await this.db('posture_latest').select(
      'entity_ref',
      'evaluated_at',
      'grade',
      'critical',
      'warning',
      'source_type',
    );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      evaluatedAt: new Date(row.evaluated_at).toISOString(),
      grade: (row.grade ?? null) as Grade | null,
      critical: row.critical ?? 0,
      warning: row.warning ?? 0,
      source: row.source_type ?? 'none',
    }));
  }

  /** Every change, oldest first. */
  async history(entityRef: string): Promise<PostureHistoryPoint[]> {
    const rows = await this.db('posture_history')
      .where({ entity_ref: entityRef })
      .orderBy('evaluated_at', 'asc');
    return rows.map(row => {
      const evaluatedAt = new Date(row.evaluated_at).toISOString();
      return {
        day: evaluatedAt.slice(0, 10),
        evaluatedAt,
        grade: row.grade as Grade,
        critical: row.critical,
        warning: row.warning,
        info: row.info,
      };
    });
  }

  /** For each entity, its grade as it stood before `since`. */
  async gradesBefore(since: Date): Promise<Map<string, Grade>> {
    const rows = await this.db('posture_history')
      .where('evaluated_at', '<', since)
      .orderBy('evaluated_at', 'asc')
      .select('entity_ref', 'grade');
    return new Map(rows.map(row => [row.entity_ref, row.grade as Grade]));
  }

  async pruneHistory(before: Date): Promise<void> {
    await this.db('posture_history')
      .where('evaluated_at', '<', before)
      .delete();
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    result.push(items.slice(i, i + size));
  return result;
}

/** Each entity's newest history row (the last change recorded). */
async function lastHistory(
  tx: Knex.Transaction,
  entityRefs: string[],
): Promise<
  Map<
    string,
    { grade: string; critical: number; warning: number; info: number }
  >
> {
  const newest = tx('posture_history')
    .whereIn('entity_ref', entityRefs)
    .groupBy('entity_ref')
    .select('entity_ref')
    .max({ at: 'evaluated_at' })
    .as('newest');
  const rows = await tx('posture_history as h')
    .join(newest, function joinNewest() {
      this.on('h.entity_ref', '=', 'newest.entity_ref').andOn(
        'h.evaluated_at',
        '=',
        'newest.at',
      );
    })
    .orderBy('h.id', 'asc')
    .select('h.entity_ref', 'h.grade', 'h.critical', 'h.warning', 'h.info');
  // Two rows at the same instant: the one written last.
  return new Map(rows.map(row => [row.entity_ref, row]));
}

export function countBySeverity(posture: EntityPosture) {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const workload of posture.report.workloads) {
    for (const finding of workload.findings) counts[finding.severity] += 1;
  }
  return counts;
}
