// The lab's virtual-address stand-in (a TCP proxy): `node vipProxyDaemon.cjs <config.json>`
// (started by index.ts). Runs the TypeScript sources through Backstage's node transform,
// like bin/diehard-lab.
require('@backstage/cli-node/config/nodeTransform.cjs');
require('./vipProxy.ts')
  .main(process.argv.slice(2))
  .catch(e => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  });
