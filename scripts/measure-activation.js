#!/usr/bin/env node
// Measures how long the packaged extension takes to activate outside VS Code: each run is a
// fresh Node process that loads dist/extension.js against a stub `vscode` module and calls
// activate(). A fresh process per run keeps every run cold (no module cache), as in an
// extension host that starts. Prints the median, the 90th percentile and the maximum, and the
// Node built-in modules that loading and activation pulled in (network modules must be absent).
//
// usage: node scripts/measure-activation.js [--runs N] [--bundle FILE]
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { parseArgs } = require('node:util');

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dns', 'undici'];

/**
 * Returns a stand-in for any `vscode` API member: callable, constructible, with every property
 * itself a stand-in, and iterable as an empty list (for `workspace.textDocuments`).
 */
function createStub() {
  const target = function stub() {};
  return new Proxy(target, {
    get(_target, property) {
      if (property === Symbol.iterator) return function* empty() {};
      if (property === Symbol.toPrimitive) return () => 'stub';
      if (property === 'then') return undefined;
      return createStub();
    },
    set: () => true,
    apply: () => createStub(),
    construct: () => createStub(),
  });
}

/**
 * Returns the names of the `vscode` module's exports, read from @types/vscode, because the
 * bundle copies the module's exports by their names when it loads.
 */
function readVscodeExportNames() {
  const typings = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const pattern = /^\texport (?:class|enum|namespace|const|let|function) (\w+)/gm;
  return [...new Set([...typings.matchAll(pattern)].map((match) => match[1]))];
}

/** Loads the bundle once and prints the milliseconds of require + activate as JSON. */
function measureOnce(bundle) {
  const builtins = new Set();
  const originalLoad = Module._load;
  const vscode = Object.fromEntries(readVscodeExportNames().map((name) => [name, createStub()]));
  Module._load = function load(request, parent, isMain) {
    if (request === 'vscode') return vscode;
    const name = request.replace(/^node:/, '');
    if (Module.isBuiltin(request)) builtins.add(name);
    return originalLoad.call(this, request, parent, isMain);
  };
  const context = new Proxy(
    { subscriptions: [] },
    { get: (target, property) => (property in target ? target[property] : createStub()) },
  );

  const start = process.hrtime.bigint();
  const extension = require(bundle);
  const loaded = process.hrtime.bigint();
  extension.activate(context);
  const activated = process.hrtime.bigint();

  const ms = (from, to) => Number(to - from) / 1e6;
  process.stdout.write(
    JSON.stringify({
      requireMs: ms(start, loaded),
      activateMs: ms(loaded, activated),
      totalMs: ms(start, activated),
      builtins: [...builtins].sort(),
      subscriptions: context.subscriptions.length,
    }),
  );
}

/** Runs one measurement in a fresh process; on failure, prints the end of its error output. */
function runChild(bundle) {
  try {
    return execFileSync(process.execPath, [__filename, '--child', '--bundle', bundle], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
  } catch (error) {
    // A minified bundle puts a whole file on one line, so each line of the trace is shortened.
    const lines = String(error.stderr).trim().split('\n').slice(-12);
    console.error(lines.map((line) => line.slice(0, 200)).join('\n'));
    process.exit(1);
  }
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '30' },
      bundle: { type: 'string', default: 'dist/extension.js' },
      child: { type: 'boolean', default: false },
    },
  });
  const bundle = path.resolve(values.bundle);
  if (values.child) {
    measureOnce(bundle);
    return;
  }

  const runs = Number(values.runs);
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(JSON.parse(runChild(bundle)));
  }
  const summarize = (key) => {
    const sorted = results.map((result) => result[key]).sort((a, b) => a - b);
    const format = (value) => value.toFixed(1);
    return `median ${format(percentile(sorted, 0.5))} ms, p90 ${format(percentile(sorted, 0.9))} ms, max ${format(sorted[sorted.length - 1])} ms`;
  };
  const builtins = results[0].builtins;
  const network = builtins.filter((name) => NETWORK_MODULES.includes(name));
  console.log(
    `bundle: ${path.relative(process.cwd(), bundle)}, Node ${process.version}, ${runs} fresh processes`,
  );
  console.log(`require:  ${summarize('requireMs')}`);
  console.log(`activate: ${summarize('activateMs')}`);
  console.log(`total:    ${summarize('totalMs')}`);
  console.log(`subscriptions registered: ${results[0].subscriptions}`);
  console.log(`Node built-ins loaded: ${builtins.join(', ') || 'none'}`);
  console.log(`network modules loaded: ${network.join(', ') || 'none'}`);
  if (network.length > 0) process.exitCode = 1;
}

main();
