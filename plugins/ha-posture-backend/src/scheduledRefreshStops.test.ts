import request from 'supertest';
import { capturingLogger, sharedScheduler } from '@diehard/backend-test-utils';
import {
  PostureBackend,
  serviceComponent,
  startPostureBackend,
} from './__testUtils__/postureBackend';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const TASK = 'ha-posture-refresh';
const NAMES = ['orders', 'cart', 'search'];

/**
 * The scheduler aborts a run's signal at its timeout (its lock then goes to another
 * replica) or at shutdown: the refresh must stop then, not go on beside the next run.
 */
describe('the scheduled refresh when the scheduler stops it', () => {
  const logs = capturingLogger();
  const { scheduler, factory } = sharedScheduler();
  let backend: PostureBackend;

  beforeAll(async () => {
    backend = await startPostureBackend({
      entities: NAMES.map(name =>
        serviceComponent(name, { 'backstage.io/kubernetes-id': name }),
      ),
      features: [logs.factory, factory],
    });
  });

  afterAll(() => backend?.stop());

  const refreshLines = () =>
    logs.lines.filter(l => l.message.includes('refresh'));
  const fleet = async () =>
    (await request(backend.server).get('/api/ha-posture/fleet')).body.entries;

  it('evaluates no further entity once its run is aborted, and runs whole the next time', async () => {
    const run = scheduler.triggerTask(TASK);
    await scheduler.cancelTask(TASK);
    await run;
    expect(refreshLines().at(-1)).toMatchObject({
      message: 'stopped refreshing HA posture (timed out or shutting down)',
      meta: { evaluated: 0, stopped: true },
    });
    expect(await fleet()).toEqual([]);

    await scheduler.triggerTask(TASK);
    expect(refreshLines().at(-1)).toMatchObject({
      message: 'refreshed HA posture',
      meta: { evaluated: NAMES.length, failed: 0, stopped: false },
    });
    expect((await fleet()).map((e: any) => e.entityRef).sort()).toEqual(
      NAMES.map(n => `component:default/${n}`).sort(),
    );
  });
});
