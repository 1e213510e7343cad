// A journal's life past sharing, and "today" by the app's clock, in the real window:
// a change typed into a shared (frozen) journal is kept as its pending change across
// a tab switch and a restart; a reading typed late in the evening, west of UTC, is
// dated the local today (the Rust clock's, with its test override), and accepted.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  closeApp,
  launchApp,
  screenshot,
  typeAt,
  typeInto,
  useSession,
  valueOf,
  waitForSaved,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** The alerts the journal editor shows (errors), as text. */
async function journalAlerts(app) {
  return app.execute(() =>
    [...document.querySelectorAll('[data-testid="journal-editor"] [role="alert"]')].map((el) =>
      (el.textContent ?? '').trim(),
    ),
  );
}

describe('today by the app’s clock', () => {
  // 07:30 UTC on 3 December is 23:30 on 2 December at UTC−8 (a POSIX zone: no tzdata needed).
  const session = useSession({ TZ: 'PST8', THROUGHLINE_NOW: '2026-12-03T07:30:00Z' });

  test('a reading typed late in the evening is dated the local today, and accepted', async () => {
    const app = await launchApp(path.join(session.dir, 'today.throughline'));
    try {
      await app.$('[data-testid="tab-journals"]').click();
      await app.$('[data-testid="new-journal"]').click();
      await typeInto(app, 'journal-item', 'Shared workspaces');
      await app.$('[data-testid="journal-add-criterion"]').click();
      await typeAt(app, '[aria-label="Metric of criterion 1"]', 'Sharing activation');
      await waitForSaved(app);
      assert.equal(await valueOf(app, 'criterion-by'), '2027-01-01', 'a new criterion is decided 30 days from today');

      const date = app.$('[aria-label="Date of the reading"]');
      await date.waitForDisplayed({ timeout: 5000 });
      assert.equal(await date.getValue(), '2026-12-02');
      await typeInto(app, 'reading-value', '14');
      await app.$('[data-testid="reading-add"]').click();
      await app
        .$('[data-testid="journal-readings"]')
        .waitForDisplayed({ timeout: 5000, timeoutMsg: 'the reading never appeared in the table' });
      const rows = await app.execute(() =>
        [...document.querySelectorAll('[data-testid="journal-readings"] tbody tr')].map((row) =>
          [...row.cells].slice(0, 3).map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
      assert.deepEqual(rows, [['2026-12-02', 'Sharing activation', '14%']]);
      assert.deepEqual(await journalAlerts(app), []);
    } finally {
      await closeApp(app);
    }
  });

  test('an earlier version of an update is restored as a new revision, at the pinned time', async () => {
    const app = await launchApp(path.join(session.dir, 'history.throughline'));
    try {
      // The example update is created with the workspace: its first revision.
      await app.$('[data-testid="update-item"]').click();
      const original = await valueOf(app, 'field-title');
      await typeInto(app, 'field-title', 'A title typed over the example');
      await waitForSaved(app);

      await app.$('[data-testid="open-history"]').click();
      await app.$('[data-testid="history-dialog"]').waitForDisplayed({ timeout: 5000 });
      const revisions = await app.$$('[data-testid="history-revision"]');
      assert.equal(revisions.length, 2, 'created, then the edit');
      // Both at the pinned instant.
      const times = [];
      for (const revision of revisions) times.push((await revision.$('.when').getText()).replace(' · now', ''));
      assert.equal(times[0], times[1]);
      assert.match(times[0], /2026/);
      // The older one is selected: what changed since is the title.
      await app.waitUntil(async () => (await app.$('[data-testid="history-diff"]').getText()).includes(original), {
        timeout: 5000,
        timeoutMsg: 'the diff never showed the original title',
      });
      assert.match(await app.$('[data-testid="history-diff"]').getText(), /\+ title: A title typed over the example/);
      screenshot(path.join(ARTIFACTS, 'history.png'));
      await app.$('[data-testid="history-restore"]').click();
      await app.waitUntil(async () => (await app.$$('[data-testid="history-revision"]')).length === 3, {
        timeout: 5000,
        timeoutMsg: 'the restore did not appear as a new revision',
      });
      assert.match(await (await app.$$('[data-testid="history-revision"]'))[0].getText(), /Restored the version of/);
      await app.keys(['Escape']);
      await app.waitUntil(async () => (await valueOf(app, 'field-title')) === original, {
        timeout: 5000,
        timeoutMsg: 'the editor did not show the restored title',
      });
    } finally {
      await closeApp(app);
    }
  });
});
