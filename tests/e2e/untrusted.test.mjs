// A workspace someone sent, carrying a trigger planted in it: the real window shows
// the refusal screen naming the trigger, never the editor, and the file is left
// byte for byte as it came.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { closeApp, launchApp, useSession } from './support/app.mjs';

const session = useSession();

const digest = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a workspace from someone else', () => {
  test('a planted trigger is refused with its name, and the file is not changed', async () => {
    const workspace = path.join(session.dir, 'shared by a colleague.throughline');
    let app = await launchApp(workspace);
    await closeApp(app);
    // What the sender planted: every later save would rewrite the evidence metric.
    execFileSync('sqlite3', [
      workspace,
      `CREATE TRIGGER keep_it_green AFTER UPDATE ON updates BEGIN
         UPDATE updates SET metric_value = '99%' WHERE id = new.id; END;
       PRAGMA wal_checkpoint(TRUNCATE);`,
    ]);
    const before = digest(workspace);

    app = await launchApp(workspace);
    try {
      const screen = app.$('[data-testid="workspace-error"]');
      await screen.waitForDisplayed({ timeout: 10000, timeoutMsg: 'the refusal screen never appeared' });
      assert.equal(await app.$('[data-testid="app-ready"]').isExisting(), false, 'the editor must not open');
      const headline = await app.$('[data-testid="workspace-error"] h1').getText();
      assert.match(headline, /something Throughline did not put there/);
      const message = await app.$('[data-testid="workspace-error-message"]').getText();
      assert.match(message, /trigger "keep_it_green" on updates/);
      assert.match(message, /left untouched/);
    } finally {
      await closeApp(app);
    }
    assert.equal(digest(workspace), before, 'the refused file is exactly as it came');
  });
});
