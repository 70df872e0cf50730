import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ComponentStatus } from '../../lab';
import type { KubernetesLab } from '../../useLab';
import { isAlive } from '../../util/process';
import { waitFor } from '../../util/wait';

// A private multi-master lab (own state dir, ports shifted by 10000: clear of the
// shared labs at offsets 0 and 1000), started cold and stopped at the end.
jest.setTimeout(15 * 60_000);

const OFFSET = '10000';
const NAMESPACE = 'default';
const CONFIG_MAP = 'control-plane-probe';

interface Outcome {
  start: number;
  end: number;
  ok: boolean;
  why?: string;
}

describe('the multi-master control plane (--control-plane ha)', () => {
  let dir: string;
  let k8s: KubernetesLab;
  let cp: NonNullable<KubernetesLab['controlPlane']>;
  let lab: typeof import('../../lab');
  let counter = 0;
  let lastAcked = -1;

  /** One request through `server` on a new connection (as a client whose connection broke). */
  const request = (
    method: string,
    urlPath: string,
    body?: unknown,
    options: {
      server?: string;
      timeoutMs?: number;
      contentType?: string;
      agent?: https.Agent;
    } = {},
  ) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = https.request(
        `${options.server ?? k8s.server}${urlPath}`,
        {
          method,
          agent: options.agent ?? false,
          ca: k8s.caPem,
          timeout: options.timeoutMs ?? 10_000,
          headers: {
            Authorization: `Bearer ${k8s.adminToken}`,
            Accept: 'application/json',
            ...(body
              ? {
                  'Content-Type':
                    options.contentType ?? 'application/merge-patch+json',
                }
              : {}),
          },
        },
        res => {
          let text = '';
          res.on('data', c => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(body ? JSON.stringify(body) : undefined);
    });

  /** A write through the virtual address: the probe ConfigMap's `n` set to the next number. */
  const write = async (
    timeoutMs = 10_000,
    agent?: https.Agent,
  ): Promise<Outcome> => {
    const n = ++counter;
    const start = Date.now();
    try {
      const res = await request(
        'PATCH',
        `/api/v1/namespaces/${NAMESPACE}/configmaps/${CONFIG_MAP}`,
        { data: { n: String(n) } },
        { timeoutMs, agent },
      );
      const ok = res.status === 200;
      if (ok) lastAcked = n;
      return {
        start,
        end: Date.now(),
        ok,
        why: ok ? undefined : `${res.status} ${res.body.slice(0, 200)}`,
      };
    } catch (e) {
      return { start, end: Date.now(), ok: false, why: (e as Error).message };
    }
  };

  /** The longest time from a failed request's start to the end of the next success. */
  const longestFailedWindow = (outcomes: Outcome[]) => {
    let longest = 0;
    let failedSince: number | undefined;
    for (const o of outcomes) {
      if (!o.ok) failedSince ??= o.start;
      else if (failedSince !== undefined) {
        longest = Math.max(longest, o.end - failedSince);
        failedSince = undefined;
      }
    }
    return failedSince === undefined ? longest : Infinity;
  };

  /**
   * Writes in a loop through the virtual address; `fault` runs once `before` writes
   * succeeded; the loop goes on until `after` writes succeeded since the fault (bounded).
   */
  const underLoad = async (fault: () => Promise<void>, after = 30) => {
    const outcomes: Outcome[] = [];
    const deadline = Date.now() + 120_000;
    let faultAt: number | undefined;
    let okSinceFault = 0;
    while (Date.now() < deadline) {
      const o = await write();
      outcomes.push(o);
      if (faultAt === undefined && outcomes.filter(x => x.ok).length >= 5) {
        await fault();
        faultAt = Date.now();
      } else if (faultAt !== undefined && o.ok && o.start > faultAt) {
        if (++okSinceFault >= after) break;
      }
      await new Promise(r => setTimeout(r, 50));
    }
    return { outcomes, faultAt: faultAt!, okSinceFault };
  };

  const lease = async (name: string) =>
    JSON.parse(
      (
        await request(
          'GET',
          `/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/${name}`,
        )
      ).body,
    ).spec?.holderIdentity as string | undefined;

  /** A kube-system pod's Ready condition and restart count, as kubectl shows them. */
  const podState = async (name: string) => {
    const res = await request(
      'GET',
      `/api/v1/namespaces/kube-system/pods/${name}`,
    );
    if (res.status !== 200) return undefined;
    const status = JSON.parse(res.body).status;
    return {
      ready: status?.conditions?.find((c: any) => c.type === 'Ready')?.status,
      restarts: status?.containerStatuses?.[0]?.restartCount as number,
    };
  };

  /** Waits until the mirror pod shows `ready`; the seconds since `since`. */
  const untilPod = async (
    name: string,
    ready: 'True' | 'False',
    since: number,
  ) => {
    await waitFor(
      `${name} Ready=${ready}`,
      async () => ((await podState(name))?.ready === ready ? true : undefined),
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    return (Date.now() - since) / 1000;
  };

  const etcdPod = (member: string) =>
    `etcd-${cp.etcd.find(m => m.name === member)!.hostname}`;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-ha-'));
    process.env.DIEHARD_LAB_DIR = dir;
    process.env.DIEHARD_LAB_PORT_OFFSET = OFFSET;
    // Loaded now, so that the ports follow this lab's offset.
    const { useLab } =
      jest.requireActual<typeof import('../../useLab')>('../../useLab');
    lab = jest.requireActual<typeof import('../../lab')>('../../lab');
    const started = Date.now();
    ({ kubernetes: k8s } = await useLab(['kubernetes'], {
      controlPlane: 'ha',
    }));
    // eslint-disable-next-line no-console
    console.log(
      `multi-master lab up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    cp = k8s.controlPlane!;
    const created = await request(
      'POST',
      `/api/v1/namespaces/${NAMESPACE}/configmaps`,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: CONFIG_MAP },
        data: { n: '0' },
      },
      { contentType: 'application/json' },
    );
    if (created.status !== 201)
      throw new Error(
        `creating the probe ConfigMap: ${created.status} ${created.body}`,
      );
  }, 15 * 60_000);

  afterAll(async () => {
    if (lab) await lab.labDown(['kubernetes']).catch(() => {});
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('runs 3 etcd members, 3 API servers behind the virtual address, 2 controller-managers and 2 schedulers, each a process the lab shows', async () => {
    expect(cp.mode).toBe('ha');
    expect(k8s.server).toBe(cp.vip.server);
    expect(cp.etcd).toHaveLength(3);
    expect(cp.apiServers).toHaveLength(3);
    const ports = [
      cp.vip.port,
      ...cp.apiServers.map(a => a.port),
      ...cp.etcd.flatMap(m => [
        Number(new URL(m.clientUrl).port),
        Number(new URL(m.peerUrl).port),
      ]),
    ];
    expect(new Set(ports).size).toBe(ports.length);
    for (const url of [
      ...cp.apiServers.map(a => a.server),
      ...cp.etcd.map(m => m.clientUrl),
    ])
      expect(new URL(url).hostname).toMatch(/^127\./);

    const status = (await lab.labStatus()).find(
      s => s.name === 'kubernetes',
    ) as ComponentStatus;
    expect(status.state).toBe('running');
    expect(status.processes.map(p => p.name).sort()).toEqual(
      [
        'etcd-0',
        'etcd-1',
        'etcd-2',
        'kube-apiserver-0',
        'kube-apiserver-1',
        'kube-apiserver-2',
        'vip',
        'kube-controller-manager-0',
        'kube-controller-manager-1',
        'kube-scheduler-0',
        'kube-scheduler-1',
        'kwok',
        'kubelet-stand-in',
        'storage-stand-in',
      ].sort(),
    );
    expect(status.processes.every(p => p.alive && p.pid)).toBe(true);

    // A real etcd cluster: every member sees the 3 members.
    for (const m of cp.etcd) {
      const members = JSON.parse(
        (
          await promisify(execFile)('curl', [
            '-s',
            '-X',
            'POST',
            `${m.clientUrl}/v3/cluster/member/list`,
            '-d',
            '{}',
          ])
        ).stdout,
      ).members as Array<{ name: string }>;
      expect(members.map(x => x.name).sort()).toEqual([
        'etcd-0',
        'etcd-1',
        'etcd-2',
      ]);
    }
    // The API answers through the virtual address and through each server.
    expect((await request('GET', '/readyz')).status).toBe(200);
    for (const a of cp.apiServers)
      expect(
        (await request('GET', '/readyz', undefined, { server: a.server }))
          .status,
      ).toBe(200);
  });

  it('lists one API server identity lease per API server, each on its own master', async () => {
    const { stdout } = await promisify(execFile)(k8s.kubectl, [
      `--kubeconfig=${k8s.adminKubeconfig}`,
      'get',
      'leases',
      '-n',
      'kube-system',
      '-l',
      'apiserver.kubernetes.io/identity=kube-apiserver',
      '-o',
      'json',
    ]);
    const leases = JSON.parse(stdout).items as Array<{
      metadata: { labels: Record<string, string> };
    }>;
    expect(leases).toHaveLength(3);
    expect(
      leases.map(l => l.metadata.labels['kubernetes.io/hostname']).sort(),
    ).toEqual(cp.apiServers.map(a => a.hostname).sort());
  });

  it('shows each master as a control-plane node in its own zone and each member as a mirror pod with its command line, as kubeadm does', async () => {
    const kubectl = async (...args: string[]) =>
      JSON.parse(
        (
          await promisify(execFile)(k8s.kubectl, [
            `--kubeconfig=${k8s.adminKubeconfig}`,
            ...args,
            '-o',
            'json',
          ])
        ).stdout,
      ).items as any[];
    const masters = await kubectl(
      'get',
      'nodes',
      '-l',
      'node-role.kubernetes.io/control-plane',
    );
    expect(masters.map(n => n.metadata.name).sort()).toEqual(
      cp.apiServers.map(a => a.hostname).sort(),
    );
    expect(
      new Set(
        masters.map(n => n.metadata.labels['topology.kubernetes.io/zone']),
      ).size,
    ).toBe(3);
    for (const n of masters)
      expect(n.spec.taints).toContainEqual({
        key: 'node-role.kubernetes.io/control-plane',
        effect: 'NoSchedule',
      });

    const pods = await kubectl(
      'get',
      'pods',
      '-n',
      'kube-system',
      '-l',
      'tier=control-plane',
    );
    const of = (component: string) =>
      pods.filter(p => p.metadata.labels.component === component);
    const command = (p: any) => p.spec.containers[0].command as string[];
    expect(of('etcd')).toHaveLength(3);
    for (const m of cp.etcd) {
      const pod = of('etcd').find(p => p.spec.nodeName === m.hostname);
      expect(pod.metadata.name).toBe(`etcd-${m.hostname}`);
      expect(command(pod)).toContain(`--name=${m.name}`);
      expect(command(pod)).toContain(`--advertise-client-urls=${m.clientUrl}`);
    }
    expect(of('kube-apiserver')).toHaveLength(3);
    for (const p of of('kube-apiserver'))
      expect(command(p)).toContain(
        `--etcd-servers=${cp.etcd.map(m => m.clientUrl).join(',')}`,
      );
    expect(of('kube-controller-manager')).toHaveLength(2);
    expect(of('kube-scheduler')).toHaveLength(2);
    for (const p of pods) {
      expect(
        p.metadata.annotations['kubernetes.io/config.mirror'],
      ).toBeTruthy();
      expect(
        p.status.conditions.find((c: any) => c.type === 'Ready').status,
      ).toBe('True');
    }
  });

  it('keeps answering through the virtual address when an API server is killed', async () => {
    const victim = cp.apiServers[2].name;
    // Beside the loop below (a new connection per request), a client that keeps its
    // connection, as kubectl and client-go do: one on the killed server breaks.
    const agent = new https.Agent({
      keepAlive: true,
      maxSockets: 1,
      ca: k8s.caPem,
    });
    let loadDone = false;
    const kept: Outcome[] = [];
    const keptLoop = (async () => {
      while (!loadDone) {
        kept.push(await write(10_000, agent));
        await new Promise(r => setTimeout(r, 50));
      }
    })();
    const { outcomes, faultAt, okSinceFault } = await underLoad(() =>
      cp.kill(victim),
    ).finally(() => (loadDone = true));
    await keptLoop;
    agent.destroy();
    const keptFailed = kept.filter(o => !o.ok);
    // eslint-disable-next-line no-console
    console.log(
      `API server ${victim} killed, keep-alive client: ${kept.length} writes, ${
        keptFailed.length
      } failed, longest failed window ${longestFailedWindow(kept)} ms${
        keptFailed.length ? ` (${keptFailed[0].why})` : ''
      }`,
    );
    expect(longestFailedWindow(kept)).toBeLessThan(5_000);
    const window = longestFailedWindow(outcomes);
    const failed = outcomes.filter(o => !o.ok);
    // eslint-disable-next-line no-console
    console.log(
      `API server ${victim} killed: ${
        outcomes.length
      } writes through the virtual address, ${
        failed.length
      } failed, longest failed window ${window} ms${
        failed.length ? ` (${failed[0].why})` : ''
      }`,
    );
    expect(await cp.alive(victim)).toBe(false);
    expect(okSinceFault).toBeGreaterThanOrEqual(30);
    expect(outcomes.filter(o => o.start > faultAt).every(o => o.ok)).toBe(true);
    expect(window).toBeLessThan(5_000);

    await cp.restart(victim);
    expect(
      (
        await request('GET', '/readyz', undefined, {
          server: cp.apiServers[2].server,
        })
      ).status,
    ).toBe(200);
  });

  it('keeps taking writes when one etcd member is killed (quorum of 2 kept)', async () => {
    // Its mirror pod, watched from the kill on, beside the writes.
    let podShown: Promise<number> | undefined;
    const { outcomes, faultAt, okSinceFault } = await underLoad(async () => {
      await cp.kill('etcd-2');
      podShown = untilPod(etcdPod('etcd-2'), 'False', Date.now());
      podShown.catch(() => {}); // awaited below, once the writes are done
    });
    const window = longestFailedWindow(outcomes);
    // eslint-disable-next-line no-console
    console.log(
      `etcd-2 killed: ${outcomes.length} writes, ${
        outcomes.filter(o => !o.ok).length
      } failed, longest failed window ${window} ms${outcomes
        .filter(o => !o.ok)
        .slice(0, 1)
        .map(o => ` (${o.why})`)
        .join('')}`,
    );
    expect(okSinceFault).toBeGreaterThanOrEqual(30);
    expect(window).toBeLessThan(15_000);
    const after = outcomes.filter(o => o.start > faultAt);
    expect(after.slice(-10).every(o => o.ok)).toBe(true);
    // Its mirror pod says so (the others stay Ready).
    const shown = await podShown!;
    // eslint-disable-next-line no-console
    console.log(`etcd-2 killed: its mirror pod not Ready after ${shown} s`);
    expect((await podState(etcdPod('etcd-0')))?.ready).toBe('True');
    expect((await podState(etcdPod('etcd-1')))?.ready).toBe('True');
  });

  it('hands the controller-manager lease to the other controller-manager when its leader is killed, and the new leader makes pods', async () => {
    const holder = (await lease('kube-controller-manager'))!;
    const leader = cp.controllerManagers.find(m =>
      holder.startsWith(`${m.hostname}_`),
    )!;
    expect(leader).toBeDefined();
    const other = cp.controllerManagers.find(m => m !== leader)!;
    await cp.kill(leader.name);
    const killedAt = Date.now();
    const next = await waitFor(
      `the kube-controller-manager lease held by ${other.hostname}`,
      async () => {
        const h = await lease('kube-controller-manager');
        return h?.startsWith(`${other.hostname}_`) ? h : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const took = Date.now() - killedAt;
    // eslint-disable-next-line no-console
    console.log(
      `kube-controller-manager leader ${leader.name} killed: ${other.name} took the lease after ${took} ms`,
    );
    expect(next).not.toBe(holder);

    // The new leader does the work: its ReplicaSet controller makes the pods.
    const created = await request(
      'POST',
      `/apis/apps/v1/namespaces/${NAMESPACE}/replicasets`,
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'after-takeover' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'after-takeover' } },
          template: {
            metadata: { labels: { app: 'after-takeover' } },
            spec: { containers: [{ name: 'app', image: 'app:1' }] },
          },
        },
      },
      { contentType: 'application/json' },
    );
    expect(created.status).toBe(201);
    await waitFor(
      'the ReplicaSet made by the new leader to have 2 pods',
      async () => {
        const pods = JSON.parse(
          (
            await request(
              'GET',
              `/api/v1/namespaces/${NAMESPACE}/pods?labelSelector=app%3Dafter-takeover`,
            )
          ).body,
        ).items as unknown[];
        return pods.length === 2 ? pods : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    await cp.restart(leader.name);
  });

  it('refuses writes when a second etcd member is killed (quorum lost), and takes them again once one returns, with nothing lost', async () => {
    const acked = lastAcked;
    await cp.kill('etcd-1');
    const refusedAt = Date.now();
    const refused = await waitFor(
      'a write refused',
      async () => {
        const o = await write(15_000);
        return o.ok ? undefined : o;
      },
      { timeoutMs: 60_000 },
    );
    const again = await write(15_000);
    // eslint-disable-next-line no-console
    console.log(
      `etcd-1 killed too (1 of 3): writes refused after ${
        refused.end - refusedAt
      } ms (${refused.why}); a write ${again.end - again.start} ms later: ${
        again.ok ? 'accepted' : `refused (${again.why})`
      }`,
    );
    expect(again.ok).toBe(false);
    expect(lastAcked).toBe(acked);

    const restartAt = Date.now();
    await cp.restart('etcd-2', { timeoutMs: 120_000 });
    const accepted = await waitFor(
      'a write accepted again',
      async () => {
        const o = await write(15_000);
        return o.ok ? o : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    // eslint-disable-next-line no-console
    console.log(
      `etcd-2 back (2 of 3): writes accepted ${
        accepted.end - restartAt
      } ms after its restart began`,
    );
    const read = JSON.parse(
      (
        await request(
          'GET',
          `/api/v1/namespaces/${NAMESPACE}/configmaps/${CONFIG_MAP}`,
        )
      ).body,
    );
    expect(read.data.n).toBe(String(lastAcked));
    // The mirror pods show it: etcd-2 back (one restart), etcd-1 still down.
    const readyAgain = await untilPod(etcdPod('etcd-2'), 'True', restartAt);
    // eslint-disable-next-line no-console
    console.log(
      `etcd-2 back: its mirror pod Ready ${readyAgain} s after its restart began`,
    );
    expect(await podState(etcdPod('etcd-2'))).toEqual({
      ready: 'True',
      restarts: 1,
    });
    expect((await podState(etcdPod('etcd-1')))?.ready).toBe('False');
    const etcd1At = Date.now();
    await cp.restart('etcd-1', { timeoutMs: 120_000 });
    await untilPod(etcdPod('etcd-1'), 'True', etcd1At);

    // A controller-manager or scheduler that could not renew its lease exits, as
    // upstream does; on a real master the kubelet starts it again, here the test does.
    const exited = [];
    for (const m of [...cp.controllerManagers, ...cp.schedulers]) {
      if (!(await cp.alive(m.name))) {
        exited.push(m.name);
        await cp.restart(m.name);
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `after quorum loss: ${
        exited.join(', ') || 'no controller-manager or scheduler'
      } exited (restarted)`,
    );
  });

  it('stops every process by PID on lab down', async () => {
    const before = (await lab.labStatus()).find(s => s.name === 'kubernetes')!;
    const pids = before.processes.filter(p => p.alive).map(p => p.pid!);
    expect(pids.length).toBeGreaterThanOrEqual(12);
    await lab.labDown(['kubernetes']);
    expect(pids.filter(pid => isAlive(pid))).toEqual([]);
  });
});
