import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@diehard/lab';
import {
  BackendProcess,
  sqliteIn,
  startBackendProcess,
} from '../__testUtils__/startBackendProcess';
import { guestToken } from '../__testUtils__/guestSession';

jest.setTimeout(300_000);

/**
 * Issue #20: the portal as packaged (app-config.yaml, src/index.ts) runs the real Tech
 * Insights backend with Diehard's posture facts and checks, so its scorecards show HA.
 * eni-todo-web (demo catalog) is graded A from its manifests and has no handoff review.
 */
/** The run route's order: namespace, kind, name. */
const WEB = 'default/component/eni-todo-web';
const DIEHARD_CHECKS = [
  'haPostureGradeAtLeastB',
  'haPostureNoCriticalFinding',
  'haReviewSignedAndNotStale',
];

let backend: BackendProcess;
let dataDir: string;
let token: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-scorecards-'));
  backend = await startBackendProcess({
    port: await freePort(),
    configFiles: ['app-config.yaml'],
    overrides: {
      backend: { database: sqliteIn(dataDir) },
    },
  });
  token = await guestToken(backend.baseUrl);
});

afterAll(async () => {
  await backend?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api(route: string, method = 'GET') {
  const res = await fetch(`${backend.baseUrl}${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: method === 'POST' ? '{}' : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Runs a scheduled task now, as the task's own schedule would; 409 while it runs. */
async function trigger(plugin: string, task: string) {
  const { status } = await api(
    `/api/${plugin}/.backstage/scheduler/v1/tasks/${task}/trigger`,
    'POST',
  );
  expect([200, 409]).toContain(status);
}

type CheckResults = Record<string, boolean>;

async function runChecks(): Promise<{
  status: number;
  results?: CheckResults;
  body: unknown;
}> {
  const { status, body } = await api(
    `/api/tech-insights/checks/run/${WEB}`,
    'POST',
  );
  if (status !== 200 || !Array.isArray(body)) return { status, body };
  return {
    status,
    body,
    results: Object.fromEntries(
      body.map((r: { check: { id: string }; result: boolean }) => [
        r.check.id,
        r.result,
      ]),
    ),
  };
}

describe('Tech Insights in the portal', () => {
  it('lists Diehard’s checks to a signed-in user and refuses anonymous calls', async () => {
    const { status, body } = await api('/api/tech-insights/checks');
    expect(status).toBe(200);
    expect(body.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(DIEHARD_CHECKS),
    );

    const anonymous = await fetch(
      `${backend.baseUrl}/api/tech-insights/checks`,
    );
    expect(anonymous.status).toBe(401);
  });

  it('scores eni-todo-web from its manifests: grade A passes, the missing review fails', async () => {
    // Wait for a state: the catalog reads the demo files, the posture evaluates the
    // service, the retrievers publish its facts, each on its own schedule.
    const deadline = Date.now() + 240_000;
    let last: Awaited<ReturnType<typeof runChecks>> | undefined;
    while (Date.now() < deadline) {
      last = await runChecks();
      const r = last.results;
      if (
        r &&
        r.haPostureGradeAtLeastB &&
        r.haReviewSignedAndNotStale !== undefined
      )
        break;
      await trigger('ha-posture', 'ha-posture-refresh');
      await trigger('tech-insights', 'haPostureFactRetriever');
      await trigger('tech-insights', 'haReviewFactRetriever');
      await new Promise(resolve => setTimeout(resolve, 3_000));
    }
    expect(last?.results).toEqual({
      haPostureGradeAtLeastB: true,
      haPostureNoCriticalFinding: true,
      haReviewSignedAndNotStale: false,
    });

    const facts = await api(
      `/api/tech-insights/facts/latest?entity=${encodeURIComponent(
        'component:default/eni-todo-web',
      )}&ids[]=haPostureFactRetriever`,
    );
    expect(facts.status).toBe(200);
    expect(facts.body.haPostureFactRetriever.facts).toMatchObject({
      grade: 'A',
      criticalFindings: 0,
      singlePointsOfFailure: 0,
    });
  });

  it('logs no Tech Insights error', () => {
    const errors = backend
      .output()
      .split('\n')
      .filter(
        line => /"level":"error"/.test(line) && /tech-insights/.test(line),
      );
    expect(errors).toEqual([]);
  });
});
