import { LoggerService } from '@backstage/backend-plugin-api';
import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import { APPLY_WORDS, ApplyWords } from './applyWords';
import { ManifestObject, describe } from './bundle';
import { KubeClient } from './KubeClient';
import { PodReason, podReasons } from './podReasons';

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

function progressOf(o: any, words: ApplyWords): Progress {
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
        text: words.progress(updated, available, want, 'available'),
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
        text: words.progress(updated, ready, want, 'ready'),
      };
    }
    case 'DaemonSet': {
      const want = st.desiredNumberScheduled ?? 0;
      const updated = st.updatedNumberScheduled ?? 0;
      const available = st.numberAvailable ?? 0;
      return {
        ready: observed && updated >= want && available >= want,
        text: words.progress(updated, available, want, 'available'),
      };
    }
    default:
      return { ready: true, text: 'not a workload' };
  }
}

/**
 * Waits for workloads to finish rolling out, logging progress as it changes and,
 * as soon as it can tell, why pods are not available (each reason once). Fails after
 * `timeoutMs` (or as soon as the controller gives up) with the reason.
 */
export async function waitForRollouts(
  client: KubeClient,
  objects: ManifestObject[],
  options: {
    timeoutMs: number;
    pollMs?: number;
    /** How long a reason that waiting may cure must last before it is logged. */
    reasonGraceMs?: number;
    logger: LoggerService;
    signal?: AbortSignal;
    /** The language of the log lines and the error (English by default). */
    language?: MessageLanguage;
  },
): Promise<void> {
  const words = APPLY_WORDS[options.language ?? 'en'];
  const workloads = objects.filter(o => WORKLOAD_KINDS.has(o.kind));
  const deadline = Date.now() + options.timeoutMs;
  const grace = options.reasonGraceMs ?? 5000;
  await Promise.all(
    workloads.map(async w => {
      let last = '';
      const firstSeen = new Map<string, number>();
      const logged = new Map<string, PodReason>();
      for (;;) {
        const current = await client.get(w);
        if (!current)
          throw new RolloutTimeoutError(words.disappeared(describe(w)));
        const p = progressOf(current, words);
        if (p.text !== last) {
          options.logger.info(words.rollout(describe(w), p.text));
          last = p.text;
        }
        if (p.ready) return;
        const reasons = await podReasons(client, current, words);
        const now = Date.now();
        for (const r of reasons) {
          if (!firstSeen.has(r.key)) firstSeen.set(r.key, now);
          if (logged.has(r.key)) continue;
          if (r.lasting || now - firstSeen.get(r.key)! >= grace) {
            options.logger.warn(words.notAvailable(describe(w), r.text));
            logged.set(r.key, r);
          }
        }
        if (p.failed || now >= deadline || options.signal?.aborted) {
          // What holds the pods now, or else what was said while waiting.
          const why = (reasons.length ? reasons : [...logged.values()])
            .slice(0, 3)
            .map(r => r.text)
            .join('; ');
          if (p.failed) {
            throw new RolloutTimeoutError(
              words.rolloutFailed(describe(w), p.text, p.failed, why),
            );
          }
          throw new RolloutTimeoutError(
            words.notReady(
              describe(w),
              Math.round(options.timeoutMs / 1000),
              p.text,
              why,
            ),
          );
        }
        await new Promise(r => setTimeout(r, options.pollMs ?? 1000));
      }
    }),
  );
}
