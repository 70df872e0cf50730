/**
 * `yarn bench:storm`: what 100 parallel posture refreshes of one entity cost the rest
 * of the portal. Runs the real backend (packages/backend) with the demo catalog, signs
 * in as guest, measures an unrelated catalog request alone, then again while 100
 * `POST …/refresh` of component:default/eni-todo-web run; prints the answers' status
 * codes and the catalog request's times.
 *
 *   yarn bench:storm [--refreshes 100] [--port 7121]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBackendProcess } from 'backend/src/__testUtils__/startBackendProcess';
import { guestToken } from 'backend/src/__testUtils__/guestSession';
import { quantile } from './stats';

const { values: args } = parseArgs({
  options: {
    refreshes: { type: 'string', default: '100' },
    port: { type: 'string', default: '7121' },
  },
});
const REFRESHES = Number(args.refreshes);

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ha-posture-storm-'));
  const backend = await startBackendProcess({
    configFiles: ['app-config.yaml'],
    port: Number(args.port),
    readyTimeoutMs: 300_000,
    overrides: {
      backend: {
        database: { connection: { directory: path.join(work, 'sqlite') } },
      },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [{ type: 'config', clusters: [] }],
      },
      haPosture: { refresh: { minutes: 600 } },
    },
  });
  try {
    let headers = {
      Authorization: `Bearer ${await guestToken(backend.baseUrl)}`,
    };
    const catalogUrl = `${backend.baseUrl}/api/catalog/entities/by-name/resource/default/eni-todo-galera`;
    const timed = async () => {
      const started = performance.now();
      const res = await fetch(catalogUrl, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`catalog answered ${res.status}`);
      return (performance.now() - started) / 1000;
    };
    // The catalog reads the demo files once after start; the guest is signed in again
    // once its user is there, so its token carries its teams (owner of eni-todo-web).
    const guestUrl = `${backend.baseUrl}/api/catalog/entities/by-name/user/default/guest`;
    for (let i = 0; ; i++) {
      const res = await fetch(catalogUrl, { headers });
      const guest = await fetch(guestUrl, { headers });
      if (res.ok && guest.ok) break;
      if (i > 120) throw new Error('the demo catalog never appeared');
      await new Promise(r => setTimeout(r, 1000));
    }
    headers = { Authorization: `Bearer ${await guestToken(backend.baseUrl)}` };
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) alone.push(await timed());

    const refreshUrl = `${backend.baseUrl}/api/ha-posture/entities/component/default/eni-todo-web/refresh`;
    const started = performance.now();
    let done = false;
    let source = '';
    const storm = Promise.all(
      Array.from({ length: REFRESHES }, () =>
        fetch(refreshUrl, { method: 'POST', headers }).then(async r => {
          const body = await r.json();
          if (r.ok) source = JSON.stringify(body.source);
          return r.status;
        }),
      ),
    ).finally(() => (done = true));
    const during: number[] = [];
    while (!done) during.push(await timed());
    const statuses = await storm;
    const stormSeconds = (performance.now() - started) / 1000;
    const counts: Record<number, number> = {};
    for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
    const fmt = (xs: number[]) =>
      `median ${quantile(xs, 0.5).toFixed(3)} s, max ${Math.max(...xs).toFixed(
        3,
      )} s (${xs.length} requests)`;
    console.log(`catalog request alone:        ${fmt(alone)}`);
    console.log(`during ${REFRESHES} refreshes:        ${fmt(during)}`);
    console.log(
      `refreshes: ${stormSeconds.toFixed(
        2,
      )} s in all, statuses ${JSON.stringify(counts)}, source ${source}`,
    );
  } finally {
    await backend.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
