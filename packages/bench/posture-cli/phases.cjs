// Where the CPU of one scan goes, in one process of the installed CLI (cpu.mjs runs it):
// loading the modules, reading and parsing the files, evaluating, and writing the JSON.
// Each phase's CPU time is the whole process's (every thread: the garbage collector's and
// the compiler's too) from the end of the previous phase.
//   node phases.cjs INSTALL_DIR DATA_DIR   (INSTALL_DIR: where the packed CLI is installed)
const { join } = require('node:path');

const [installDir, dataDir] = process.argv.slice(2);
let last = process.cpuUsage();
const phases = [];
const lap = name => {
  const used = process.cpuUsage(last);
  last = process.cpuUsage();
  phases.push([name, (used.user + used.system) / 1e6]);
};
const cli = join(installDir, 'node_modules/@diehard/ha-posture-cli/dist');
const engine = require(join(
  installDir,
  'node_modules/@diehard/plugin-ha-posture-common/dist/engine.cjs.js',
));
const { readInputs } = require(join(cli, 'readInputs.cjs.js'));
const { parseScanArgs } = require(join(cli, 'args.cjs.js'));
lap('load the CLI and the engine');
const options = parseScanArgs(['scan', dataDir, '--format', 'json'], {});
const read = readInputs(options.inputs, () => '', options, process.cwd());
lap('read and parse the files');
const report = engine.evaluatePosture({
  objects: read.objects,
  files: read.files,
});
lap('evaluate');
const json = JSON.stringify(engine.toContractJson(report), null, 2);
lap('the JSON output');
if (!json.includes('"workloads"')) throw new Error('no report');
console.log(JSON.stringify(phases));
