import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '../templates/__testUtils__/http';
import {
  DeployedService,
  ServiceDeployment,
} from './__testUtils__/deployedService';
import {
  MEMBER_ADDED,
  MEMBERSHIP_REFUSED,
  visit,
  waitForLog,
} from './__testUtils__/podCluster';
import { findingsOf, scanProject } from './__testUtils__/postureCli';
import { logCount, withTomcatLogs } from './__testUtils__/tomcatLogs';

/**
 * The negative twin of sessionsSurvivePodLoss: the same generated service, but its
 * membership Role may only `get` pods, not `list` them. The posture engine says so
 * before deploy (a `sessions` finding), and on the lab the session dies with its pod.
 */
jest.setTimeout(900_000);

const deployment = new ServiceDeployment('todo-nolist');
let service: DeployedService;

beforeAll(async () => {
  service = await deployment.start({
    patch: project => {
      const role = path.join(project, 'k8s/role.yaml');
      const generated = fs.readFileSync(role, 'utf8');
      const patched = generated.replace('verbs: [get, list]', 'verbs: [get]');
      if (patched === generated)
        throw new Error(
          `the generated Role no longer reads "verbs: [get, list]":\n${generated}`,
        );
      fs.writeFileSync(role, patched);
    },
  });
  // Every instance has asked the API server for its peers, and been refused.
  await waitForLog(service.cluster.pods, MEMBERSHIP_REFUSED, 1);
});

afterAll(() => deployment.stop());

describe('sessions of the generated service when its Role lacks list on pods', () => {
  it('are reported by the posture engine and lost with their pod on the lab: analysis and reality agree', async () => {
    const predicted = findingsOf(
      scanProject(service.project),
      service.name,
      'sessions',
    );
    expect(predicted).toEqual([
      expect.objectContaining({
        category: 'sessions',
        message: expect.stringMatching(
          /may not list pods|do not allow list on pods/,
        ),
      }),
    ]);

    const [a, b, c] = service.cluster.pods;
    await withTomcatLogs(
      service.cluster.pods.map(p => p.tomcat),
      async () => {
        const first = await visit(a);
        expect(first.status).toBe(200);
        expect(first.cookie).toMatch(/^JSESSIONID=/);
        const again = await visit(a, first.cookie);
        expect(again.body).toMatchObject({ visits: 2, firstPod: a.name });

        await a.tomcat.stop();
        const onC = await eventually(
          () => visit(c, first.cookie),
          r => r.status === 200,
          30_000,
        );
        // The user's visits start again from 1 on a session C had never heard of.
        expect(onC.body).toEqual({
          pod: c.name,
          visits: 1,
          firstPod: c.name,
          pods: [c.name],
        });
        expect(onC.cookie).toMatch(/^JSESSIONID=/);
        expect(onC.cookie).not.toBe(first.cookie);
        for (const pod of [b, c])
          expect(logCount(pod.tomcat, MEMBER_ADDED)).toBe(0);
      },
    );
  });
});
