#!/usr/bin/env node
// Runs the integration tests in a desktop VS Code through @vscode/test-electron, for machines
// with internet access: runTests downloads VS Code from Microsoft on the first run. Machines
// that reach only the package registries use scripts/test-vscode.sh instead.
//
// usage: node scripts/run-electron-tests.js [VSCODE_VERSION]   (default: the version that
//        engines.vscode names, without its caret)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..');

async function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const version = process.argv[2] || manifest.engines.vscode.replace(/^\^/, '');

  // The tests change files in their workspace, so they get a copy of the fixtures.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-electron-test-run-'));
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures'), workspace, { recursive: true });

  try {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[run-electron-tests] ${error.message}`);
  process.exit(1);
});
