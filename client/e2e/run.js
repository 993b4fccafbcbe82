#!/usr/bin/env node
// Runs the extension's mocha suite inside a real VS Code extension host: code-server serves the
// workbench, headless chromium connects to it (the server starts the remote extension host only
// for a connected client), and the URL payload loads the extension under development together
// with its tests. It runs several windows (SESSIONS below), one after the other, each with a
// code-server and a fresh profile of its own: `main` (workspace trust off, as for a folder the user
// trusts) runs suite/*.test.js; `restricted` (the folder not trusted: VS Code's Restricted Mode),
// `firstrun` (the demo's settings, a first start), `unmarked` (Python code without a solution) and
// `zh` (the display language Simplified Chinese) each run suite/<name>/*.test.js.
// The exit code is 0 only when every window passed.
//
// Needs `client/e2e/setup.sh` to have run, and the tests built (`npm run build:test`).
//
// Environment:
//   MLKATA_E2E_PYTHON          the `mlkata.python` setting (the server's interpreter)
//   MLKATA_E2E_TIMEOUT_S       overall limit, default 1200
//   MLKATA_E2E_GREP            run only the tests whose full title matches (mocha --grep)
//   MLKATA_E2E_EXTENSION_PATH  extension folder to load instead of the repository root
//   MLKATA_E2E_TESTS_PATH      test entry point instead of <root>/client/out/test/suite/index
//   MLKATA_E2E_SESSIONS        the windows to run, comma-separated, e.g. main,restricted (default: every one of SESSIONS)
//   MLKATA_E2E_KEEP_SHOTS=1    copy the screenshots to docs/screenshots/
//   MLKATA_E2E_KEEP_TMP=1      keep the temporary folder (it is always kept after a failure)
//   MLKATA_E2E_VERBOSE=1       print workbench errors in full, and the browser console's errors
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const ROOT = path.resolve(__dirname, '../..');
const { TOOLS: CACHE, NODE24_BIN, CODE_SERVER } = require('./tools');
const { installLanguagePack } = require('./languagePack');
const CHROMIUM = '/usr/bin/chromium';
const SHOT_POLL_MS = 200;
/** The user settings `make demo` opens with (client/scripts/start-vscode.sh reads the same file). */
const DEMO_SETTINGS = require('../scripts/demo-settings.json');

const env = process.env;
const timeoutS = Number(env.MLKATA_E2E_TIMEOUT_S || 1200);
const extensionPath = path.resolve(env.MLKATA_E2E_EXTENSION_PATH || ROOT);
const testsPath = path.resolve(env.MLKATA_E2E_TESTS_PATH || path.join(ROOT, 'client', 'out', 'test', 'suite', 'index'));
const verbose = env.MLKATA_E2E_VERBOSE === '1';
const started = Date.now();

/**
 * The windows the suites run in, one after the other. Each runs the suites of its own folder:
 * `main` runs suite/*.test.js, any other suite/<name>/*.test.js (the extension host tells them apart
 * by MLKATA_E2E_SESSION, client/src/test/suite/index.ts). Per window:
 *   trust     workspace trust is on and the folder is not trusted (Restricted Mode)
 *   settings  user settings on top of the common ones (userSettings)
 *   locale    VS Code's display language (code-server --locale)
 *   prepare   (dirs) => void: fills the workspace before the window opens
 */
const SESSIONS = [
  { name: 'main', trust: false },
  { name: 'restricted', trust: true, prepare: plantWorkspaceInterpreter },
  // `make demo`'s first screen: its settings, a practice folder (its `.mlkata` marker), a fresh profile.
  { name: 'firstrun', trust: false, settings: DEMO_SETTINGS, prepare: (dirs) => fs.mkdirSync(path.join(dirs.workspace, '.mlkata')) },
  // A folder of other Python code: ML Kata must start no server there.
  { name: 'unmarked', trust: false, prepare: (dirs) => fs.writeFileSync(path.join(dirs.workspace, 'hello.py'), 'print("hello")\n') },
  // Chinese UI: needs a language pack for the locale to take (client/e2e/languagePack.js).
  { name: 'zh', trust: false, locale: 'zh-cn', prepare: (dirs) => installLanguagePack(dirs, 'zh-cn') },
];

function log(msg) {
  console.log(`e2e: ${msg}`);
}

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

/** The repository's playwright-core when `npm install` has run, else setup.sh's own copy. */
function loadPlaywright() {
  for (const base of [ROOT, path.join(CACHE, 'driver')]) {
    try {
      return require(require.resolve('playwright-core', { paths: [base] }));
    } catch {
      // try the next location
    }
  }
  throw new Error('playwright-core not found: run `npm install` or client/e2e/setup.sh');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitForHealthz(port, child, limitMs) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`code-server did not answer /healthz within ${limitMs / 1000} s`);
}

/** User settings: nothing that opens editors, asks questions or calls home. */
function userSettings(workspace, session) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    // ML Kata's first run opens its walkthrough and view; only the `firstrun` window wants that.
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'mlkata.solutionsFolder': workspace,
  };
  if (env.MLKATA_E2E_PYTHON) settings['mlkata.python'] = env.MLKATA_E2E_PYTHON;
  if (session.trust) {
    // Trust on, and no modal asking about it at startup: the folder simply opens in Restricted Mode.
    settings['security.workspace.trust.enabled'] = true;
    settings['security.workspace.trust.startupPrompt'] = 'never';
  }
  return Object.assign(settings, session.settings || {});
}

/** A fresh tree for one window under `tmp`: profiles, an empty workspace, settings, results (shots are shared). */
function makeTree(tmp, shots, session) {
  const root = path.join(tmp, session.name);
  const dirs = {
    tmp,
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    shots,
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    result: path.join(root, 'result.json'),
    config: path.join(root, 'config.yaml'),
    serverLog: path.join(root, 'code-server.log'),
    workbenchLog: path.join(root, 'workbench.log'),
    trap: path.join(root, 'workspace-python-ran'),
  };
  for (const key of ['userData', 'extensions', 'workspace', 'shots', 'xdgConfig', 'xdgData']) {
    fs.mkdirSync(dirs[key], { recursive: true });
  }
  const settings = JSON.stringify(userSettings(dirs.workspace, session), null, 2);
  // User/ is read by the workbench; Machine/ by the remote side, for machine-scoped settings.
  for (const scope of ['User', 'Machine']) {
    fs.mkdirSync(path.join(dirs.userData, scope), { recursive: true });
    fs.writeFileSync(path.join(dirs.userData, scope, 'settings.json'), settings);
  }
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  if (session.prepare) session.prepare(dirs);
  return dirs;
}

/**
 * What a cloned repository could hold: workspace settings naming its own `.venv` interpreter. This one
 * only leaves `dirs.trap` behind before running the real one; the restricted suite checks it never ran
 * before the folder was trusted.
 */
function plantWorkspaceInterpreter(dirs) {
  const bin = path.join(dirs.workspace, '.venv', 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const python = path.join(bin, 'python');
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(python, `#!/bin/sh\ntouch ${quote(dirs.trap)}\nexec ${quote(env.MLKATA_E2E_PYTHON || 'python3')} "$@"\n`);
  fs.chmodSync(python, 0o755);
  fs.mkdirSync(path.join(dirs.workspace, '.vscode'));
  fs.writeFileSync(path.join(dirs.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'mlkata.python': python }, null, 2));
}

/** The environment code-server and so the extension host (and its tests) inherit. */
function serverEnv(dirs, session) {
  const out = { ...env };
  // A VS Code terminal's variables would turn code-server into a client of that instance.
  for (const key of Object.keys(out)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete out[key];
  }
  return Object.assign(out, {
    PATH: `${NODE24_BIN}${path.delimiter}${env.PATH || ''}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    MLKATA_E2E_RESULT: dirs.result,
    MLKATA_E2E_WORKSPACE: dirs.workspace,
    MLKATA_E2E_SHOTS: dirs.shots,
    MLKATA_E2E_SESSION: session.name,
    MLKATA_E2E_TRAP: dirs.trap,
  });
}

function startCodeServer(dirs, port, session) {
  const args = [
    CODE_SERVER,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    // With it the workbench trusts every folder, whatever the settings say.
    ...(session.trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...(session.locale ? ['--locale', session.locale] : []),
    // Without it the built workbench ignores extensionDevelopmentPath/extensionTestsPath.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const logFd = fs.openSync(dirs.serverLog, 'a');
  // Detached: its own process group, so the whole tree (ext host, language server) can be killed.
  const child = spawn(path.join(NODE24_BIN, 'node'), args, {
    env: serverEnv(dirs, session),
    cwd: dirs.workspace,
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  return child;
}

async function stopCodeServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  if (await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) {
    signalGroup('SIGKILL'); // stragglers that ignored SIGTERM
    return;
  }
  signalGroup('SIGKILL');
  await Promise.race([exited, sleep(2000)]);
}

/** A `vscode-remote://` URI of a server-side path, as the workbench payload wants it. */
function remoteUri(port, fsPath) {
  const encoded = fsPath.split('/').map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${encoded}`;
}

/**
 * Requests from the tests, which cannot reach the browser: `<shots>/<name>.request` in, holding nothing
 * (a screenshot, `<name>.png`) or `{"click": selector}` (a click on that Playwright selector, e.g. a
 * button of the workbench no API presses) or `{"measure": selector}` (the bounding boxes of the visible
 * elements it matches, written to `<name>.json`); `<name>.done` (containing "ok" or the error) out.
 */
function serveScreenshots(page, shotsDir) {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const file of fs.readdirSync(shotsDir)) {
        if (!file.endsWith('.request')) continue;
        const name = file.slice(0, -'.request'.length);
        let status = 'ok';
        try {
          await serveRequest(page, shotsDir, name, fs.readFileSync(path.join(shotsDir, file), 'utf8'));
        } catch (err) {
          status = String(err && err.message ? err.message : err);
          log(`request ${name} failed: ${status}`);
        }
        fs.rmSync(path.join(shotsDir, file), { force: true });
        fs.writeFileSync(path.join(shotsDir, `${name}.done`), status);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => tick().catch(() => {}), SHOT_POLL_MS);
  return () => clearInterval(timer);
}

async function serveRequest(page, shotsDir, name, text) {
  const request = text.trim() ? JSON.parse(text) : {};
  if (request.click) {
    await page.locator(request.click).click({ timeout: 10000 });
    log(`clicked ${request.click}`);
    return;
  }
  if (request.measure) {
    const boxes = [];
    for (const element of await page.locator(request.measure).all()) {
      const box = await element.boundingBox(); // null: not visible
      if (box) boxes.push(box);
    }
    fs.writeFileSync(path.join(shotsDir, `${name}.json`), JSON.stringify(boxes));
    return;
  }
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
  log(`screenshot ${name}.png`);
}

/** The extension host forwards console calls as printf-style arguments. */
function formatLog(args) {
  return Array.isArray(args) ? util.format(...args) : String(args);
}

/** Prints one window's per-test results and its "N passed, N failed" line; returns them (undefined: none written). */
function reportResults(resultFile, session) {
  let result;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    log(`${session.name}: the suite wrote no results`);
    return undefined;
  }
  for (const t of result.tests || []) {
    console.log(`  ${t.state.toUpperCase().padEnd(7)} ${t.title}${t.error ? `: ${t.error.split('\n')[0]}` : ''}`);
  }
  console.log(`e2e: ${session.name}: ${result.passed} passed, ${result.failed} failed`);
  return result;
}

/** After a failure: the end of the extension's own output channels (exthost logs). */
function printExtensionLogs(userData) {
  let id;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
    id = `${manifest.publisher}.${manifest.name}`;
  } catch {
    return;
  }
  const logsRoot = path.join(userData, 'logs');
  if (!fs.existsSync(logsRoot)) return;
  for (const session of fs.readdirSync(logsRoot)) {
    for (const host of fs.readdirSync(path.join(logsRoot, session)).filter((d) => d.startsWith('exthost'))) {
      const dir = path.join(logsRoot, session, host, id);
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir)) {
        log(`--- ${path.join(host, id, file)} (last 30 lines)`);
        console.log(tail(path.join(dir, file), 30));
      }
    }
  }
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Starts code-server and the browser, runs the suite, and returns the extension host's exit code. */
async function drive(dirs, port, state, session) {
  const { chromium } = loadPlaywright();
  const server = startCodeServer(dirs, port, session);
  state.server = server;
  const serverExit = new Promise((_, reject) =>
    server.once('exit', (c, s) => reject(new Error(`code-server exited early (code ${c}, signal ${s})`))),
  );
  serverExit.catch(() => {});
  await waitForHealthz(port, server, 30000);
  log(`code-server 127.0.0.1:${port} up after ${elapsed()}`);

  // Playwright gives chromium a fresh temporary profile of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  state.browser = browser;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  // With the smoke-test driver on, the workbench reports the extension host's exit code
  // (after the suite's run() settles) here.
  let resolveExit;
  const exitCode = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
  // Both the workbench's own log and the extension host's console (mocha's reporter) arrive
  // here. Everything goes to workbench.log; stdout gets info lines and the first line of
  // warnings and errors (offline gallery and sign-in failures are expected noise).
  const workbenchLog = fs.openSync(dirs.workbenchLog, 'a');
  state.closeWorkbenchLog = () => fs.closeSync(workbenchLog);
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = formatLog(args);
    fs.writeSync(workbenchLog, `[${type}] ${line}\n`);
    if (type === 'info' || type === 'log' || verbose) console.log(line);
    else if (type === 'warn' || type === 'error') console.log(`[${type}] ${line.split('\n')[0]}`);
  });
  page.on('console', (msg) => {
    if (verbose && msg.type() === 'error') console.error(`[browser] ${msg.text()}`);
  });
  const pageGone = new Promise((_, reject) => {
    page.once('crash', () => reject(new Error('the workbench page crashed')));
    browser.once('disconnected', () => reject(new Error('chromium went away')));
  });
  pageGone.catch(() => {});

  state.stopShots = serveScreenshots(page, dirs.shots);
  const payload = [
    ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
    ['extensionTestsPath', remoteUri(port, testsPath)],
  ];
  const url =
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`extension ${extensionPath}`);
  log(`tests ${testsPath}`);
  // The overall deadline governs; a slow machine may take a while to load the workbench.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 });

  const code = await Promise.race([exitCode, serverExit, pageGone]);
  log(`extension host exited with code ${code} after ${elapsed()}`);
  return code;
}

/** Stops the browser and the code-server process tree; safe to call more than once. */
async function cleanup(state) {
  const { stopShots, closeWorkbenchLog, browser, server } = state;
  Object.assign(state, { stopShots: undefined, closeWorkbenchLog: undefined, browser: undefined, server: undefined });
  if (stopShots) stopShots();
  if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  await stopCodeServer(server);
  if (closeWorkbenchLog) closeWorkbenchLog();
}

/** The windows MLKATA_E2E_SESSIONS names (all of them by default). */
function selectedSessions() {
  const names = (env.MLKATA_E2E_SESSIONS || SESSIONS.map((x) => x.name).join(',')).split(',').map((x) => x.trim());
  const unknown = names.filter((n) => !SESSIONS.some((x) => x.name === n));
  if (unknown.length) throw new Error(`MLKATA_E2E_SESSIONS: unknown ${unknown.join(', ')} (known: ${SESSIONS.map((x) => x.name).join(', ')})`);
  return SESSIONS.filter((x) => names.includes(x.name));
}

/** One window: its code-server, the browser and its suite, all stopped afterwards. Returns its exit code. */
async function runSession(dirs, session, state, deadline) {
  log(`window ${session.name}${session.trust ? ' (workspace trust on, the folder not trusted)' : ''}`);
  const port = await freePort();
  const run = drive(dirs, port, state, session);
  run.catch(() => {}); // after a timeout, its rejection is expected
  let code = 1;
  try {
    code = await Promise.race([run, deadline]);
    if (!reportResults(dirs.result, session) && code === 0) code = 1;
  } catch (err) {
    log(`error: ${verbose && err && err.stack ? err.stack : (err && err.message) || err}`);
    log('--- code-server.log (last 40 lines)');
    console.log(tail(dirs.serverLog, 40));
    reportResults(dirs.result, session);
    code = 1;
  } finally {
    await cleanup(state);
  }
  if (code !== 0) printExtensionLogs(dirs.userData);
  return code;
}

async function main() {
  for (const [what, file] of [['Node 24', path.join(NODE24_BIN, 'node')], ['code-server', CODE_SERVER], ['chromium', CHROMIUM]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} missing (${file}): run client/e2e/setup.sh`);
  }
  if (!fs.existsSync(`${testsPath}.js`)) throw new Error(`tests not built (${testsPath}.js): run npm run build:test`);
  const sessions = selectedSessions();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlkata-e2e-'));
  const shots = path.join(tmp, 'shots');
  const state = {};
  const onSignal = (sig) => {
    log(`${sig}: stopping`);
    cleanup(state).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  // One limit for all the windows together.
  let timer;
  let timedOut = false;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`timed out after ${timeoutS} s`));
    }, timeoutS * 1000);
  });
  deadline.catch(() => {});
  let code = 0;
  for (const session of sessions) {
    if (timedOut) break;
    if ((await runSession(makeTree(tmp, shots, session), session, state, deadline)) !== 0) code = 1;
  }
  clearTimeout(timer);
  const results = sessions.map((x) => reportSummary(path.join(tmp, x.name, 'result.json')));
  const total = (key) => results.reduce((n, r) => n + (r ? r[key] : 0), 0);
  console.log(`e2e: ${total('passed')} passed, ${total('failed')} failed`);

  const shotFiles = fs.readdirSync(shots).filter((f) => f.endsWith('.png'));
  if (env.MLKATA_E2E_KEEP_SHOTS === '1' && shotFiles.length) {
    const dest = path.join(ROOT, 'docs', 'screenshots');
    fs.mkdirSync(dest, { recursive: true });
    for (const f of shotFiles) fs.copyFileSync(path.join(shots, f), path.join(dest, f));
    log(`copied ${shotFiles.length} screenshot(s) to ${path.relative(ROOT, dest)}/`);
  }
  if (code !== 0 || env.MLKATA_E2E_KEEP_TMP === '1') {
    log(`kept ${tmp} (per window: code-server.log, workbench.log, user-data/logs/, result.json; shots/)`);
  } else {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`done in ${elapsed()}`);
  return code;
}

/** A window's `{passed, failed}`, read again for the total (undefined: it wrote none). */
function reportSummary(resultFile) {
  try {
    return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(`error: ${err && err.message ? err.message : err}`);
    process.exit(1);
  },
);
