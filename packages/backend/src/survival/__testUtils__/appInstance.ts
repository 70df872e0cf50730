import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { eventually, request } from '../../templates/__testUtils__/http';
import type { SurvivalLab, Tomcat } from './lab';
import { withTomcatLogs } from './tomcatLogs';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The generated WAR on a Tomcat of its own on 127.0.0.1 (a "pod" without Kubernetes:
 * Tomcat's default server.xml, so no session replication), live on return.
 */
export async function startApp(options: {
  lab: SurvivalLab;
  work: string;
  name: string;
  war: string;
  dbUrl: string;
  attachments: string;
}): Promise<Tomcat> {
  const base = path.join(options.work, options.name);
  fs.mkdirSync(path.join(base, 'webapps'), { recursive: true });
  fs.copyFileSync(options.war, path.join(base, 'webapps', 'ROOT.war'));
  const tomcat = await options.lab.tomcat({
    host: '127.0.0.1',
    port: await freePort(),
    catalinaBase: base,
    timeoutMs: 180_000,
    env: {
      POD_NAME: options.name,
      DB_URL: options.dbUrl,
      DB_USER: options.lab.galera.user,
      DB_PASSWORD: options.lab.galera.password,
      ATTACHMENTS_DIR: options.attachments,
    },
  });
  // The connector answers before the WAR is deployed: wait for the application.
  await withTomcatLogs([tomcat], async () => {
    const live = await eventually(
      () => request(`${tomcat.url}/health/live`),
      r => r.status === 200,
      180_000,
    );
    if (live.status !== 200)
      throw new Error(`${options.name} is not live: ${live.status}`);
  });
  return tomcat;
}
