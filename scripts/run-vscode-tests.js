#!/usr/bin/env node
// Runs the extension's integration tests in a real VS Code without a desktop build: code-server
// serves VS Code's Node extension host and web workbench on 127.0.0.1, and Debian's headless
// Chromium, driven by playwright-core, opens the workbench. The URL payload carries VS Code's
// own extensionDevelopmentPath and extensionTestsPath, so the tests module has the same run()
// contract as under @vscode/test-electron.
//
// Exit code: the tests' exit code as the extension host reports it (0 when all passed), 124 on
// timeout, 130 on SIGINT or SIGTERM, 1 when the runner itself fails. The last stdout line
// repeats the suite's 'N passed, N failed' summary when the suite printed one.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { format, parseArgs } = require('node:util');
const { chromium } = require('playwright-core');

const USAGE = `usage: node scripts/run-vscode-tests.js --runtime DIR --extensionDevelopmentPath DIR
         --extensionTestsPath FILE [options]

  --runtime DIR                   runtime made by install-vscode-test-runtime.sh
  --extensionDevelopmentPath DIR  folder of the extension under test (its package.json)
  --extensionTestsPath FILE       module whose run() returns a promise that settles when the
                                  tests end, as for @vscode/test-electron
  --workspace DIR|FILE            fixture folder or .code-workspace file; the runner copies it
                                  (the whole containing folder for a .code-workspace file) to a
                                  temporary directory and opens the copy (default: empty folder)
  --timeout SECONDS               time limit for the whole run (default 300), then exit code 124
  --trust                         keep workspace trust on: the workspace opens in Restricted Mode
                                  without a dialog
  --screenshot FILE               save a PNG of the workbench when the tests end
  --extensions-dir DIR            extensions folder, for extensions installed from .vsix files
                                  (default: an empty folder in the temporary directory)
  --chromium FILE                 Chromium executable (default $CHROMIUM or /usr/bin/chromium)
  --verbose                       copy server and browser console output to stderr
  --keep                          keep the temporary directory after a passing run
  --help                          print this text`;

const SUMMARY_PATTERN = /^\d+ passed, \d+ failed/;

/** Command-line options, resolved to absolute paths. */
function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      runtime: { type: 'string' },
      extensionDevelopmentPath: { type: 'string' },
      extensionTestsPath: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string', default: '300' },
      trust: { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      'extensions-dir': { type: 'string' },
      chromium: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }

  for (const name of ['runtime', 'extensionDevelopmentPath', 'extensionTestsPath']) {
    if (!values[name]) throw new UsageError(`--${name} is required`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, got '${values.timeout}'`);
  }

  const resolve = (value) => (value === undefined ? undefined : path.resolve(value));
  return {
    runtimeDir: resolve(values.runtime),
    extensionDevelopmentPath: resolve(values.extensionDevelopmentPath),
    extensionTestsPath: resolve(values.extensionTestsPath),
    workspace: resolve(values.workspace),
    timeoutSeconds,
    isWorkspaceTrustEnabled: values.trust,
    screenshotPath: resolve(values.screenshot),
    extensionsDir: resolve(values['extensions-dir']),
    chromiumPath: values.chromium || process.env.CHROMIUM || '/usr/bin/chromium',
    verbose: values.verbose || Boolean(process.env.VERBOSE),
    keep: values.keep,
  };
}

class UsageError extends Error {}

function readRuntime(runtimeDir) {
  const file = path.join(runtimeDir, 'runtime.json');
  if (!fs.existsSync(file)) {
    throw new UsageError(
      `${file} not found: install the runtime with scripts/install-vscode-test-runtime.sh`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Copies the fixture workspace into the run directory and returns the path to open. */
function prepareWorkspace(source, runDir) {
  const target = path.join(runDir, 'workspace');
  if (!source) {
    fs.mkdirSync(target, { recursive: true });
    return target;
  }
  if (!fs.existsSync(source)) throw new UsageError(`--workspace ${source} not found`);

  if (source.endsWith('.code-workspace')) {
    fs.cpSync(path.dirname(source), target, { recursive: true });
    return path.join(target, path.basename(source));
  }
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/**
 * Writes user settings that keep VS Code from reaching other hosts and from showing dialogs
 * that would block the tests.
 */
function writeUserSettings(runDir, options) {
  const settings = {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'json.schemaDownload.enable': false,
    'npm.fetchOnlinePackageInfo': false,
    'git.autofetch': false,
    'chat.disableAIFeatures': true,
  };
  if (options.isWorkspaceTrustEnabled) {
    // 'never' opens an untrusted folder in Restricted Mode instead of asking.
    settings['security.workspace.trust.enabled'] = true;
    settings['security.workspace.trust.startupPrompt'] = 'never';
    settings['security.workspace.trust.emptyWindow'] = false;
  }
  const userDir = path.join(runDir, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const request = http.get(url, (response) => {
        response.resume();
        resolve();
      });
      request.on('error', () => {
        if (Date.now() > deadline) reject(new Error(`no response from ${url} in ${timeoutMs} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

function serverArguments(runtime, options, runDir, address) {
  const args = [
    runtime.entry,
    '--config',
    path.join(runDir, 'config.yaml'),
    '--auth',
    'none',
    '--bind-addr',
    address,
    '--user-data-dir',
    path.join(runDir, 'user-data'),
    '--extensions-dir',
    options.extensionsDir || path.join(runDir, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
  ];
  if (!options.isWorkspaceTrustEnabled) args.push('--disable-workspace-trust');

  // Built products of VS Code 1.133 and later ignore the URL's test payload unless the server
  // runs with --enable-smoke-test-driver (1.117 does not, versions in between are untested).
  // code-server 4.134 and later pass the flag on through --vscode-option. NOTE: code-server
  // 4.133.0 has the gate but not the option, so this runner cannot run tests in it.
  const cli = fs.readFileSync(path.join(path.dirname(runtime.entry), 'cli.js'), 'utf8');
  if (cli.includes('"vscode-option"')) args.push('--vscode-option', 'enable-smoke-test-driver');
  return args;
}

/**
 * Points the temporary and XDG base directories into the run directory. code-server (heartbeat,
 * logs, the sockets of the extension host and of the git extension) and Chromium (crash reports)
 * then write there instead of the home directory and /tmp, and removing the run directory
 * removes them.
 */
function privateDirectories(runDir) {
  return {
    TMPDIR: path.join(runDir, 'tmp'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
  };
}

/** Starts code-server in its own process group, so that stopping it ends all its children. */
function startServer(runtime, options, runDir, address) {
  fs.writeFileSync(path.join(runDir, 'config.yaml'), '');
  fs.mkdirSync(path.join(runDir, 'tmp'));
  const env = {
    ...process.env,
    // An empty gallery turns the marketplace off, so the server fetches no extensions.
    EXTENSIONS_GALLERY: '{}',
    // Reaches the extension host, so tests can find the run's temporary directory.
    VSCODE_TEST_RUN_DIR: runDir,
    ...privateDirectories(runDir),
  };
  const args = serverArguments(runtime, options, runDir, address);
  const server = spawn(runtime.node, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });

  const logFile = fs.createWriteStream(path.join(runDir, 'server.log'));
  server.stdout.pipe(logFile);
  server.stderr.pipe(logFile);
  if (options.verbose) {
    server.stdout.pipe(process.stderr);
    server.stderr.pipe(process.stderr);
  }
  return server;
}

async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;

  const exited = new Promise((resolve) => server.once('exit', resolve));
  signalGroup(server.pid, 'SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise((resolve) => setTimeout(() => resolve(true), 5000).unref()),
  ]);
  if (timedOut) signalGroup(server.pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

function launchBrowser(options, runDir) {
  return chromium.launch({
    executablePath: options.chromiumPath,
    headless: true,
    env: { ...process.env, ...privateDirectories(runDir) },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Every host name but the loopback address fails to resolve in the browser.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * Builds the workbench URL that opens the workspace and runs the tests.
 * NOTE: the extension host runs extensionTestsPath only when extensionDevelopmentPath is set
 * too (VS Code 1.100 and 1.139), so a mode that loads only an installed .vsix still needs a stub
 * development extension here.
 */
function workbenchUrl(address, options, workspacePath) {
  const remote = (localPath) => `vscode-remote://${address}${localPath}`;
  const payload = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(options.extensionTestsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const kind = workspacePath.endsWith('.code-workspace') ? 'workspace' : 'folder';
  const query = `${kind}=${encodeURIComponent(workspacePath)}`;
  return `http://${address}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Owns the processes and the temporary directory of one run, and ends them exactly once,
 * whichever comes first: the tests' exit code, the timeout, a signal or an error.
 */
class TestRun {
  constructor(options, runtime) {
    this.options = options;
    this.runtime = runtime;
    this.startedAt = Date.now();
    this.runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-run-'));
    this.server = undefined;
    this.browser = undefined;
    this.page = undefined;
    this.summary = undefined;
    this.isFinished = false;
    this.timer = undefined;
  }

  elapsed() {
    return `${((Date.now() - this.startedAt) / 1000).toFixed(1)} s`;
  }

  log(message) {
    console.error(`[run-vscode-tests] ${message}`);
  }

  async start() {
    const { options } = this;
    const workspacePath = prepareWorkspace(options.workspace, this.runDir);
    writeUserSettings(this.runDir, options);
    this.timer = setTimeout(
      () => this.finish(124, `timed out after ${options.timeoutSeconds} s`),
      options.timeoutSeconds * 1000,
    );

    const address = `127.0.0.1:${await findFreePort()}`;
    this.server = startServer(this.runtime, options, this.runDir, address);
    this.server.on('exit', (code, signal) => {
      this.finish(1, `code-server exited before the tests ended (code ${code}, signal ${signal})`);
    });
    await waitForHttp(`http://${address}/healthz`, 60000);
    if (options.verbose) this.log(`code-server listening on ${address} after ${this.elapsed()}`);

    this.browser = await launchBrowser(options, this.runDir);
    this.page = await this.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await this.connectPage(this.page);
    await this.page.goto(workbenchUrl(address, options, workspacePath));
    if (options.verbose) this.log(`workbench loaded after ${this.elapsed()}`);
  }

  /**
   * Receives the test output and exit code. The workbench calls codeAutomationLog with the
   * extension host's console output and codeAutomationExit with the code that run() ended with.
   */
  async connectPage(page) {
    page.on('pageerror', (error) => this.log(`page error: ${error.message}`));
    if (this.options.verbose) {
      page.on('console', (message) => this.log(`browser ${message.type()}: ${message.text()}`));
    }
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host forwards console calls with their format strings ('%s passing').
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (SUMMARY_PATTERN.test(text.trim())) this.summary = text.trim();
      if (type === 'error' || type === 'warn') console.error(text);
      else console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => this.finish(Number(code)));
  }

  async finish(code, reason) {
    if (this.isFinished) return;
    this.isFinished = true;
    clearTimeout(this.timer);
    if (reason) this.log(reason);

    await this.takeScreenshot();
    await this.closeBrowser();
    if (this.server) await stopServer(this.server);
    this.removeRunDir(code);
    this.log(
      `code-server ${this.runtime.version}: finished in ${this.elapsed()}, exit code ${code}`,
    );
    if (this.summary) console.log(this.summary);
    process.exit(code);
  }

  async takeScreenshot() {
    if (!this.options.screenshotPath || !this.page) return;
    try {
      await this.page.screenshot({ path: this.options.screenshotPath });
      this.log(`screenshot saved to ${this.options.screenshotPath}`);
    } catch (error) {
      this.log(`screenshot failed: ${error.message}`);
    }
  }

  async closeBrowser() {
    if (!this.browser) return;
    try {
      await this.browser.close();
    } catch (error) {
      this.log(`closing the browser failed: ${error.message}`);
    }
  }

  removeRunDir(code) {
    if (code === 0 && !this.options.keep) {
      fs.rmSync(this.runDir, { recursive: true, force: true });
      return;
    }
    this.log(`logs kept in ${this.runDir} (server.log, user-data/logs/)`);
  }
}

async function main() {
  let options;
  let run;
  try {
    options = parseOptions(process.argv.slice(2));
    run = new TestRun(options, readRuntime(options.runtimeDir));
  } catch (error) {
    console.error(`[run-vscode-tests] ${error.message}`);
    if (error instanceof UsageError || String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(USAGE);
    }
    process.exit(1);
  }

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => run.finish(130, `received ${signal}`));
  }
  try {
    await run.start();
  } catch (error) {
    await run.finish(1, String(error.stack || error));
  }
}

main();
