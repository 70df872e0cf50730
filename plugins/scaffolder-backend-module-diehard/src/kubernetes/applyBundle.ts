import { LoggerService } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { mapConcurrent } from '@diehard/plugin-container-images-node';
import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import { BundleObject, ManifestObject, describe } from './bundle';
import { KubeApiError, KubeClient } from './KubeClient';
import { applyWaves } from './order';
import { alreadyApplied } from './alreadyApplied';
import { claimsWithoutClass } from './claimClasses';
import { sameJson } from './sameJson';
import { APPLY_WORDS, ApplyWords } from './applyWords';

/** @public */
export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

/** @public */
export interface AppliedObject {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  result: ApplyOutcome;
}

/** @public */
export interface ApplyBundleOptions {
  client: KubeClient;
  objects: BundleObject[];
  fieldManager: string;
  /** Take over fields another manager owns (kubectl --force-conflicts). */
  force?: boolean;
  /** Validate and predict only (the scaffolder's dry-run mode). */
  dryRunOnly?: boolean;
  concurrency?: number;
  logger: LoggerService;
  /** The language of the log lines and errors (English by default). */
  language?: MessageLanguage;
}

/** The values of a Secret's data and stringData (to keep them out of messages). */
function secretValues(o: ManifestObject): string[] {
  if (o.kind !== 'Secret') return [];
  const values: string[] = [];
  for (const field of ['data', 'stringData']) {
    for (const v of Object.values((o as any)[field] ?? {})) {
      if (typeof v !== 'string' || v.length < 4) continue;
      values.push(v);
      if (field === 'data')
        values.push(Buffer.from(v, 'base64').toString('utf8'));
      else values.push(Buffer.from(v, 'utf8').toString('base64'));
    }
  }
  return values.filter(v => v.length >= 4);
}

/** "Deployment team-a/web: spec.replicas: Invalid value: -1: must be …" (Secret values redacted). */
/** The API server could not be reached or failed itself: not the manifests' fault. */
function isServerFault(e: unknown): boolean {
  return !(e instanceof KubeApiError) || e.status === 0 || e.status >= 500;
}

/** The error for a refusal: 403 not allowed, a server fault unavailable, else bad input. */
function refusal(errors: unknown[], message: string): Error {
  if (errors.some(e => e instanceof KubeApiError && e.status === 403))
    return new NotAllowedError(message);
  if (errors.some(isServerFault)) return new ServiceUnavailableError(message);
  return new InputError(message);
}

export function explain(o: ManifestObject, e: unknown): string {
  let text: string;
  if (e instanceof KubeApiError) {
    const causes = e.causes.filter(c => c.field || c.message);
    text = causes.length
      ? causes
          .map(c => (c.field ? `${c.field}: ${c.message}` : c.message))
          .join('; ')
      : e.message;
  } else {
    text = (e as Error).message;
  }
  for (const secret of secretValues(o))
    text = text.split(secret).join('[redacted]');
  return `${describe(o)}: ${text}`;
}

/**
 * What to do about fields another field manager owns (the API server's 409 in a dry run):
 * the object is most likely another team's of the same name.
 */
function conflictHint(failures: { e: unknown }[], words: ApplyWords): string {
  const managers = new Set<string>();
  for (const { e } of failures) {
    if (!(e instanceof KubeApiError) || e.status !== 409) continue;
    for (const c of e.causes) {
      const manager = /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1];
      if (manager) managers.add(manager);
    }
  }
  return managers.size ? words.otherManagers([...managers]) : '';
}

const ref = (o: ManifestObject) =>
  `${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`;

/**
 * Server-side applies a bundle: the whole bundle is dry-run first (dryRun=All),
 * and if any object is invalid or forbidden, or a claim names a storage class the
 * cluster lacks, nothing is applied. Objects the
 * cluster already holds exactly as written (values and ownership) are proven
 * unchanged from the live objects and sent neither in the dry run nor after.
 * Then wave by wave in dependency order, objects of a wave in parallel. Reports
 * per object whether it was created, configured or left unchanged.
 *
 * @public
 */
export async function applyBundle(
  options: ApplyBundleOptions,
): Promise<AppliedObject[]> {
  const { client, fieldManager, logger } = options;
  const words = APPLY_WORDS[options.language ?? 'en'];
  const concurrency = options.concurrency ?? 16;
  const objects = options.objects.map(b => b.object);

  // What the bundle itself creates, which a dry run cannot see yet.
  const bundleNamespaces = new Set(
    objects.filter(o => o.kind === 'Namespace').map(o => o.metadata.name),
  );
  const bundleCrdKinds = new Set(
    objects
      .filter(o => o.kind === 'CustomResourceDefinition')
      .map(o => `${(o.spec as any)?.group}|${(o.spec as any)?.names?.kind}`),
  );
  const definedByBundle = (o: ManifestObject) =>
    bundleCrdKinds.has(`${o.apiVersion.split('/')[0]}|${o.kind}`);
  // Binding a role needs the role to exist (the API server's escalation check reads
  // it), so a binding to a role of the bundle is validated when applied, after it.
  const bundleRoles = new Set(
    objects
      .filter(o => o.kind === 'Role' || o.kind === 'ClusterRole')
      .map(o => `${o.kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`),
  );
  const bindsRoleOfBundle = (o: ManifestObject) => {
    const roleRef = (o as { roleRef?: { kind?: string; name?: string } })
      .roleRef;
    if (!roleRef || !['RoleBinding', 'ClusterRoleBinding'].includes(o.kind))
      return false;
    const namespace = roleRef.kind === 'Role' ? o.metadata.namespace ?? '' : '';
    return bundleRoles.has(`${roleRef.kind}|${namespace}|${roleRef.name}`);
  };

  // 1. Read what is there now (one list per kind and namespace). An object that
  // already is as its manifest says, fields and ownership, needs no request at all;
  // the rest of the bundle is dry-run.
  const started = Date.now();
  const existing = await listCurrent(client, objects);
  const alreadyThere = new Set(
    objects
      .filter(o => {
        const live = existing.get(ref(o));
        return !!live && alreadyApplied(o, live, fieldManager);
      })
      .map(ref),
  );
  // The server's dry run accepts a claim of a class that does not exist.
  const unbindable = await claimsWithoutClass(
    client,
    objects,
    o => existing.has(ref(o)),
    logger,
    words,
  );
  if (unbindable.length) throw new InputError(words.neverBind(unbindable));
  const toCheck = objects.filter(o => !alreadyThere.has(ref(o)));
  const dry = new Map<string, ManifestObject>();
  const failures: { o: ManifestObject; e: unknown }[] = [];
  let deferred = 0;
  await mapConcurrent(toCheck, concurrency, async o => {
    try {
      dry.set(
        ref(o),
        await client.apply(o, {
          fieldManager,
          force: options.force,
          dryRun: true,
        }),
      );
    } catch (e) {
      const namespaceComing =
        e instanceof KubeApiError &&
        e.status === 404 &&
        !!o.metadata.namespace &&
        bundleNamespaces.has(o.metadata.namespace);
      const kindComing = e instanceof NotFoundError && definedByBundle(o);
      const roleComing =
        e instanceof KubeApiError && e.status === 404 && bindsRoleOfBundle(o);
      if (namespaceComing || kindComing || roleComing) {
        deferred++;
        return; // validated when applied, after its namespace, CRD or role exists
      }
      failures.push({ o, e });
    }
  });
  if (failures.length) {
    const message = `${words.dryRunRejected(
      failures.map(f => explain(f.o, f.e)),
      objects.length,
    )}${conflictHint(failures, words)}`;
    throw refusal(
      failures.map(f => f.e),
      message,
    );
  }
  logger.info(
    words.dryRunAccepted(toCheck.length - deferred, alreadyThere.size),
  );

  // Objects the dry run leaves exactly as they are: no second request for them.
  const noOps = new Set(
    toCheck
      .filter(o => {
        const now = existing.get(ref(o));
        const after = dry.get(ref(o));
        // A manifest that writes status itself (a custom resource without a
        // status subresource) can change it: then status counts.
        return !!now && !!after && sameApplyResult(now, after, 'status' in o);
      })
      .map(ref),
  );
  const isNoOp = (o: ManifestObject) =>
    alreadyThere.has(ref(o)) || noOps.has(ref(o));

  if (options.dryRunOnly) {
    return objects.map(o => {
      if (!existing.has(ref(o))) return summary(o, 'created');
      return summary(o, isNoOp(o) ? 'unchanged' : 'configured');
    });
  }

  // 2. Apply in waves.
  const results = new Map<string, AppliedObject>();
  for (const wave of applyWaves(objects, o => o.kind)) {
    await mapConcurrent(wave, concurrency, async o => {
      if (isNoOp(o)) {
        results.set(ref(o), summary(o, 'unchanged'));
        return;
      }
      let applied: ManifestObject;
      try {
        applied = await applyWithDiscoveryRetry(client, o, {
          fieldManager,
          force: options.force,
        });
      } catch (e) {
        const done = [...results.values()]
          .filter(r => r.result !== 'unchanged')
          .map(r => `${r.kind} ${r.name}`);
        throw refusal([e], words.applyFailed(explain(o, e), done));
      }
      const before = dry.get(ref(o));
      const now = existing.get(ref(o));
      let result: ApplyOutcome;
      if (!before || before.metadata.uid !== applied.metadata.uid)
        result = 'created';
      else if (
        now
          ? // a controller may have written status in the meantime
            sameApplyResult(now, applied, 'status' in o)
          : before.metadata.resourceVersion === applied.metadata.resourceVersion
      )
        result = 'unchanged';
      else result = 'configured';
      results.set(ref(o), summary(o, result));
      if (result !== 'unchanged')
        logger.info(words.outcome(describe(o), result));
    });
    if (wave.some(o => o.kind === 'CustomResourceDefinition'))
      client.forgetDiscovery();
  }
  logger.debug('applied', {
    ms: Date.now() - started,
    skipped: alreadyThere.size + noOps.size,
  });
  return objects.map(o => results.get(ref(o))!);
}

function summary(o: ManifestObject, result: ApplyOutcome): AppliedObject {
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    name: o.metadata.name,
    result,
  };
}

/** A kind defined by a CRD of the same bundle may take a moment to be served. */
async function applyWithDiscoveryRetry(
  client: KubeClient,
  o: ManifestObject,
  options: { fieldManager: string; force?: boolean },
): Promise<ManifestObject> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await client.apply(o, options);
    } catch (e) {
      if (!(e instanceof NotFoundError) || Date.now() > deadline) throw e;
      client.forgetDiscovery();
      await new Promise(r => setTimeout(r, 500));
    }
  }
}

/**
 * The objects of the bundle as they are now, by ref; a kind or namespace that
 * cannot be listed just means no shortcut for its objects.
 */
async function listCurrent(
  client: KubeClient,
  objects: ManifestObject[],
): Promise<Map<string, ManifestObject>> {
  const groups = new Map<string, ManifestObject>();
  for (const o of objects)
    groups.set(`${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ''}`, o);
  const found = new Map<string, ManifestObject>();
  const wanted = new Set(objects.map(ref));
  await Promise.all(
    [...groups.values()].map(async o => {
      try {
        for (const item of await client.list(
          o.apiVersion,
          o.kind,
          o.metadata.namespace ?? '',
        )) {
          const listed = {
            ...item,
            apiVersion: o.apiVersion,
            kind: o.kind,
          } as ManifestObject;
          if (wanted.has(ref(listed))) found.set(ref(listed), listed);
        }
      } catch {
        // not listable (RBAC, kind not served yet): those objects are applied
      }
    }),
  );
  return found;
}

/**
 * Whether two versions of an object differ in what an apply can change: not the
 * status unless `withStatus` (a controller may have written it between our list
 * and the dry run), the resourceVersion that moves with it, managedFields of
 * subresources (status), nor managedFields timestamps (the server ignores a write
 * that only touches those).
 */
export function sameApplyResult(
  a: ManifestObject,
  b: ManifestObject,
  withStatus = false,
): boolean {
  const { status: s1, metadata: m1, ...rest1 } = a as any;
  const { status: s2, metadata: m2, ...rest2 } = b as any;
  if (withStatus && !sameJson(s1, s2)) return false;
  const { resourceVersion: _r1, managedFields: f1, ...meta1 } = m1 ?? {};
  const { resourceVersion: _r2, managedFields: f2, ...meta2 } = m2 ?? {};
  const fields = (f: any[] | undefined) =>
    (f ?? []).filter(e => !e.subresource).map(({ time: _t, ...e }) => e);
  return (
    sameJson(rest1, rest2) &&
    sameJson(meta1, meta2) &&
    sameJson(fields(f1), fields(f2))
  );
}
