// The decision journal in the real window: write one, share it, import
// readings that cross the kill threshold, see it triggered on the journal
// and as a banner on the update it backs, and export it as Markdown.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  answerOpenDialog,
  answerSaveDialog,
  closeApp,
  launchApp,
  openJournal,
  previewSource,
  screenshot,
  typeAt,
  typeInto,
  useSession,
  waitForSaved,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const session = useSession();

function isoDaysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe('the decision journal', () => {
  test('a shared journal whose kill criterion triggers shows it, bans the update, and exports', async () => {
    const readings = path.join(session.dir, 'sharing.csv');
    writeFileSync(
      readings,
      `date,Sharing activation\n${isoDaysAgo(14)},26\n${isoDaysAgo(7)},21\n${isoDaysAgo(1)},14\n`,
    );
    const markdown = path.join(session.dir, 'journal.md');
    const pdf = path.join(session.dir, 'journal.pdf');
    const app = await launchApp(path.join(session.dir, 'journal.throughline'));
    try {
      await app.$('[data-testid="tab-journals"]').click();
      await app.$('[data-testid="new-journal"]').click();
      await typeInto(app, 'journal-item', 'Shared workspaces');
      await typeInto(app, 'journal-owner', 'Collaboration squad');
      await typeInto(app, 'journal-decision', 'Build native sharing this quarter');

      await app.$('[data-testid="journal-add-assumption"]').click();
      await typeAt(app, '[aria-label="Assumption 1"]', 'Trial teams invite a colleague in week one');
      await app.$('[aria-label="Evidence for assumption 1"]').selectByVisibleText('Survey');
      await typeAt(app, '[aria-label="Source of assumption 1"]', 'Trial survey, 212 answers, October');
      await app.$('[data-testid="journal-add-assumption"]').click();
      await typeAt(app, '[aria-label="Assumption 2"]', 'Shared workspaces convert better');

      await app.$('[data-testid="journal-add-alternative"]').click();
      await typeAt(app, '[aria-label="Alternative 1"]', "Integrate with the chat tool's API");
      await app.$('[data-testid="journal-add-alternative"]').click();
      await typeAt(app, '[aria-label="Alternative 2"]', 'Concierge invites before automation');

      await app.$('[data-testid="journal-add-criterion"]').click();
      await typeAt(app, '[aria-label="Metric of criterion 1"]', 'Sharing activation');
      await typeAt(app, '[aria-label="Threshold of criterion 1"]', '20');
      await typeAt(app, '[aria-label="Cohort of criterion 1"]', 'trial accounts, first 14 days');
      await waitForSaved(app);

      // Freezing asks, and says what is weak; cancelled once, nothing is frozen.
      await app.$('[data-testid="journal-freeze"]').click();
      await app.$('[data-testid="journal-freeze-dialog"]').waitForDisplayed({ timeout: 5000 });
      assert.match(await app.$('[data-testid="journal-weak-points"]').getText(), /No reading yet/);
      screenshot(path.join(ARTIFACTS, 'journal-freeze.png'));
      await app.$('[data-testid="journal-freeze-cancel"]').click();
      await app.$('[data-testid="journal-freeze-dialog"]').waitForDisplayed({ timeout: 5000, reverse: true });
      assert.equal(await app.$('[data-testid="journal-revisions"]').isExisting(), false);
      await app.$('[data-testid="journal-freeze"]').click();
      await app.$('[data-testid="journal-freeze-confirm"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="journal-freeze-confirm"]').click();
      await app.$('[data-testid="journal-revisions"]').waitForDisplayed({ timeout: 5000 });

      await app.$('[data-testid="journal-import-readings"]').click();
      await answerOpenDialog(readings);
      await app.waitUntil(
        async () => (await app.$('[data-testid="criterion-status"]').getAttribute('data-status')) === 'triggered',
        { timeout: 10000, timeoutMsg: 'the criterion never showed as triggered' },
      );
      assert.match(await app.$('[data-testid="criterion-status"]').getText(), /Triggered/);
      screenshot(path.join(ARTIFACTS, 'journal.png'));

      // A reading of a frozen journal is corrected only with a reason, as a revision.
      const rows = await app.$$('[data-testid="reading-row"]');
      assert.equal(rows.length, 3);
      await rows[2].$('[data-testid="reading-correct"]').click();
      await typeInto(app, 'reading-change-value', '15');
      assert.equal(await app.$('[data-testid="reading-change-confirm"]').isEnabled(), false, 'a reason is asked for');
      await typeInto(app, 'reading-change-reason', 'the export ran a day late');
      await app.$('[data-testid="reading-change-confirm"]').click();
      await app.waitUntil(
        async () => (await app.$('[data-testid="journal-revisions"]').getText()).includes('corrected from 14 to 15'),
        { timeout: 10000, timeoutMsg: 'the correction was not recorded as a revision' },
      );
      assert.match(await app.$('[data-testid="journal-revisions"]').getText(), /the export ran a day late/);
      assert.match(await app.$('[data-testid="journal-readings"]').getText(), /15%/);
      screenshot(path.join(ARTIFACTS, 'journal-reading-corrected.png'));

      await app.$('[data-testid="journal-export-md"]').click();
      await answerSaveDialog(markdown);
      await app.waitUntil(async () => existsSync(markdown), { timeout: 10000, timeoutMsg: 'no Markdown written' });
      await app.$('[data-testid="journal-export-pdf"]').click();
      await answerSaveDialog(pdf);
      await app.waitUntil(async () => existsSync(pdf), { timeout: 15000, timeoutMsg: 'no PDF written' });

      // The update that the journal backs carries the banner.
      await app.$('[data-testid="tab-updates"]').click();
      await app.$('[data-testid="field-journal"]').waitForDisplayed({ timeout: 5000 });
      const before = await previewSource(app);
      await app.$('[data-testid="field-journal"]').selectByVisibleText('Shared workspaces');
      await app.$('[data-testid="kill-banner"]').waitForDisplayed({ timeout: 5000 });
      assert.match(await app.$('[data-testid="kill-banner"]').getText(), /Sharing activation/);
      await app.waitUntil(async () => (await previewSource(app)) !== before, {
        timeout: 10000,
        timeoutMsg: 'the slide preview did not take the banner',
      });
      screenshot(path.join(ARTIFACTS, 'kill-banner.png'));

      // "Back up now" writes a verified copy beside the workspace file.
      await app.$('[data-testid="back-up-now"]').click();
      await app.$('[data-testid="backup-note"]').waitForDisplayed({ timeout: 10000 });
      const backups = `${path.join(session.dir, 'journal.throughline')}.backups`;
      assert.ok(
        readdirSync(backups).some((name) => /^journal-\d{8}-\d{6}\.throughline$/.test(name)),
        `no backup in ${backups}`,
      );

      // The coach knows: the example's title claims a lift while the bet's kill criterion has triggered.
      await app.waitUntil(
        async () =>
          (await app.execute(() =>
            [...document.querySelectorAll('[data-testid="coach-finding"]')].map((el) => el.getAttribute('data-rule')),
          )).includes('progress-while-killed'),
        { timeout: 5000, timeoutMsg: 'the coach did not flag progress claimed against a triggered criterion' },
      );

      // The criterion's readings become the chart: the metric, the threshold line, the decision date.
      await app.$('[data-testid="step-evidence"]').click();
      await app.$('[data-testid="chart-criterion"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="chart-criterion"]').selectByVisibleText('Sharing activation');
      await app.waitUntil(
        async () => (await app.$('[data-testid="chart-data"]').getValue()).includes('Kill threshold (< 20%)'),
        { timeout: 5000, timeoutMsg: 'the criterion readings did not become the chart data' },
      );
      const data = await app.$('[data-testid="chart-data"]').getValue();
      // The corrected reading, not the one first imported.
      assert.match(data, new RegExp(`${isoDaysAgo(1)}\t15\t20`));
      assert.match(data, /\(decision\)\t\t20/);
      assert.equal(await app.$('[data-testid="chart-highlight"]').getValue(), 'Sharing activation');

      // Nothing hides a trigger: unlinking the update drops the banner, but the
      // coach says what happened, and both histories keep the record.
      await app.$('[data-testid="field-journal"]').selectByVisibleText('None');
      await app.$('[data-testid="kill-banner"]').waitForDisplayed({ timeout: 5000, reverse: true });
      await app.waitUntil(
        async () =>
          (await app.execute(() =>
            [...document.querySelectorAll('[data-testid="coach-finding"]')].map((el) => el.getAttribute('data-rule')),
          )).includes('unlinked-while-triggered'),
        { timeout: 5000, timeoutMsg: 'the coach did not say the update left a triggered journal' },
      );
      // (A toast may still cover the top bar for a moment: click until the dialog opens.)
      await app.waitUntil(
        async () => {
          await app.$('[data-testid="open-history"]').click().catch(() => {});
          return app.$('[data-testid="history-dialog"]').isDisplayed();
        },
        { timeout: 10000, interval: 500, timeoutMsg: 'History… never opened' },
      );
      const shown = await app
        .$('[data-testid="history-events"]')
        .waitForDisplayed({ timeout: 5000 })
        .catch(() => false);
      assert.ok(shown, `no record in History…: ${await app.$('[data-testid="history-dialog"]').getText()}`);
      assert.match(
        await app.$('[data-testid="history-events"]').getText(),
        /stopped backing journal “Shared workspaces” .* while its kill criterion “Sharing activation < 20%/,
      );
      screenshot(path.join(ARTIFACTS, 'update-history-record.png'));
      await app.keys(['Escape']);
      await app.$('[data-testid="tab-journals"]').click();
      await openJournal(app, 'Shared workspaces');
      await app.$('[data-testid="journal-events"]').waitForDisplayed({ timeout: 5000 });
      assert.match(await app.$('[data-testid="journal-events"]').getText(), /stopped backing journal “Shared workspaces”/);
    } finally {
      await closeApp(app);
    }

    const text = readFileSync(markdown, 'utf8');
    assert.match(text, /^# Decision journal: Shared workspaces/m);
    assert.match(text, /\*\*survey\*\*.*We believe that trial teams invite a colleague/);
    assert.match(text, /Concierge invites before automation/);
    assert.match(text, /Sharing activation < 20% \(trial accounts, first 14 days\).*\| \*\*TRIGGERED\*\* \| 15 on/);
    assert.match(text, /Revision 2 · `[0-9a-f]{64}`/);
    const hash = text.match(/Revision 2 · `([0-9a-f]{64})`/)[1];
    // The one-pager: its sources, each criterion's readings, a short hash on
    // the page and the full one in the document's properties.
    const page = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(page, /Decision journal: Shared workspaces/);
    assert.match(page, /TRIGGERED/);
    assert.match(page, /Source: Trial survey, 212 answers, October/);
    assert.ok(page.includes(`Readings: ${isoDaysAgo(14)} 26% · ${isoDaysAgo(7)} 21% · ${isoDaysAgo(1)} 15%`), page);
    assert.ok(page.includes(`Revision 2 · ${hash.slice(0, 12)}`), 'the page carries the revision and a short hash');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, new RegExp(`Keywords:\\s+revision 2 sha256 ${hash}`));
  });
});
