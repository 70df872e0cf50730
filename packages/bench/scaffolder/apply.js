#!/usr/bin/env node
// Apply benchmark: ours vs `kubectl apply --server-side`. See README.md.
require('@backstage/cli-node/config/nodeTransform.cjs');
require('./applyBench.ts')
  .main(process.argv.slice(2))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
