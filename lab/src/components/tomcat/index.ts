import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { labPaths } from '../../paths';
import { LAB_HOST, LAB_PORTS } from '../../ports';
import { LabError } from '../../util/errors';
import { isAlive, readPid, startDaemon, stopDaemon } from '../../util/process';
import { exists, readJson } from '../../util/state';
import { waitFor } from '../../util/wait';
import type { LabComponent } from '../types';
import { GENERATED_MARKER, serverXml } from './serverXml';

/** Debian's tomcat10 (Tomcat 10.1). */
export const CATALINA_HOME =
  process.env.DIEHARD_CATALINA_HOME ?? '/usr/share/tomcat10';
const DEBIAN_CONF = '/etc/tomcat10';
const CONF_FILES = [
  'web.xml',
  'context.xml',
  'logging.properties',
  'catalina.properties',
];

export interface TomcatOptions {
  /** A loopback address to listen on (any 127.x.y.z, e.g. a lab pod IP). */
  host?: string;
  port: number;
  /**
   * The instance's CATALINA_BASE; created when missing. conf/ is filled from Debian's
   * defaults; a server.xml of the caller's own is used as it is (host and port are
   * then only where the lab waits for it to answer).
   */
  catalinaBase: string;
  /** Where the webapps (WARs or exploded directories) are; default <catalinaBase>/webapps. */
  webapps?: string;
  /** Extra JVM options (CATALINA_OPTS), e.g. system properties. */
  javaOpts?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface TomcatInstance {
  /** http://host:port */
  url: string;
  host: string;
  port: number;
  catalinaBase: string;
  pid: number;
  /** catalina.out of this instance. */
  logFile: string;
  /** SIGTERM (a clean shutdown), by PID. */
  stop(): Promise<void>;
}

export interface TomcatEndpoint {
  url: string;
  host: string;
  port: number;
  catalinaBase: string;
  webapps: string;
  catalinaHome: string;
}

/** Fails clearly when Debian's Tomcat or a Java runtime is missing. */
export function checkTomcatInstalled() {
  if (!fs.existsSync(path.join(CATALINA_HOME, 'bin', 'catalina.sh'))) {
    throw new LabError(
      `Tomcat not found in ${CATALINA_HOME}: run lab/scripts/install-prereqs.sh (Debian's tomcat10)`,
    );
  }
}

const instancesDir = () =>
  path.join(labPaths().stateDir, 'tomcat', 'instances');
const pidFileOf = (host: string, port: number) =>
  path.join(instancesDir(), `${host}_${port}.pid`);

function answers(url: string): Promise<boolean> {
  return new Promise(resolve => {
    const req = http.get(url, { timeout: 2000 }, res => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/**
 * Starts Tomcat 10.1 (Debian's, `catalina.sh run`) serving `catalinaBase` on host:port
 * and resolves once it answers HTTP. The PID is recorded in the lab's state dir, so
 * `yarn lab down` stops instances a test left behind.
 */
export async function startTomcat(
  options: TomcatOptions,
): Promise<TomcatInstance> {
  checkTomcatInstalled();
  const host = options.host ?? LAB_HOST;
  const { port } = options;
  if (!host.startsWith('127.'))
    throw new LabError(`Tomcat runs on loopback only, not ${host}`);
  const base = path.resolve(options.catalinaBase);
  const webapps = path.resolve(options.webapps ?? path.join(base, 'webapps'));
  for (const d of ['conf', 'logs', 'temp', 'work'])
    await fsp.mkdir(path.join(base, d), { recursive: true });
  await fsp.mkdir(webapps, { recursive: true });
  for (const file of CONF_FILES) {
    const target = path.join(base, 'conf', file);
    if (!(await exists(target)))
      await fsp.copyFile(path.join(DEBIAN_CONF, file), target);
  }
  const serverXmlFile = path.join(base, 'conf', 'server.xml');
  const current = await fsp
    .readFile(serverXmlFile, 'utf8')
    .catch(() => undefined);
  if (current === undefined || current.includes(GENERATED_MARKER)) {
    await fsp.writeFile(
      serverXmlFile,
      serverXml({ host, port, appBase: webapps }),
    );
  }

  await fsp.mkdir(instancesDir(), { recursive: true });
  const pidFile = pidFileOf(host, port);
  await stopDaemon(pidFile, { expect: 'catalina' });
  const logFile = path.join(base, 'logs', 'catalina.out');
  const pid = await startDaemon({
    command: path.join(CATALINA_HOME, 'bin', 'catalina.sh'),
    args: ['run'],
    cwd: base,
    logFile,
    pidFile,
    env: {
      ...process.env,
      CATALINA_HOME,
      CATALINA_BASE: base,
      CATALINA_TMPDIR: path.join(base, 'temp'),
      // A small JVM that starts fast: tests run several of these on 2 cores.
      CATALINA_OPTS: [
        '-Xms32m',
        '-Xmx256m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        '-Xss512k',
        ...(options.javaOpts ?? []),
      ].join(' '),
      ...options.env,
    },
  });
  const url = `http://${host}:${port}`;
  await waitFor(
    `tomcat on ${url}`,
    async () => ((await answers(`${url}/`)) ? true : undefined),
    {
      timeoutMs: options.timeoutMs ?? 60_000,
      intervalMs: 250,
      alive: () => isAlive(pid),
      logFile,
    },
  );
  return {
    url,
    host,
    port,
    catalinaBase: base,
    pid,
    logFile,
    stop: async () => {
      await stopDaemon(pidFile, { expect: base, timeoutMs: 30_000 });
    },
  };
}

/** `lab up tomcat`: a demo instance on 127.0.0.1:18080 with a page of its own. */
export const tomcatComponent: LabComponent<TomcatEndpoint> = {
  name: 'tomcat',

  async probe(ctx) {
    const e = await readJson<TomcatEndpoint>(
      path.join(ctx.dir, 'endpoint.json'),
    );
    if (
      !e ||
      !isAlive(await readPid(pidFileOf(e.host, e.port)), e.catalinaBase)
    )
      return undefined;
    return (await answers(`${e.url}/`)) ? e : undefined;
  },

  async start(ctx) {
    const catalinaBase = path.join(ctx.dir, 'base');
    const webapps = path.join(catalinaBase, 'webapps');
    await fsp.mkdir(path.join(webapps, 'ROOT'), { recursive: true });
    await fsp.writeFile(
      path.join(webapps, 'ROOT', 'index.html'),
      '<!doctype html><title>Diehard lab</title><h1>Diehard lab: Tomcat 10.1 is up</h1>\n',
    );
    ctx.report(`tomcat: starting on http://${LAB_HOST}:${LAB_PORTS.tomcat}`);
    const t = await startTomcat({
      host: LAB_HOST,
      port: LAB_PORTS.tomcat,
      catalinaBase,
    });
    const endpoint = {
      url: t.url,
      host: t.host,
      port: t.port,
      catalinaBase,
      webapps,
      catalinaHome: CATALINA_HOME,
    };
    return endpoint;
  },

  /** Stops the demo instance and every instance a test started and left running. */
  async stop() {
    const files = await fsp.readdir(instancesDir()).catch(() => [] as string[]);
    for (const f of files.filter(n => n.endsWith('.pid'))) {
      await stopDaemon(path.join(instancesDir(), f), {
        expect: 'catalina',
        timeoutMs: 30_000,
      });
    }
  },

  async processes() {
    const files = await fsp.readdir(instancesDir()).catch(() => [] as string[]);
    return Promise.all(
      files
        .filter(n => n.endsWith('.pid'))
        .map(async n => {
          const pid = await readPid(path.join(instancesDir(), n));
          return {
            name: `tomcat ${n.replace(/\.pid$/, '').replace('_', ':')}`,
            pid,
            alive: isAlive(pid, 'catalina'),
          };
        }),
    );
  },
};
