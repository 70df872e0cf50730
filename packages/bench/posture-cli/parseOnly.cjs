// The floor for the CPU benchmark: reads the given files and parses them with js-yaml, the
// parser diehard-posture scan uses, and nothing else. Prints the number of documents.
const { readFileSync } = require('node:fs');
const { loadAll } = require('js-yaml');

let documents = 0;
for (const file of process.argv.slice(2))
  loadAll(readFileSync(file, 'utf8'), () => documents++, { json: true });
console.log(documents);
