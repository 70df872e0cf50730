// The lab's git server process: `node daemon.cjs <config.json>` (started by index.ts).
// Runs the TypeScript sources through Backstage's node transform, like bin/diehard-lab.
require('@backstage/cli-node/config/nodeTransform.cjs');
require('./server.ts').main(process.argv.slice(2));
