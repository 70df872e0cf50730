import { isAlive, readPid, stopDaemon } from '../util/process';
import type { LabComponent } from './types';

/**
 * How a component that runs one daemon stops it and says whether it runs: the daemon
 * (`name`) has its PID in `pid` and `marker` (its config file or script) on its command
 * line, so that a PID another program reuses is never taken for it.
 */
export function oneDaemon(
  name: string,
  files: (dir: string) => { pid: string; marker: string },
): Pick<LabComponent<unknown>, 'stop' | 'processes'> {
  return {
    async stop(ctx) {
      const f = files(ctx.dir);
      await stopDaemon(f.pid, { expect: f.marker });
    },
    async processes(ctx) {
      const f = files(ctx.dir);
      const pid = await readPid(f.pid);
      return [{ name, pid, alive: isAlive(pid, f.marker) }];
    },
  };
}
