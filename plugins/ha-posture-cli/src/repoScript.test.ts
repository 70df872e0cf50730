import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

describe('yarn diehard-posture, as the README runs it from the repository root', () => {
  it('scans a folder of manifests and prints its grades', () => {
    const run = spawnSync(
      'yarn',
      [
        'diehard-posture',
        'scan',
        'plugins/ha-posture-common/corpus/service/eni-todo-ha',
      ],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('A  Deployment eni-todo/todo-web');
    expect(run.status).toBe(0);
  });
});
