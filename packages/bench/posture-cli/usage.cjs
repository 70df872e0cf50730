// Preloaded into the CLI by scale.mjs (node --require): at exit, writes the process's own
// peak memory and CPU time to the file named by DIEHARD_USAGE_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(
    process.env.DIEHARD_USAGE_FILE,
    JSON.stringify({
      maxRssMB: Math.round(u.maxRSS / 1024),
      cpuS: (u.userCPUTime + u.systemCPUTime) / 1e6,
    }),
  );
});
