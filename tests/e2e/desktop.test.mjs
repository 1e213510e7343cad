// The desktop around the documents: one window per workspace, files only
// where the user chose them in a dialog, "Show in folder" after an export,
// the recent list, and the log.
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  answerSaveDialog,
  appBinary,
  appPid,
  closeApp,
  launchApp,
  listTitles,
  logFile,
  typeInto,
  useSession,
  valueOf,
  waitForSaved,
} from './support/app.mjs';
import { startFileManager } from './support/fileManager.mjs';

const session = useSession();

/** Runs the app binary as a user launching it again; resolves when it exits. */
function launchAgain(workspace, timeoutMs = 30000) {
  return new Promise((resolve) => {
    execFile(
      appBinary,
      ['--workspace', workspace],
      { env: session.env, timeout: timeoutMs, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr }),
    );
  });
}

async function waitForLog(pattern) {
  for (let i = 0; i < 50; i += 1) {
    const log = existsSync(logFile(session.dir)) ? readFileSync(logFile(session.dir), 'utf8') : '';
    if (pattern.test(log)) return log;
    await sleep(200);
  }
  assert.fail(`the log never said ${pattern}`);
}

/**
 * Calls a backend command straight from the page, as injected script would;
 * resolves with `{ answer }` or `{ refusal }`. (A result with an `error` key
 * would read as a WebDriver failure.)
 */
function invokeFromPage(app, command, args) {
  return app.execute(
    (command, args) =>
      window.__TAURI_INTERNALS__.invoke(command, args).then(
        (answer) => ({ answer: answer ?? null }),
        (refusal) => ({ refusal }),
      ),
    command,
    args,
  );
}

/**
 * Presses keys on the real keyboard (X events through GTK, unlike
 * WebDriver's, which WebKit makes up inside the page): the path where the
 * native menu's shortcuts are caught.
 */
function pressOnKeyboard(workspace, ...args) {
  const window = execFileSync('xdotool', ['search', '--onlyvisible', '--pid', String(appPid(workspace))], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync('xdotool', ['windowfocus', '--sync', window]);
  execFileSync('xdotool', args);
}

describe('the desktop around the workspace', () => {
  test('a second launch on the same workspace brings the first window forward; another workspace opens its own', async () => {
    const workspace = path.join(session.dir, 'board.throughline');
    const app = await launchApp(workspace);
    let other = null;
    try {
      const second = await launchAgain(workspace);
      assert.equal(second.code, 0, `the second launch failed: ${second.stderr}`);
      assert.match(second.stdout, /already open in Throughline; its window was brought forward/);
      await waitForLog(/second launch on this workspace brought the window forward/);

      // The first window still works and still saves.
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Typed after a second launch');
      await waitForSaved(app);

      // Another workspace is another window: that process keeps running.
      const otherWorkspace = path.join(session.dir, 'other.throughline');
      other = spawn(appBinary, ['--workspace', otherWorkspace], { env: session.env, stdio: 'ignore' });
      for (let i = 0; i < 100 && !existsSync(otherWorkspace); i += 1) await sleep(200);
      assert.ok(existsSync(otherWorkspace), 'the other workspace never opened');
      await sleep(1000);
      assert.equal(other.exitCode, null, 'the launch on another workspace exited instead of opening a window');
    } finally {
      other?.kill('SIGTERM');
      await closeApp(app);
    }
    const log = readFileSync(logFile(session.dir), 'utf8');
    assert.match(log, /INFO {2}Throughline \d+\.\d+\.\d+ starting on .*board\.throughline/);
  });

  test('commands refuse files the user did not choose, and the page cannot open dialogs itself', async () => {
    const workspace = path.join(session.dir, 'guarded.throughline');
    const app = await launchApp(workspace);
    try {
      const target = path.join(session.dir, 'never-chosen.pdf');
      const channel = await app.execute(
        () => `__CHANNEL__:${window.__TAURI_INTERNALS__.transformCallback(() => {})}`,
      );
      const exported = await invokeFromPage(app, 'export_updates', {
        request: { ids: [1], path: target, format: 'pdf', theme: 'light', scale: null },
        onProgress: channel,
      });
      assert.equal(exported.refusal?.code, 'not_chosen', JSON.stringify(exported));
      assert.ok(!existsSync(target), 'a file was written where the user never chose');

      const read = await invokeFromPage(app, 'import_chart_file', { path: '/etc/passwd' });
      assert.equal(read.refusal?.code, 'not_chosen', JSON.stringify(read));
      const stories = await invokeFromPage(app, 'import_stories', { paths: ['/etc/hostname'] });
      assert.equal(stories.refusal?.code, 'not_chosen', JSON.stringify(stories));
      const opened = await invokeFromPage(app, 'open_workspace', { path: path.join(session.dir, 'x.throughline') });
      assert.equal(opened.refusal?.code, 'not_chosen', JSON.stringify(opened));
      const revealed = await invokeFromPage(app, 'reveal_exported', { path: '/etc' });
      assert.equal(revealed.refusal?.code, 'not_chosen', JSON.stringify(revealed));

      // The dialog plugin is not the page's to call: only the backend opens dialogs.
      const dialog = await invokeFromPage(app, 'plugin:dialog|save', { options: {} });
      assert.ok(dialog.refusal, 'the page could open a save dialog of its own');
      assert.match(String(dialog.refusal), /not allowed/i);
    } finally {
      await closeApp(app);
    }
  });

  test('"Show in folder" after an export shows that file in the file manager', async () => {
    const manager = await startFileManager();
    const workspace = path.join(session.dir, 'reveal.throughline');
    const pdf = path.join(session.dir, 'activation update.pdf');
    const app = await launchApp(workspace);
    try {
      await app.$('[data-testid="export-pdf"]').click();
      await answerSaveDialog(pdf);
      const done = app.$('[data-testid="export-done"]');
      await done.waitForDisplayed({ timeout: 30000, timeoutMsg: 'the export never finished' });
      // textContent: WebKitWebDriver reports no text for a line that can end
      // in an ellipsis (overflow: hidden), though it is on screen.
      assert.match(await done.getProperty('textContent'), /Exported activation update\.pdf/);
      await app.$('[data-testid="reveal-exported"]').click();
      const uri = pathToFileURL(pdf).href;
      for (let i = 0; i < 50 && !manager.shown().includes(uri); i += 1) await sleep(100);
      assert.deepEqual(manager.shown(), [uri]);
    } finally {
      await closeApp(app);
      manager.stop();
    }
    assert.ok(existsSync(pdf));
  });

  test('a workspace that cannot be opened offers the recent ones, and one click opens it', async () => {
    const good = path.join(session.dir, 'quarterly.throughline');
    let app = await launchApp(good);
    await closeApp(app);

    const bad = path.join(session.dir, 'notes.throughline');
    writeFileSync(bad, 'These are meeting notes, not a workspace.\n'.repeat(40));
    app = await launchApp(bad);
    try {
      await app.$('[data-testid="workspace-error"]').waitForDisplayed({ timeout: 5000 });
      const recent = await app.$$('[data-testid="recent-workspace"]');
      const names = [];
      for (const item of recent) names.push((await item.getText()).trim());
      assert.ok(names.includes('quarterly.throughline'), `recent list: ${names}`);
      assert.ok(!names.includes('notes.throughline'), 'the file that failed is offered again');
      await recent[names.indexOf('quarterly.throughline')].click();
      await app.$('[data-testid="app-ready"]').waitForDisplayed({ timeout: 10000 });
      assert.equal((await listTitles(app)).length, 1);
    } finally {
      await closeApp(app);
    }
    assert.equal(readFileSync(bad, 'utf8').length, 'These are meeting notes, not a workspace.\n'.length * 40);
  });

  test('real key presses reach the menu: Ctrl+Z and Ctrl+Shift+Z undo and redo typing, Ctrl+N adds one update', async () => {
    const workspace = path.join(session.dir, 'keys.throughline');
    const app = await launchApp(workspace);
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Churn fell');
      await waitForSaved(app);
      pressOnKeyboard(workspace, 'type', '--delay', '40', ' 3 points');
      await app.waitUntil(async () => (await valueOf(app, 'field-title')) === 'Churn fell 3 points', {
        timeout: 5000,
        timeoutMsg: 'the typed keys never reached the title',
      });

      pressOnKeyboard(workspace, 'key', 'ctrl+z');
      await app.waitUntil(async () => !(await valueOf(app, 'field-title')).includes('3 points'), {
        timeout: 5000,
        timeoutMsg: 'Ctrl+Z did not undo the typing',
      });
      pressOnKeyboard(workspace, 'key', 'ctrl+shift+z');
      await app.waitUntil(async () => (await valueOf(app, 'field-title')) === 'Churn fell 3 points', {
        timeout: 5000,
        timeoutMsg: 'Ctrl+Shift+Z did not redo the typing',
      });
      await waitForSaved(app);

      const before = (await listTitles(app)).length;
      pressOnKeyboard(workspace, 'key', 'ctrl+n');
      await app.waitUntil(async () => (await listTitles(app)).length > before, {
        timeout: 5000,
        timeoutMsg: 'Ctrl+N added no update',
      });
      await sleep(1000);
      assert.equal((await listTitles(app)).length, before + 1, 'one Ctrl+N must add exactly one update');
      assert.ok((await listTitles(app)).includes('Churn fell 3 points'), 'the redone title was not saved');
    } finally {
      await closeApp(app);
    }
  });
});
