import { LoggerService } from '@backstage/backend-plugin-api';
import { ManifestObject, describe } from './bundle';
import { KubeClient } from './KubeClient';

export const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
]);

/** A rollout that did not become ready in time. */
export class RolloutTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RolloutTimeoutError';
  }
}

interface Progress {
  ready: boolean;
  text: string;
  /** A terminal failure reported by the controller (e.g. ProgressDeadlineExceeded). */
  failed?: string;
}

function progressOf(o: any): Progress {
  const spec = o.spec ?? {};
  const st = o.status ?? {};
  const observed =
    (st.observedGeneration ?? 0) >= (o.metadata?.generation ?? 0);
  switch (o.kind) {
    case 'Deployment': {
      const want = spec.replicas ?? 1;
      const updated = st.updatedReplicas ?? 0;
      const available = st.availableReplicas ?? 0;
      const total = st.replicas ?? 0;
      const progressing = (st.conditions ?? []).find(
        (c: any) => c.type === 'Progressing',
      );
      return {
        ready:
          observed && updated >= want && available >= want && total <= want,
        text: `${updated}/${want} updated, ${available}/${want} available`,
        failed:
          progressing?.reason === 'ProgressDeadlineExceeded'
            ? `ProgressDeadlineExceeded: ${progressing.message}`
            : undefined,
      };
    }
    case 'StatefulSet': {
      const want = spec.replicas ?? 1;
      const ready = st.readyReplicas ?? 0;
      const updated = st.updatedReplicas ?? 0;
      const revisionsMatch =
        !st.updateRevision ||
        st.currentRevision === st.updateRevision ||
        updated >= want;
      return {
        ready: observed && ready >= want && updated >= want && revisionsMatch,
        text: `${updated}/${want} updated, ${ready}/${want} ready`,
      };
    }
    case 'DaemonSet': {
      const want = st.desiredNumberScheduled ?? 0;
      const updated = st.updatedNumberScheduled ?? 0;
      const available = st.numberAvailable ?? 0;
      return {
        ready: observed && updated >= want && available >= want,
        text: `${updated}/${want} updated, ${available}/${want} available`,
      };
    }
    default:
      return { ready: true, text: 'not a workload' };
  }
}

/** Why pods of a workload are not ready: scheduling, image pulls, crashes, probes. */
async function podReasons(client: KubeClient, o: any): Promise<string> {
  const labels = o.spec?.selector?.matchLabels;
  if (!labels) return '';
  const selector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await client
    .list('v1', 'Pod', o.metadata.namespace, selector)
    .catch(() => []);
  const reasons = new Set<string>();
  for (const p of pods) {
    for (const c of p.status?.conditions ?? []) {
      if (c.status === 'False' && c.reason && c.type === 'PodScheduled')
        reasons.add(
          `pod ${p.metadata.name}: ${c.reason}: ${c.message ?? ''}`.trim(),
        );
    }
    for (const cs of [
      ...(p.status?.initContainerStatuses ?? []),
      ...(p.status?.containerStatuses ?? []),
    ]) {
      const w = cs.state?.waiting;
      if (w?.reason)
        reasons.add(
          `pod ${p.metadata.name} container ${cs.name}: ${w.reason}${
            w.message ? `: ${w.message}` : ''
          }`,
        );
      else if (cs.ready === false && cs.state?.running)
        reasons.add(
          `pod ${p.metadata.name} container ${cs.name}: running but not ready (readiness probe)`,
        );
    }
    if (!reasons.size && p.status?.phase && p.status.phase !== 'Running') {
      reasons.add(
        `pod ${p.metadata.name}: ${p.status.phase}${
          p.status.reason ? ` (${p.status.reason})` : ''
        }`,
      );
    }
  }
  if (!pods.length) reasons.add('no pods were created');
  return [...reasons].slice(0, 3).join('; ');
}

/**
 * Waits for workloads to finish rolling out, logging progress as it changes. Fails
 * after `timeoutMs` (or as soon as the controller gives up) with the reason.
 */
export async function waitForRollouts(
  client: KubeClient,
  objects: ManifestObject[],
  options: {
    timeoutMs: number;
    pollMs?: number;
    logger: LoggerService;
    signal?: AbortSignal;
  },
): Promise<void> {
  const workloads = objects.filter(o => WORKLOAD_KINDS.has(o.kind));
  const deadline = Date.now() + options.timeoutMs;
  await Promise.all(
    workloads.map(async w => {
      let last = '';
      for (;;) {
        const current = await client.get(w);
        if (!current)
          throw new RolloutTimeoutError(
            `${describe(w)} disappeared during its rollout`,
          );
        const p = progressOf(current);
        if (p.text !== last) {
          options.logger.info(`rollout ${describe(w)}: ${p.text}`);
          last = p.text;
        }
        if (p.ready) return;
        if (p.failed || Date.now() >= deadline || options.signal?.aborted) {
          if (p.failed) {
            throw new RolloutTimeoutError(
              `rollout of ${describe(w)} failed (${p.text}): ${p.failed}`,
            );
          }
          const why = await podReasons(client, current);
          throw new RolloutTimeoutError(
            `rollout of ${describe(w)} not ready after ${Math.round(
              options.timeoutMs / 1000,
            )} s (${p.text})${why ? `: ${why}` : ''}`,
          );
        }
        await new Promise(r => setTimeout(r, options.pollMs ?? 1000));
      }
    }),
  );
}
