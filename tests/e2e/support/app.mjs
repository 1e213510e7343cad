// Drives the real Throughline window: tauri-driver (WebDriver) in front of
// WebKitWebDriver, which launches the built binary on a given workspace file.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

const DRIVER_PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
// The WebKitWebDriver behind it; a second driver (a benchmark beside the
// tests) needs its own.
const NATIVE_PORT = Number(process.env.TAURI_NATIVE_PORT ?? DRIVER_PORT + 1);
/** Where a test file's second driver (a second window) listens. */
export const SECOND_DRIVER = { port: DRIVER_PORT + 2, nativePort: DRIVER_PORT + 3 };

export const appBinary = process.env.THROUGHLINE_APP_BINARY;
if (!appBinary) {
  throw new Error('THROUGHLINE_APP_BINARY is not set: run the suite through scripts/test.sh');
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The environment the app runs in for one test file: its own config, data
 * (logs, window state, recent list) and runtime dirs inside the scratch
 * folder, so tests neither see nor touch the user's own.
 */
export function appEnvironment(dir) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_RUNTIME_DIR: path.join(dir, 'run'),
  };
}

/** The app's log file for the environment above. */
export function logFile(dir) {
  return path.join(dir, 'data', 'io.throughline.desktop', 'logs', 'throughline.log');
}

/**
 * Starts tauri-driver and waits until it accepts connections. One driver
 * runs one app; a second window (a teammate's) needs a driver of its own on
 * other ports.
 */
export async function startDriver(env = process.env, { port = DRIVER_PORT, nativePort = NATIVE_PORT } = {}) {
  if (await portOpen(port)) {
    throw new Error(`port ${port} is taken: is another tauri-driver running?`);
  }
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  let stderr = '';
  driver.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => driver.once('exit', resolve));
  for (let i = 0; i < 100; i += 1) {
    if (await portOpen(port)) return { driver, exited };
    if (driver.exitCode !== null) break;
    await sleep(100);
  }
  driver.kill('SIGKILL');
  throw new Error(`tauri-driver did not start: ${stderr}`);
}

export async function stopDriver(handle) {
  if (!handle) return;
  handle.driver.kill('SIGTERM');
  await Promise.race([handle.exited, sleep(3000)]);
}

/** A temp dir for one test's workspace files. */
export function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'throughline-e2e-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Whether a failed session request never reached a driver: tauri-driver
 * accepts the connection before the WebKitWebDriver behind it listens, and
 * on a cold start drops that first request.
 */
function neverReachedTheDriver(error) {
  return /UND_ERR_SOCKET|ECONNRESET|ECONNREFUSED|socket hang up/.test(String(error?.message ?? error));
}

/** Opens a WebDriver session that launches the app on `workspace`. */
async function openSession(workspace, port) {
  return remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryCount: 0,
    capabilities: {
      'tauri:options': { application: appBinary, args: ['--workspace', workspace] },
    },
  });
}

/**
 * Launches the app on `workspace` and waits for the front end to be ready.
 * A request that never reached the driver is made again (three tries in
 * all); any other failure is the test's.
 */
export async function launchApp(workspace, { port = DRIVER_PORT } = {}) {
  let browser;
  for (let attempt = 1; ; attempt += 1) {
    try {
      browser = await openSession(workspace, port);
      break;
    } catch (error) {
      if (attempt >= 3 || !neverReachedTheDriver(error)) throw error;
      console.log(`# the session request never reached the driver (${attempt}): trying again`);
      for (const pid of appPids(workspace)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // It ended meanwhile.
        }
      }
      await sleep(1000);
    }
  }
  // Ready means the main screen or the screen that explains a bad file.
  await browser
    .$('[data-testid="app-ready"], [data-testid="workspace-error"]')
    .waitForExist({ timeout: 20000 });
  launched.set(browser, workspace);
  return browser;
}

/** The workspace each session's app was launched on. */
const launched = new WeakMap();

/** The pids of app processes that have `workspace` on their command line. */
function appPids(workspace) {
  try {
    return execFileSync('pgrep', ['-f', '--', `--workspace ${workspace}`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Ends the session, which closes the app window. WebKitWebDriver does not
 * always end the app when a session ends (the process is left behind with
 * no driver, holding the test runner's pipes open): an app still running a
 * few seconds later is killed, so one test cannot hang the run.
 */
export async function closeApp(browser) {
  try {
    await browser.deleteSession();
  } catch {
    // The app may already be gone (a killed process); nothing to close.
  }
  const workspace = launched.get(browser);
  if (!workspace) return;
  for (let i = 0; i < 50 && appPids(workspace).length > 0; i += 1) await sleep(100);
  for (const pid of appPids(workspace)) {
    console.log(`# the app on ${path.basename(workspace)} was still running after its session ended: killed`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // It ended meanwhile.
    }
  }
}

/** The pid of the app process that has `workspace` on its command line. */
export function appPid(workspace) {
  const out = execFileSync('pgrep', ['-f', '--', `--workspace ${workspace}`], {
    encoding: 'utf8',
  });
  const pids = out.trim().split('\n').filter(Boolean).map(Number);
  if (pids.length !== 1) throw new Error(`expected one app process, found ${pids.length}`);
  return pids[0];
}

export async function waitForSaved(browser) {
  const state = browser.$('[data-testid="save-state"]');
  await browser.waitUntil(async () => (await state.getText()).trim() === 'Saved', {
    timeout: 5000,
    timeoutMsg: 'the editor never showed "Saved"',
  });
}

/** Replaces a field's text by typing, as a user would. */
export async function typeInto(browser, testId, text) {
  await typeAt(browser, `[data-testid="${testId}"]`, text);
}

export async function valueOf(browser, testId) {
  const field = browser.$(`[data-testid="${testId}"]`);
  await field.waitForDisplayed({ timeout: 5000 });
  return field.getValue();
}

export async function openStep(browser, beat) {
  await browser.$(`[data-testid="step-${beat}"]`).click();
  await browser.$(`[data-testid="beat-${beat}"]`).waitForDisplayed({ timeout: 5000 });
}

export async function listTitles(browser) {
  // Read in one go inside the page: the list re-renders after every save, so
  // element handles fetched one by one can go stale. textContent, not the
  // rendered text: titles are clamped with -webkit-line-clamp, which
  // WebKitWebDriver reports as no visible text.
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="update-item-title"]')].map((el) =>
      (el.textContent ?? '').trim(),
    ),
  );
}

export async function selectUpdateTitled(browser, title) {
  await browser.waitUntil(async () => (await listTitles(browser)).includes(title), {
    timeout: 5000,
    timeoutMsg: `no update titled "${title}" in the list`,
  });
  const index = (await listTitles(browser)).indexOf(title);
  const items = await browser.$$('[data-testid="update-item-title"]');
  await items[index].click();
  await browser.waitUntil(async () => (await valueOf(browser, 'field-title')) === title, {
    timeout: 5000,
    timeoutMsg: `selecting "${title}" did not open it in the editor`,
  });
}

/** Screenshots the whole virtual display (WebDriver's own screenshot hangs here). */
export function screenshot(file) {
  if (!process.env.DISPLAY) return;
  try {
    execFileSync('import', ['-window', 'root', file], { stdio: 'ignore', timeout: 10000 });
  } catch {
    // A missing screenshot is not a test failure.
  }
}

/**
 * Answers the native save dialog the way a user would: waits for it,
 * types the full path into its name field, and presses Enter.
 */
export async function answerSaveDialog(filePath) {
  await answerFileDialog('^Save', filePath);
}

/** Answers the native open dialog: types the file's full path and Enter. */
export async function answerOpenDialog(filePath) {
  // Ctrl+L opens the location entry first; typing "/" into the file list
  // opens it too, but swallows the next keystroke.
  await answerFileDialog('^Open', filePath, 'ctrl+l');
}

async function answerFileDialog(titlePattern, filePath, focusKey = 'ctrl+a') {
  let window = '';
  for (let i = 0; i < 50 && !window; i += 1) {
    try {
      window = execFileSync('xdotool', ['search', '--onlyvisible', '--name', titlePattern], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .pop();
    } catch {
      await sleep(200);
    }
  }
  if (!window) throw new Error(`no dialog titled ${titlePattern} appeared`);
  await sleep(500);
  execFileSync('xdotool', ['windowfocus', '--sync', window]);
  execFileSync('xdotool', ['key', '--window', window, focusKey]);
  await sleep(300);
  execFileSync('xdotool', ['key', '--window', window, 'ctrl+a']);
  execFileSync('xdotool', ['type', '--delay', '20', '--window', window, filePath]);
  await sleep(200);
  execFileSync('xdotool', ['key', '--window', window, 'Return']);
}

/** Puts text on the X clipboard and pastes it into a field with Ctrl+V. */
export async function pasteInto(browser, testId, text) {
  // xclip stays behind to serve the selection: do not wait on its output.
  execFileSync('xclip', ['-selection', 'clipboard'], { input: text, stdio: ['pipe', 'ignore', 'ignore'] });
  const field = browser.$(`[data-testid="${testId}"]`);
  await field.waitForDisplayed({ timeout: 5000 });
  await field.click();
  await browser.keys(['Control', 'v']);
}

/**
 * One WebDriver session and one scratch folder for a test file: started
 * before its tests, stopped and removed after. Read `session.dir` inside tests.
 * `extraEnv` adds to the app's environment (e.g. a GTK theme).
 */
export function useSession(extraEnv = {}) {
  const session = { driver: null, scratch: null, dir: '', env: process.env };
  before(async () => {
    session.scratch = tempDir();
    session.dir = session.scratch.dir;
    mkdirSync(path.join(session.dir, 'run'), { mode: 0o700 });
    session.env = { ...appEnvironment(session.dir), ...extraEnv };
    session.driver = await startDriver(session.env);
  });
  after(async () => {
    await stopDriver(session.driver);
    // Any app this file left running (on a workspace in its folder) would
    // keep the runner waiting on its pipes.
    if (session.dir) {
      try {
        execFileSync('pkill', ['-KILL', '-f', '--', `--workspace ${session.dir}`]);
      } catch {
        // Nothing was left running.
      }
    }
    session.scratch?.cleanup();
  });
  return session;
}

/** The slide preview's image source (a data URL drawn by the renderer). */
export async function previewSource(browser) {
  const image = browser.$('[data-testid="slide-preview"]');
  await image.waitForExist({ timeout: 10000 });
  return image.getAttribute('src');
}

/** Clears the field at `selector` and types `text` into it. */
export async function typeAt(app, selector, text) {
  const field = app.$(selector);
  await field.waitForDisplayed({ timeout: 5000 });
  await field.click();
  await field.clearValue();
  await field.addValue(text);
}

/** Opens the journal titled `title` from the journal list (the demo workspace has its own example too). */
export async function openJournal(browser, title) {
  await browser.$('[data-testid="journal-item-title"]').waitForDisplayed({ timeout: 5000 });
  await browser.waitUntil(
    async () => {
      for (const item of await browser.$$('[data-testid="journal-item-title"]')) {
        if ((await item.$('span').getText()).trim() === title) {
          await item.click();
          return true;
        }
      }
      return false;
    },
    { timeout: 5000, timeoutMsg: `no journal titled ${title}` },
  );
  await browser.$('[data-testid="journal-editor"]').waitForDisplayed({ timeout: 5000 });
}
