import type { LogEvent } from '@backstage/plugin-scaffolder-common';
import { withoutStackFrames } from './withoutStackFrames';

const event = (message: string): LogEvent => ({
  id: 1,
  taskId: 't1',
  type: 'log',
  createdAt: '2026-12-06T00:00:00Z',
  body: { message, stepId: 'register', status: 'failed' },
});

describe('withoutStackFrames', () => {
  it("keeps a failed built-in step's error and drops the server's files", () => {
    const failed = event(
      [
        'ConflictError: Location url:https://git.example/todo already exists',
        '    at CatalogClient.addLocation (/srv/portal/node_modules/@backstage/catalog-client/dist/index.cjs.js:312:13)',
        '    at async Object.handler (/srv/portal/node_modules/@backstage/plugin-scaffolder-backend/dist/register.cjs.js:80:9)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
        '    at C:\\portal\\index.js:1:1',
        '    at <anonymous>',
      ].join('\n'),
    );
    const shown = withoutStackFrames(failed);
    expect(shown.body.message).toBe(
      'ConflictError: Location url:https://git.example/todo already exists',
    );
    expect(shown.body).toMatchObject({ stepId: 'register', status: 'failed' });
    expect(failed.body.message).toContain('/srv/portal');
  });

  it('leaves what a step wrote alone, "at" included', () => {
    const lines = event(
      'Posture gate: grade B, minimum A\n  at least 2 replicas are needed\n  at https://docs.example/ha',
    );
    expect(withoutStackFrames(lines)).toBe(lines);
    const completion = { ...event(''), type: 'completion' as const };
    expect(withoutStackFrames(completion)).toBe(completion);
  });
});
