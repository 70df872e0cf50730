#!/usr/bin/env node
// Push benchmark: ours vs `skopeo copy`, cold and warm. See README.md.
require('@backstage/cli-node/config/nodeTransform.cjs');
require('./pushBench.ts')
  .main(process.argv.slice(2))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
