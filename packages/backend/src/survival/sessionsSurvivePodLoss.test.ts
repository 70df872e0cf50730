import { eventually } from '../templates/__testUtils__/http';
import {
  DeployedService,
  ServiceDeployment,
} from './__testUtils__/deployedService';
import { MEMBER_ADDED, visit, waitForLog } from './__testUtils__/podCluster';
import { findingsOf, scanProject } from './__testUtils__/postureCli';
import { withTomcatLogs } from './__testUtils__/tomcatLogs';

/**
 * HTTP session replication as generated, for real: 3 pods of the generated Deployment
 * on 3 nodes of the lab's Kubernetes, a real Tomcat on each pod IP with the generated
 * server.xml, peers found through the API server with the generated Role, sessions
 * copied by the generated DeltaManager.
 */
jest.setTimeout(900_000);

const deployment = new ServiceDeployment('todo-repl');
let service: DeployedService;

beforeAll(async () => {
  service = await deployment.start();
  // Only once every Tomcat has added the two others does a change reach all of them.
  await waitForLog(service.cluster.pods, MEMBER_ADDED, 2);
});

afterAll(() => deployment.stop());

describe('sessions of the generated service on the lab cluster', () => {
  it('schedules the 3 pods on 3 different nodes', () => {
    expect(new Set(service.cluster.pods.map(p => p.node)).size).toBe(3);
  });

  it('has no sessions finding in the posture engine', () => {
    expect(
      findingsOf(scanProject(service.project), service.name, 'sessions'),
    ).toEqual([]);
  });

  it('keeps a session when the pod that created it is lost: the next pod carries on with the same count', async () => {
    const [a, b, c] = service.cluster.pods;
    await withTomcatLogs(
      service.cluster.pods.map(p => p.tomcat),
      async () => {
        const first = await visit(a);
        expect(first.status).toBe(200);
        expect(first.cookie).toMatch(/^JSESSIONID=/);

        const onB = await visit(b, first.cookie);
        expect(onB.body).toMatchObject({
          pod: b.name,
          visits: 2,
          firstPod: a.name,
        });

        await a.tomcat.stop();
        const onC = await eventually(
          () => visit(c, first.cookie),
          r => r.status === 200,
          30_000,
        );
        expect(onC.body).toEqual({
          pod: c.name,
          visits: 3,
          firstPod: a.name,
          pods: [a.name, b.name, c.name],
        });
      },
    );
  });
});
