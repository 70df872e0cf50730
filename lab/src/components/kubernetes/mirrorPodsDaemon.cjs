// The lab's stand-in for the masters' kubelets (mirror pods of the multi-master control
// plane): `node mirrorPodsDaemon.cjs <config.json>` (a member of controlPlane.ts). Runs
// the TypeScript sources through Backstage's node transform, like bin/diehard-lab.
require('@backstage/cli-node/config/nodeTransform.cjs');
require('./mirrorPods.ts')
  .main(process.argv.slice(2))
  .catch(e => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  });
