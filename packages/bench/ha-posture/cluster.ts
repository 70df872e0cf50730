import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
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

/** Server-side applies every object, `concurrency` requests in flight. */
export async function applyAll(
  admin: KubeConfig,
  objects: KubernetesObject[],
  concurrency = 16,
) {
  const api = KubernetesObjectApi.makeApiClient(admin);
  await pool(objects, concurrency, async object => {
    await api.patch(
      object,
      undefined,
      undefined,
      'diehard-bench',
      true,
      PatchStrategy.ServerSideApply,
    );
  });
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

/**
 * Resolves once `count` pods of the bench namespace are scheduled and Running. Not
 * Ready: with 300 fake nodes on a loaded machine KWOK misses node heartbeats, and the
 * node controller marks pods not ready for a while; the posture reads them either way.
 */
export async function waitForPods(
  admin: KubeConfig,
  count: number,
  progress: (ready: number) => void,
  timeoutMs = 20 * 60_000,
) {
  const core = admin.makeApiClient(CoreV1Api);
  const deadline = Date.now() + timeoutMs;
  let ready = 0;
  while (Date.now() < deadline) {
    const pods = await core.listNamespacedPod({ namespace: BENCH_NAMESPACE });
    ready = pods.items.filter(
      p => p.status?.phase === 'Running' && !!p.spec?.nodeName,
    ).length;
    progress(ready);
    if (ready >= count) return;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(`only ${ready} of ${count} bench pods are running`);
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
