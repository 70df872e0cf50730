import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Entity,
  getCompoundEntityRef,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterPosture,
  EntityPosture,
  evaluatePosture,
  FleetEntry,
  grade as gradeFindings,
  incompleteFindings,
  unreachableFinding,
  Grade,
  MANIFESTS_PATH_ANNOTATION,
  MessageRef,
  PostureInput,
  PostureReport,
  PostureRule,
  PostureSource,
  renderMessage,
  RESTRICTED_ANNOTATION,
} from '@diehard/plugin-ha-posture-common';
import {
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
  KubernetesRequestAuth,
} from '@backstage/plugin-kubernetes-common';
import type {
  HaPostureManifests,
  HaPostureManifestSource,
} from '@diehard/plugin-ha-posture-node';
import { apiFailureReason } from '../sources/apiFailureReason';
import {
  LiveObjectSource,
  LiveSnapshot,
  UnreadCluster,
} from '../sources/LiveObjectSource';
import { ManifestObjectSource } from '../sources/ManifestObjectSource';
import { reasonMessage } from '../sources/reasonMessage';
import { PostureStore } from '../store/PostureStore';
import { placementOf } from './placement';
import { RefreshQueue } from './RefreshQueue';

/** An entity is evaluated only when it names its cluster objects or its manifests. */
export const EVALUATED_ANNOTATIONS = [
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
  MANIFESTS_PATH_ANNOTATION,
];

const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'F'];
/** Postures of the scheduled refresh saved per transaction. */
const SAVE_BATCH = 100;
const EMPTY_REPORT: PostureReport = {
  workloads: [],
  cluster: { findings: [], facts: { nodes: 0, nodesPerZone: {} } },
  services: [],
};

/**
 * Computes and records each entity's HA posture: live from the clusters when its
 * workloads run there, otherwise from the manifests in its repository.
 */
export class PostureService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      live: LiveObjectSource;
      manifests: ManifestObjectSource;
      store: PostureStore;
      logger: LoggerService;
      queue: RefreshQueue;
      /** Rules added by backend modules, run after the engine's own. */
      rules?: PostureRule[];
      /** Manifest sources added by backend modules, read after the repository's manifests. */
      sources?: HaPostureManifestSource[];
    },
  ) {
    this.annotations = [
      ...EVALUATED_ANNOTATIONS,
      ...(deps.sources ?? []).map(source => source.annotation),
    ];
  }

  /** The annotations that make an entity evaluated: Diehard's and the added sources'. */
  private readonly annotations: string[];

  private isEvaluated(entity: Entity): boolean {
    return this.annotations.some(a => entity.metadata.annotations?.[a]);
  }

  private evaluateObjects(input: PostureInput): PostureReport {
    return evaluatePosture(input, { rules: this.deps.rules });
  }

  /** The last posture; computed now if the entity was never evaluated. */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityPosture> {
    // From the database every time, never a copy kept in this process: another
    // replica may have evaluated the entity since, and every replica answers alike.
    const stored = await this.deps.store.latest(entityRef);
    return stored ?? this.refresh(entityRef, credentials);
  }

  /**
   * Evaluates the entity now. Callers asking while its evaluation runs share it (the
   * router has checked each one's permission on the entity); evaluations of different
   * entities wait for a slot of the queue, or are refused with 429 when it is full.
   * An entity without {@link EVALUATED_ANNOTATIONS} gets a "not evaluated" answer,
   * and nothing is stored for it. `authConfig` (the user's cluster tokens, for this
   * call only) lets it read the clusters that need them: what that user's rights show
   * is answered to that user alone, neither stored, cached nor shared with another
   * caller's evaluation.
   */
  async refresh(
    entityRef: string,
    credentials: BackstageCredentials,
    authConfig?: KubernetesRequestAuth,
  ): Promise<EntityPosture> {
    const asUser = hasTokens(authConfig);
    const key = asUser
      ? `${entityRef} as ${principalOf(credentials)}`
      : entityRef;
    return this.deps.queue.run(key, async () => {
      const entity = await this.deps.catalog.getEntityByRef(entityRef, {
        credentials,
      });
      if (!entity)
        throw new NotFoundError(`no entity ${entityRef} in the catalog`);
      if (!this.isEvaluated(entity))
        return notEvaluated(entityRef, this.annotations);
      return asUser
        ? this.evaluate(entity, undefined, authConfig)
        : this.evaluateAndSave(entity);
    });
  }

  /**
   * Re-evaluates every entity that names its cluster objects or its manifests, and
   * saves them {@link SAVE_BATCH} at a time (one transaction each, written while the
   * next ones are evaluated). Stops between entities once `signal` is aborted (the
   * scheduler's timeout, or shutdown), keeping what was evaluated.
   */
  async refreshAll(signal?: AbortSignal): Promise<RefreshAllResult> {
    const timer = phaseTimer();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: this.annotations.map(a => ({
          [`metadata.annotations.${a}`]: CATALOG_FILTER_EXISTS,
        })),
      },
      { credentials },
    );
    timer.lap('catalogMs');
    // One read of each cluster, shared by every entity of this refresh.
    const snapshot = await this.deps.live.snapshot();
    timer.lap('clustersMs');
    let evaluated = 0;
    let failed = 0;
    let batch: EntityPosture[] = [];
    let saving: Promise<void> = Promise.resolve();
    const save = async (postures: EntityPosture[]) => {
      const started = Date.now();
      try {
        await this.deps.store.saveAll(postures);
        timer.add('saveMs', Date.now() - started);
        evaluated += postures.length;
      } catch (error) {
        failed += postures.length;
        this.deps.logger.warn('could not save HA postures', {
          entities: postures.length,
          error: String(error),
        });
      }
    };
    const flush = async () => {
      await saving;
      saving = save(batch);
      batch = [];
    };
    let stopped = false;
    for (const entity of items) {
      if (signal?.aborted) {
        stopped = true;
        break;
      }
      const entityRef = stringifyEntityRef(entity);
      try {
        // Its own key: a user's refresh of the entity meanwhile is evaluated and
        // saved on its own, never handed a posture not saved yet.
        batch.push(
          await this.deps.queue.run(
            `${entityRef} (scheduled)`,
            () => this.evaluate(entity, snapshot),
            { wait: true },
          ),
        );
      } catch (error) {
        failed += 1;
        this.deps.logger.warn('posture evaluation failed', {
          entity: entityRef,
          error: String(error),
        });
      }
      if (batch.length >= SAVE_BATCH) await flush();
    }
    timer.lap('evaluateMs');
    await flush();
    await saving;
    timer.lap('lastSaveMs');
    return { evaluated, failed, stopped, ...timer.phases };
  }

  async history(entityRef: string) {
    return this.deps.store.history(entityRef);
  }

  async fleet(credentials: BackstageCredentials): Promise<FleetEntry[]> {
    const startOfToday = new Date(new Date().toISOString().slice(0, 10));
    const [summaries, previous] = await Promise.all([
      this.deps.store.summaries(),
      this.deps.store.gradesBefore(startOfToday),
    ]);
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: summaries.map(s => s.entityRef),
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'relations',
        ],
      },
      { credentials },
    );
    const entries: FleetEntry[] = [];
    summaries.forEach((summary, i) => {
      const entity = items[i];
      if (!entity) return; // gone from the catalog, or not visible to this user
      entries.push({
        entityRef: summary.entityRef,
        title: entity.metadata.title,
        owner: relationTarget(entity, RELATION_OWNED_BY),
        system: relationTarget(entity, RELATION_PART_OF),
        grade: summary.grade,
        previousGrade: previous.get(summary.entityRef) ?? null,
        critical: summary.critical,
        warning: summary.warning,
        evaluatedAt: summary.evaluatedAt,
        source: summary.source,
        ...(entity.metadata.annotations?.[RESTRICTED_ANNOTATION] === 'true'
          ? { restricted: true }
          : {}),
      });
    });
    return entries;
  }

  clusterAuth() {
    return this.deps.live.clusterAuth();
  }

  /**
   * The posture of each cluster `authConfig` (or the backend alone) can read, and
   * the user-side clusters it could not, with the reason.
   */
  async clusters(authConfig?: KubernetesRequestAuth): Promise<{
    clusters: ClusterPosture[];
    notEvaluated: UnreadCluster[];
  }> {
    const clusters = await Promise.all(
      this.deps.live.readableClusters(authConfig).map(async cluster => {
        let objects;
        try {
          objects = await this.deps.live.clusterObjects(cluster, authConfig);
        } catch (error) {
          return this.unreachableCluster(cluster, error);
        }
        const report = this.evaluateObjects({ objects });
        // A fact the cluster does not show is a finding: an unknown control plane is never A.
        const findings = [
          ...report.cluster.findings,
          ...incompleteFindings(report.cluster.facts),
        ];
        return {
          cluster,
          evaluatedAt: new Date().toISOString(),
          grade: gradeFindings(findings).grade,
          findings,
          facts: report.cluster.facts,
        };
      }),
    );
    return {
      clusters,
      notEvaluated: this.deps.live.userSideUnread(authConfig),
    };
  }

  /** A cluster whose API did not answer: graded on that, its address kept out of the answer. */
  private unreachableCluster(cluster: string, error: unknown): ClusterPosture {
    const reason = apiFailureReason(error);
    this.deps.logger.warn('could not read the control plane of a cluster', {
      cluster,
      error: String(error),
    });
    const findings = [unreachableFinding(reason)];
    return {
      cluster,
      evaluatedAt: new Date().toISOString(),
      grade: gradeFindings(findings).grade,
      findings,
      facts: { nodes: 0, nodesPerZone: {} },
    };
  }

  private async evaluateAndSave(entity: Entity): Promise<EntityPosture> {
    const started = Date.now();
    const posture = await this.evaluate(entity);
    await this.deps.store.save(posture);
    this.deps.logger.debug('evaluated HA posture', {
      entity: posture.entityRef,
      source: posture.source.type,
      durationMs: Date.now() - started,
    });
    return posture;
  }

  /**
   * The Tomcat configuration files of the entity's repository, for a live posture: a
   * server.xml copied into the image does not show in the cluster, and the
   * repository the image is built from holds it (what the template's gate read).
   * None when the entity names no manifests or they cannot be read.
   */
  private async imageConfigFiles(entity: Entity) {
    if (!entity.metadata.annotations?.[MANIFESTS_PATH_ANNOTATION]) return [];
    try {
      return (await this.deps.manifests.objectsFor(entity))?.files ?? [];
    } catch (error) {
      this.deps.logger.warn(
        "live posture without the repository's Tomcat files",
        { entity: stringifyEntityRef(entity), error: String(error) },
      );
      return [];
    }
  }

  /** The manifests of the first added source that has some for the entity. */
  private async addedSourceObjects(
    entity: Entity,
  ): Promise<HaPostureManifests | undefined> {
    for (const source of this.deps.sources ?? []) {
      if (!entity.metadata.annotations?.[source.annotation]) continue;
      const found = await source.objectsFor(entity);
      if (found) return found;
    }
    return undefined;
  }

  private async evaluate(
    entity: Entity,
    snapshot?: LiveSnapshot,
    authConfig?: KubernetesRequestAuth,
  ): Promise<EntityPosture> {
    const entityRef = stringifyEntityRef(getCompoundEntityRef(entity));
    const evaluatedAt = new Date().toISOString();
    const subject = {
      metadata: {
        name: entity.metadata.name,
        annotations: entity.metadata.annotations,
      },
    };

    const { found: live, unread } = snapshot
      ? snapshot.objectsFor(entity)
      : await this.deps.live.objectsFor(entity, authConfig);
    if (live.length > 0) {
      const files = await this.imageConfigFiles(entity);
      const reports = live.map(({ objects }) =>
        this.evaluateObjects({ objects, entity: subject, files }),
      );
      return {
        entityRef,
        evaluatedAt,
        source: { type: 'live', clusters: live.map(l => l.cluster) },
        ...summarize(mergeReports(reports)),
        placement: live.flatMap(l => placementOf(l.objects, l.cluster)),
      };
    }

    const manifests =
      (await this.deps.manifests.objectsFor(entity)) ??
      (await this.addedSourceObjects(entity));
    if (manifests) {
      const report = this.evaluateObjects({
        objects: manifests.objects,
        entity: subject,
        files: manifests.files,
      });
      return {
        entityRef,
        evaluatedAt,
        source: { type: 'manifests', location: manifests.location },
        ...summarize(report),
        placement: [],
      };
    }

    return {
      entityRef,
      evaluatedAt,
      source: noneSource([
        reasonMessage('source.none.noWorkload', {
          clusters:
            (live.length === 0 && unread.length
              ? readClusters(
                  this.deps.live.readableClusters(authConfig),
                  unread,
                )
              : this.deps.live.readableClusters(authConfig).join(', ')) ||
            reasonMessage(
              unread.length
                ? 'source.none.anyClusterRead'
                : 'source.none.anyConfiguredCluster',
            ),
          annotations: [
            MANIFESTS_PATH_ANNOTATION,
            ...(this.deps.sources ?? []).map(source => source.annotation),
          ].join(', '),
        }),
        ...unread.map(u => u.reasonMessage),
      ]),
      grade: null,
      singlePointsOfFailure: [],
      report: EMPTY_REPORT,
      placement: [],
    };
  }
}

/** What a scheduled refresh did, and where its time went (ms per phase, for its log). */
export interface RefreshAllResult {
  evaluated: number;
  failed: number;
  stopped: boolean;
  [phase: `${string}Ms`]: number;
}

function phaseTimer() {
  const phases: Record<string, number> = {};
  let last = Date.now();
  return {
    phases,
    lap(name: string) {
      const now = Date.now();
      phases[name] = (phases[name] ?? 0) + now - last;
      last = now;
    },
    add(name: string, ms: number) {
      phases[name] = (phases[name] ?? 0) + ms;
    },
  };
}

function hasTokens(authConfig?: KubernetesRequestAuth): boolean {
  return Object.values(authConfig ?? {}).some((v: unknown) =>
    typeof v === 'object' && v !== null
      ? Object.keys(v).length > 0
      : v !== undefined && v !== null,
  );
}

function principalOf(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return p.userEntityRef ?? p.subject ?? 'unknown';
}

/** The clusters read, without those that could not be. */
function readClusters(readable: string[], unread: UnreadCluster[]): string {
  return readable.filter(c => !unread.some(u => u.cluster === c)).join(', ');
}

/** Nothing evaluated: why, in English and as messages for the reader's language. */
function noneSource(reasons: MessageRef[]): PostureSource {
  return {
    type: 'none',
    reason: reasons.map(r => renderMessage(r)).join('; '),
    reasonMessages: reasons,
  };
}

function notEvaluated(entityRef: string, annotations: string[]): EntityPosture {
  return {
    entityRef,
    evaluatedAt: new Date().toISOString(),
    source: noneSource([
      reasonMessage('source.none.notAnnotated', {
        entity: entityRef,
        annotations: annotations.join(', '),
      }),
    ]),
    grade: null,
    singlePointsOfFailure: [],
    report: EMPTY_REPORT,
    placement: [],
  };
}

function summarize(report: PostureReport) {
  const grades = [
    ...report.services.map(s => s.grade),
    ...report.workloads.map(w => w.grade),
  ];
  return {
    report,
    grade: grades.length ? worst(grades) : null,
    singlePointsOfFailure: [
      ...new Set(report.services.flatMap(s => s.singlePointsOfFailure)),
    ],
  };
}

function mergeReports(reports: PostureReport[]): PostureReport {
  if (reports.length === 1) return reports[0];
  return {
    workloads: reports.flatMap(r => r.workloads),
    services: reports.flatMap(r => r.services),
    cluster: {
      findings: reports.flatMap(r => r.cluster.findings),
      facts: reports[0].cluster.facts,
    },
  };
}

function worst(grades: Grade[]): Grade {
  return grades.reduce((a, b) =>
    GRADES.indexOf(b) > GRADES.indexOf(a) ? b : a,
  );
}

function relationTarget(entity: Entity, type: string): string | undefined {
  return entity.relations?.find(r => r.type === type)?.targetRef;
}
