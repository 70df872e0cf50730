import type { LogEvent } from '@backstage/plugin-scaffolder-common';
import { withoutWorkspacePath } from './withoutWorkspacePath';

const event = (message: string): LogEvent => ({
  id: 1,
  taskId: 't1',
  type: 'log',
  createdAt: '2026-12-07T00:00:00Z',
  body: { message, stepId: 'fetch' },
});

describe('withoutWorkspacePath', () => {
  it('drops the server folder fetch:template names, as the task log carries it (colours and all)', () => {
    const line = event(
      '\u001b[32minfo\u001b[39m: Template result written to /tmp/0bddab38-5770-4817-b95d-242083612468',
    );
    const shown = withoutWorkspacePath(line);
    expect(shown.body.message).toBe(
      '\u001b[32minfo\u001b[39m: Template result written to the workspace',
    );
    expect(shown.body.stepId).toBe('fetch');
    expect(line.body.message).toContain('/tmp/');
    expect(
      withoutWorkspacePath(
        event('info: Template result written to C:\\Temp\\backstage\\0bdd'),
      ).body.message,
    ).toBe('info: Template result written to the workspace');
  });

  it('leaves other lines alone, paths of the manifests included', () => {
    const other = event(
      'info: Writing file k8s/volume.yaml to template output path with mode 33188.',
    );
    expect(withoutWorkspacePath(other)).toBe(other);
    const posture = event(
      'mountPath: /usr/local/tomcat/conf (Template result)',
    );
    expect(withoutWorkspacePath(posture)).toBe(posture);
  });
});
