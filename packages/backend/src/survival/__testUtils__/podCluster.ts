import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, request } from '../../templates/__testUtils__/http';
import {
  NAMESPACE,
  serviceObjects,
} from '../../templates/__testUtils__/tomcatHaServiceValues';
import type { SurvivalLab, Tomcat } from './lab';
import { keepLogs, logCount, withTomcatLogs } from './tomcatLogs';

export interface Pod {
  name: string;
  ip: string;
  node: string;
  tomcat: Tomcat;
}

export interface PodCluster {
  pods: Pod[];
  /** Stops every Tomcat and deletes what was applied. */
  stop(): Promise<void>;
}

/** What the membership provider logs when the API server lists the pods for it. */
export const MEMBER_ADDED = /Replication member added/;
/** What it logs when the API server's RBAC refuses it the list of pods. */
export const MEMBERSHIP_REFUSED =
  /Server returned HTTP response code: 403 for URL: https:\/\/\S+\/pods\?/;

export function kubectl(lab: SurvivalLab, args: string[]) {
  const r = spawnSync(
    lab.kubernetes.kubectl,
    ['--kubeconfig', lab.kubernetes.adminKubeconfig, ...args],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * The generated service as pods of the lab's Kubernetes, each a real Tomcat 10.1: the
 * project's k8s/ (and pv.yaml) are applied, the scheduler places the pods and KWOK
 * gives them pod IPs on loopback; on each pod IP a Tomcat runs the WAR with the
 * generated server.xml and the environment the Deployment gives a container: namespace,
 * labels, API server address, the API server's CA and a token of the generated
 * ServiceAccount (so the generated Role decides what its membership provider may see).
 */
export async function startPodCluster(options: {
  lab: SurvivalLab;
  work: string;
  project: string;
  name: string;
  war: string;
  dbUrl: string;
}): Promise<PodCluster> {
  const { lab, work, project, name, war, dbUrl } = options;
  const tomcats: Tomcat[] = [];
  const stop = async () => {
    keepLogs(tomcats);
    for (const t of tomcats) await t.stop().catch(() => undefined);
    spawnSync(lab.kubernetes.kubectl, [
      '--kubeconfig',
      lab.kubernetes.adminKubeconfig,
      'delete',
      '-f',
      path.join(project, 'k8s'),
      '-f',
      path.join(project, 'pv.yaml'),
      '--wait=false',
      '--ignore-not-found',
    ]);
  };
  try {
    kubectl(lab, [
      'apply',
      '-f',
      path.join(project, 'pv.yaml'),
      '-f',
      path.join(project, 'k8s'),
    ]);
    const listed = await eventually(
      async () => serviceObjects(args => kubectl(lab, args), 'pods', name),
      items =>
        items.length === 3 &&
        items.every(p => p.status.phase === 'Running' && p.status.podIP),
      180_000,
    );
    if (listed.length !== 3 || !listed.every(p => p.status.phase === 'Running'))
      throw new Error(
        `pods not running: ${JSON.stringify(listed.map(p => p.status))}`,
      );

    const token = path.join(work, 'token');
    fs.writeFileSync(
      token,
      kubectl(lab, [
        'create',
        'token',
        name,
        '-n',
        NAMESPACE,
        '--duration',
        '1h',
      ]).trim(),
    );
    const api = new URL(lab.kubernetes.server);
    const serverXml = fs.readFileSync(
      path.join(project, 'tomcat/conf/server.xml'),
      'utf8',
    );
    const labels = fs
      .readFileSync(path.join(project, 'k8s/deployment.yaml'), 'utf8')
      .match(/- name: KUBERNETES_LABELS\n\s+value: (.*)/)![1];

    const pods = await Promise.all(
      listed.map(async (p): Promise<Pod> => {
        const pod = {
          name: p.metadata.name as string,
          ip: p.status.podIP as string,
          node: p.spec.nodeName as string,
        };
        const base = path.join(work, pod.name);
        fs.mkdirSync(path.join(base, 'conf'), { recursive: true });
        fs.mkdirSync(path.join(base, 'webapps'), { recursive: true });
        fs.copyFileSync(war, path.join(base, 'webapps', 'ROOT.war'));
        // In a pod, the connector and the receiver ("auto") take the pod's address;
        // here the pods share one machine, so each listens on its own pod IP.
        fs.writeFileSync(
          path.join(base, 'conf', 'server.xml'),
          serverXml
            .replace(
              '<Connector port="8080"',
              `<Connector address="${pod.ip}" port="8080"`,
            )
            .replace('address="auto"', `address="${pod.ip}"`),
        );
        // The membership provider recognises itself by its host's address: the pod IP.
        const hosts = path.join(base, 'hosts');
        fs.writeFileSync(
          hosts,
          `127.0.0.1 localhost\n${pod.ip} ${os.hostname()}\n`,
        );
        const tomcat = await lab.tomcat({
          host: pod.ip,
          port: 8080,
          catalinaBase: base,
          javaOpts: [`-Djdk.net.hosts.file=${hosts}`],
          timeoutMs: 180_000,
          env: {
            POD_NAME: pod.name,
            KUBERNETES_NAMESPACE: NAMESPACE,
            KUBERNETES_LABELS: labels,
            KUBERNETES_SERVICE_HOST: api.hostname,
            KUBERNETES_SERVICE_PORT: api.port,
            KUBERNETES_CA_CERTIFICATE_FILE: lab.kubernetes.caFile,
            SA_TOKEN_FILE: token,
            DB_URL: dbUrl,
            DB_USER: lab.galera.user,
            DB_PASSWORD: lab.galera.password,
            ATTACHMENTS_DIR: path.join(work, 'attachments'),
          },
        });
        tomcats.push(tomcat);
        return { ...pod, tomcat };
      }),
    );
    await withTomcatLogs(tomcats, async () => {
      for (const pod of pods) {
        const live = await eventually(
          () => request(`${pod.tomcat.url}/health/live`),
          r => r.status === 200,
          180_000,
        );
        if (live.status !== 200)
          throw new Error(`${pod.name} is not live: ${live.status}`);
      }
    });
    return { pods, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Waits until every instance's log shows `pattern` at least `count` times: membership
 * polls the API server, and a member found later misses the session changes before.
 */
export async function waitForLog(
  pods: Pod[],
  pattern: RegExp,
  count: number,
  timeoutMs = 120_000,
) {
  await withTomcatLogs(
    pods.map(p => p.tomcat),
    async () => {
      for (const pod of pods) {
        const seen = await eventually(
          async () => logCount(pod.tomcat, pattern),
          n => n >= count,
          timeoutMs,
        );
        if (seen < count)
          throw new Error(
            `${pod.name} logged ${pattern} ${seen} times in ${timeoutMs} ms, not ${count}`,
          );
      }
    },
  );
}

/** GET /session (the per-user visit counter) on one pod, with the user's cookie. */
export async function visit(pod: Pod, cookie?: string) {
  const r = await request(`${pod.tomcat.url}/session`, {
    headers: cookie ? { cookie } : {},
  });
  return {
    status: r.status,
    cookie: r.headers['set-cookie']
      ? String(r.headers['set-cookie']).split(';')[0]
      : undefined,
    body: r.status === 200 ? JSON.parse(r.body) : r.body,
  };
}
