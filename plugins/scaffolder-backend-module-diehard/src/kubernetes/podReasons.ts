import { KubeClient } from './KubeClient';
import { APPLY_WORDS, ApplyWords } from './applyWords';

/** One reason why pods of a workload are not available, the same for every pod it holds for. */
export interface PodReason {
  /** The reason without pod names: reported once per workload. */
  key: string;
  /** `pod web-7d9-x2k: …`, `pods web-7d9-x2k, web-7d9-q8p: …` */
  text: string;
  /**
   * Nothing will change it by waiting (a missing storage class, an image that cannot be
   * pulled, a crash loop): worth saying at once. Other reasons (a claim a provisioner
   * is still serving, a container starting) are said once they have lasted a while.
   */
  lasting: boolean;
}

// Container states that waiting will not cure. KWOK (the lab's nodes) runs no
// containers and pulls no images, so these come only from a real kubelet: they are
// covered by podReasons.test.ts on pods as a kubelet reports them, not on the lab.
const LASTING_WAITS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);
const MAX_MESSAGE = 300;

const clip = (s: string) =>
  s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s;

/** What is wrong with one container, from its status as the kubelet reports it. */
export function containerReason(
  cs: any,
  words: ApplyWords = APPLY_WORDS.en,
): { text: string; lasting: boolean } | undefined {
  const w = cs.state?.waiting;
  if (w?.reason) {
    let reason: string = w.reason;
    if (w.message) reason += `: ${clip(w.message)}`;
    const last = cs.lastState?.terminated;
    if (w.reason === 'CrashLoopBackOff' && last)
      reason += words.lastExit(
        last.exitCode,
        last.reason,
        cs.restartCount ?? 0,
      );
    return {
      text: words.container(cs.name, reason),
      lasting: LASTING_WAITS.has(w.reason),
    };
  }
  if (cs.ready === false && cs.state?.running)
    return {
      text: words.container(cs.name, words.notReadyProbe),
      lasting: false,
    };
  return undefined;
}

/** `Reason: message` of the newest event about an object (that `wanted` accepts). */
async function lastEvent(
  client: KubeClient,
  namespace: string,
  kind: string,
  name: string,
  wanted: (e: any) => boolean = () => true,
): Promise<string> {
  const events = await client
    .list(
      'v1',
      'Event',
      namespace,
      undefined,
      `involvedObject.kind=${kind},involvedObject.name=${name}`,
    )
    .catch(() => []);
  const when = (e: any) =>
    Date.parse(
      e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? 0,
    ) || 0;
  const last = events
    .filter(wanted)
    .sort((a, b) => when(a) - when(b))
    .pop();
  return last ? clip(`${last.reason}: ${last.message ?? ''}`.trim()) : '';
}

/** Why a claim is not bound, and whether waiting may cure it. */
interface ClaimReason {
  text: string;
  lasting: boolean;
}

/** The claims and classes a round looks up once, whatever the number of pods. */
class Lookups {
  private readonly claims = new Map<string, Promise<ClaimReason | undefined>>();
  private classes?: Promise<any[] | undefined>;

  constructor(
    private readonly client: KubeClient,
    private readonly words: ApplyWords,
  ) {}

  /** Why a claim is not bound (undefined when it is). */
  claim(namespace: string, name: string) {
    const key = `${namespace}/${name}`;
    if (!this.claims.has(key))
      this.claims.set(key, this.explainClaim(namespace, name));
    return this.claims.get(key)!;
  }

  private storageClasses() {
    this.classes ??= this.client
      .list('storage.k8s.io/v1', 'StorageClass', '')
      .catch(() => undefined);
    return this.classes;
  }

  private async explainClaim(
    namespace: string,
    name: string,
  ): Promise<ClaimReason | undefined> {
    const words = this.words;
    const claim: any = await this.client
      .get({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name, namespace },
      })
      .catch(() => null);
    const what = words.claim(namespace, name);
    if (claim === undefined)
      return { text: words.claimMissing(what), lasting: true };
    if (!claim || claim.status?.phase === 'Bound') return undefined;
    const phase = claim.status?.phase ?? 'Pending';
    const className: string | undefined = claim.spec?.storageClassName;
    if (claim.spec?.volumeName)
      return {
        text: words.claimWaitsForVolume(what, phase, claim.spec.volumeName),
        lasting: false,
      };
    if (!className)
      return { text: words.claimNoClass(what, phase), lasting: false };
    const classes = await this.storageClasses();
    const sc = classes?.find(c => c.metadata?.name === className);
    if (classes && !sc)
      return {
        text: words.claimClassMissing(what, phase, className),
        lasting: true,
      };
    const event = await lastEvent(
      this.client,
      namespace,
      'PersistentVolumeClaim',
      name,
    );
    return {
      text: words.claimNoVolume(what, phase, className, sc?.provisioner, event),
      lasting: false,
    };
  }
}

/**
 * Why the pods of a workload are not available: its controller failing to create
 * them, the scheduler's reasons (with, for a claim that is not bound, the claim, its
 * storage class and whether that class exists), image pulls, crash loops, probes.
 * One entry per distinct reason, pods grouped.
 */
export async function podReasons(
  client: KubeClient,
  workload: any,
  words: ApplyWords = APPLY_WORDS.en,
): Promise<PodReason[]> {
  const found = new Map<string, { pods: string[]; lasting: boolean }>();
  const add = (key: string, pod: string | undefined, lasting: boolean) => {
    const entry = found.get(key) ?? { pods: [], lasting };
    if (pod) entry.pods.push(pod);
    found.set(key, entry);
  };

  for (const c of workload.status?.conditions ?? []) {
    if (c.type === 'ReplicaFailure' && c.status === 'True')
      add(`${c.reason}: ${clip(c.message ?? '')}`, undefined, true);
  }
  const labels = workload.spec?.selector?.matchLabels;
  if (labels) {
    const selector = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const namespace = workload.metadata.namespace;
    const pods = (
      await client.list('v1', 'Pod', namespace, selector).catch(() => [])
    ).filter(p => !p.metadata?.deletionTimestamp);
    const lookups = new Lookups(client, words);
    for (const p of pods) {
      const pod = p.metadata.name;
      let explained = false;
      const scheduled = (p.status?.conditions ?? []).find(
        (c: any) => c.type === 'PodScheduled',
      );
      if (scheduled?.status === 'False' && scheduled.reason) {
        explained = true;
        add(
          `${scheduled.reason}: ${clip(scheduled.message ?? '')}`.trim(),
          pod,
          false,
        );
        for (const v of p.spec?.volumes ?? []) {
          const claim = v.persistentVolumeClaim?.claimName;
          const why = claim && (await lookups.claim(namespace, claim));
          if (why) add(why.text, pod, why.lasting);
        }
      }
      for (const cs of [
        ...(p.status?.initContainerStatuses ?? []),
        ...(p.status?.containerStatuses ?? []),
      ]) {
        const why = containerReason(cs, words);
        if (why) {
          explained = true;
          add(why.text, pod, why.lasting);
        }
      }
      if (!explained && p.status?.phase && p.status.phase !== 'Running')
        add(
          `${p.status.phase}${p.status.reason ? ` (${p.status.reason})` : ''}`,
          pod,
          false,
        );
    }
    if (!pods.length && !found.size) {
      // A StatefulSet's or DaemonSet's controller says why it creates no pod in
      // events on the workload (a Deployment in its ReplicaFailure condition).
      const failed = await lastEvent(
        client,
        namespace,
        workload.kind,
        workload.metadata.name,
        e => e.type === 'Warning' && e.reason === 'FailedCreate',
      );
      if (failed) add(failed, undefined, true);
      else add(words.noPods, undefined, false);
    }
  }
  return [...found].map(([key, { pods, lasting }]) => ({
    key,
    lasting,
    text: pods.length
      ? words.pods(pods.slice(0, 3), Math.max(0, pods.length - 3), key)
      : key,
  }));
}
