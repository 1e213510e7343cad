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
          [...row.cells].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
      assert.deepEqual(rows, [['2026-12-02', 'Sharing activation', '14']]);
      assert.deepEqual(await journalAlerts(app), []);
    } finally {
      await closeApp(app);
    }
  });
});
