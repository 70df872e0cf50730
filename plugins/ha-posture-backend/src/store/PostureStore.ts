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
    const evaluatedAt = new Date(posture.evaluatedAt);
    const counts = countBySeverity(posture);
    await this.db.transaction(async tx => {
      await tx('posture_latest')
        .insert({
          entity_ref: posture.entityRef,
          evaluated_at: evaluatedAt,
          body: JSON.stringify(posture),
          grade: posture.grade,
          critical: counts.critical,
          warning: counts.warning,
          source_type: posture.source.type,
        })
        .onConflict('entity_ref')
        .merge();
      if (!posture.grade) return;
      const point = { grade: posture.grade, ...counts };
      const last = await tx('posture_history')
        .where({ entity_ref: posture.entityRef })
        .orderBy('evaluated_at', 'desc')
        .first();
      const changed =
        !last ||
        last.grade !== point.grade ||
        last.critical !== point.critical ||
        last.warning !== point.warning ||
        last.info !== point.info;
      if (changed) {
        await tx('posture_history').insert({
          entity_ref: posture.entityRef,
          evaluated_at: evaluatedAt,
          ...point,
        });
      }
    });
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

export function countBySeverity(posture: EntityPosture) {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const workload of posture.report.workloads) {
    for (const finding of workload.findings) counts[finding.severity] += 1;
  }
  return counts;
}
