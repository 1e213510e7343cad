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
  openJournal,
  screenshot,
  typeAt,
  typeInto,
  useSession,
  valueOf,
  waitForSaved,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

async function pendingNotice(app) {
  const notice = app.$('[data-testid="journal-pending"]');
  await notice.waitForDisplayed({ timeout: 5000, timeoutMsg: 'the journal does not show a pending change' });
  return notice.getText();
}

describe('a shared journal’s pending change', () => {
  const session = useSession();

  test('an edit of a shared journal is kept, marked pending, across a tab switch and a restart', async () => {
    const workspace = path.join(session.dir, 'lifecycle.throughline');
    let app = await launchApp(workspace);
    try {
      await app.$('[data-testid="tab-journals"]').click();
      await app.$('[data-testid="new-journal"]').click();
      await typeInto(app, 'journal-item', 'Shared workspaces');
      await typeInto(app, 'journal-decision', 'Build native sharing this quarter');
      // What sharing asks for: an assumption, two alternatives, a kill criterion.
      await app.$('[data-testid="journal-add-assumption"]').click();
      await typeAt(app, '[aria-label="Assumption 1"]', 'Trial teams invite a colleague in week one');
      await app.$('[data-testid="journal-add-alternative"]').click();
      await typeAt(app, '[aria-label="Alternative 1"]', "Integrate with the chat tool's API");
      await app.$('[data-testid="journal-add-alternative"]').click();
      await typeAt(app, '[aria-label="Alternative 2"]', 'Concierge invites before automation');
      await app.$('[data-testid="journal-add-criterion"]').click();
      await typeAt(app, '[aria-label="Metric of criterion 1"]', 'Sharing activation');
      await typeAt(app, '[aria-label="Threshold of criterion 1"]', '20');
      await waitForSaved(app);

      await app.$('[data-testid="journal-freeze"]').click();
      await app.$('[data-testid="journal-freeze-confirm"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="journal-freeze-confirm"]').click();
      await app.$('[data-testid="journal-revisions"]').waitForDisplayed({ timeout: 5000 });
      assert.equal(await app.$('[data-testid="journal-pending"]').isExisting(), false);

      // A change to the frozen journal, then straight to the updates (no wait for the autosave).
      await typeInto(app, 'journal-decision', 'Build native sharing next quarter');
      assert.match(await pendingNotice(app), /Changes not yet recorded as a revision/);
      await app.$('[data-testid="tab-updates"]').click();
      await app.$('[data-testid="field-title"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="tab-journals"]').click();
      await app.$('[data-testid="journal-editor"]').waitForDisplayed({ timeout: 5000 });
      assert.equal(await valueOf(app, 'journal-decision'), 'Build native sharing next quarter');
      assert.match(await pendingNotice(app), /Changes not yet recorded as a revision/);
      await waitForSaved(app);
      screenshot(path.join(ARTIFACTS, 'journal-pending.png'));
    } finally {
      await closeApp(app);
    }

    app = await launchApp(workspace);
    try {
      await app.$('[data-testid="tab-journals"]').click();
      await openJournal(app, 'Shared workspaces');
      assert.equal(await valueOf(app, 'journal-decision'), 'Build native sharing next quarter');
      assert.match(await pendingNotice(app), /Changes not yet recorded as a revision/);
      // Still one revision: the change was never recorded, only kept.
      const revisions = await app.$$('[data-testid="journal-revisions"] li');
      assert.equal(revisions.length, 1);
    } finally {
      await closeApp(app);
    }
  });
});
