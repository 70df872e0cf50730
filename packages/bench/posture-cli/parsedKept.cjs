// A floor for the CPU benchmark, beside parseOnly.cjs: reads and parses the same files with
// js-yaml and keeps every document until the end, as a scan must (it groups objects across
// files). The difference to parseOnly.cjs is the garbage collector's work on what is kept.
const { readFileSync } = require('node:fs');
const { loadAll } = require('js-yaml');

const documents = [];
for (const file of process.argv.slice(2))
  loadAll(readFileSync(file, 'utf8'), d => documents.push(d), { json: true });
console.log(documents.length);
