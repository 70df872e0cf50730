import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  V1Pod,
  Watch,
} from '@kubernetes/client-node';
import { BENCH_NAMESPACE } from './services';

/** Runs `fn` over `items`, at most `concurrency` at a time. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * Server-side applies every object, `concurrency` requests in flight; `progress` is
 * told the number applied every 10 s.
 */
export async function applyAll(
  admin: KubeConfig,
  objects: KubernetesObject[],
  progress?: (applied: number) => void,
  concurrency = 16,
) {
  const api = KubernetesObjectApi.makeApiClient(admin);
  let applied = 0;
  const timer = progress && setInterval(() => progress(applied), 10_000);
  try {
    await pool(objects, concurrency, async object => {
      await retryWhenOverloaded(() =>
        api.patch(
          object,
          undefined,
          undefined,
          'diehard-bench',
          true,
          PatchStrategy.ServerSideApply,
        ),
      );
      applied += 1;
    });
  } finally {
    clearInterval(timer);
  }
}

const OVERLOADED = new Set([429, 500, 503, 504]);

/**
 * Retries what an API server busy creating tens of thousands of pods answers when it
 * cannot keep up (a 504 "request did not complete within requested timeout", 429);
 * applies are idempotent, so a retry is safe.
 */
async function retryWhenOverloaded<T>(fn: () => Promise<T>, attempts = 8) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (attempt >= attempts || !code || !OVERLOADED.has(code)) throw error;
      await new Promise(resolve =>
        setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)),
      );
    }
  }
}

export async function createNamespace(admin: KubeConfig) {
  await applyAll(admin, [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: BENCH_NAMESPACE },
    },
  ]);
}

const runs = (pod: V1Pod) =>
  pod.status?.phase === 'Running' && !!pod.spec?.nodeName;

/**
 * Resolves once `count` pods of the bench namespace are scheduled and Running. Not
 * Ready: with 300 fake nodes on a loaded machine KWOK misses node heartbeats, and the
 * node controller marks pods not ready for a while; the posture reads them either way.
 * One paginated list, then a watch of the changes (listing 30,000 pods every few
 * seconds would load the API server the bench measures); listed again when the watch
 * ends. `progress` is told every 10 s.
 */
export async function waitForPods(
  admin: KubeConfig,
  count: number,
  progress: (ready: number) => void,
  timeoutMs = 60 * 60_000,
) {
  const core = admin.makeApiClient(CoreV1Api);
  const deadline = Date.now() + timeoutMs;
  const running = new Set<string>();
  let told = 0;
  const tell = (force = false) => {
    if (!force && Date.now() - told < 10_000) return;
    told = Date.now();
    progress(running.size);
  };
  while (Date.now() < deadline) {
    running.clear();
    let resourceVersion = '';
    let next: string | undefined;
    do {
      const page = await core.listNamespacedPod({
        namespace: BENCH_NAMESPACE,
        limit: 1000,
        _continue: next,
      });
      for (const pod of page.items)
        if (runs(pod)) running.add(pod.metadata!.name!);
      next = page.metadata?._continue;
      resourceVersion = page.metadata?.resourceVersion ?? '';
    } while (next);
    tell(true);
    if (running.size >= count) return;
    const enough = await new Promise<boolean>(resolve => {
      let watch: AbortController | undefined;
      let finished = false;
      const finish = (value: boolean) => {
        finished = true;
        clearTimeout(timer);
        watch?.abort();
        resolve(value);
      };
      const timer = setTimeout(
        () => finish(false),
        Math.max(0, deadline - Date.now()),
      );
      new Watch(admin)
        .watch(
          `/api/v1/namespaces/${BENCH_NAMESPACE}/pods`,
          { resourceVersion, allowWatchBookmarks: true },
          (type, pod: V1Pod) => {
            const name = pod?.metadata?.name;
            if (!name || type === 'BOOKMARK') return;
            if (type !== 'DELETED' && runs(pod)) running.add(name);
            else running.delete(name);
            tell();
            if (running.size >= count) finish(true);
          },
          () => finish(running.size >= count),
        )
        .then(
          controller => {
            watch = controller;
            if (finished) controller.abort();
          },
          () => finish(false),
        );
    });
    if (enough) {
      tell(true);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`only ${running.size} of ${count} bench pods are running`);
}

/** Deletes the bench namespace and waits until it is gone (other helpers share the lab). */
export async function deleteNamespace(
  admin: KubeConfig,
  timeoutMs = 10 * 60_000,
) {
  const core = admin.makeApiClient(CoreV1Api);
  await core.deleteNamespace({ name: BENCH_NAMESPACE }).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await core.readNamespace({ name: BENCH_NAMESPACE });
    } catch {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(
    `namespace ${BENCH_NAMESPACE} still there after ${timeoutMs} ms`,
  );
}
