// The portfolio in the real window: initiatives created and one imported
// from a pasted table, a dependency linked, a check that fails and then
// passes, and the views drawn by the renderer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  answerSaveDialog,
  closeApp,
  launchApp,
  openStep,
  pasteInto,
  previewSource,
  screenshot,
  typeInto,
  useSession,
  waitForSaved,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const session = useSession();

async function failingChecks(app) {
  return app.execute(() =>
    [...document.querySelectorAll('[data-testid="portfolio-check"]')].map((el) => el.getAttribute('data-check')),
  );
}

async function createInitiative(app, name, horizon, bucket, cost, fit) {
  await app.$('[data-testid="initiative-new"]').click();
  await app.$('[data-testid="initiative-editor"]').waitForDisplayed({ timeout: 5000 });
  await typeInto(app, 'initiative-name', name);
  await app.$('[data-testid="initiative-horizon"]').selectByVisibleText(horizon);
  await app.$('[data-testid="initiative-bucket"]').selectByVisibleText(bucket);
  await typeInto(app, 'initiative-cost', cost);
  await typeInto(app, 'initiative-fit', fit);
  await app.$('[data-testid="initiative-save"]').click();
  await app.waitUntil(
    async () =>
      (await app.execute(() =>
        [...document.querySelectorAll('[data-testid="initiative-row"]')].map((el) => el.textContent.trim()),
      )).includes(name),
    { timeout: 5000, timeoutMsg: `${name} never appeared in the table` },
  );
}

describe('the portfolio', () => {
  test('initiatives made and pasted, a dependency that fixes a failing check, and the views', async () => {
    const app = await launchApp(path.join(session.dir, 'portfolio.throughline'));
    const pdf = path.join(session.dir, 'portfolio-update.pdf');
    try {
      await app.$('[data-testid="tab-portfolio"]').click();
      await app.$('[data-testid="portfolio"]').waitForDisplayed({ timeout: 5000 });
      // The demo portfolio (the method's 70/20/10) passes every check; figures are grouped.
      assert.match(await app.$('[data-testid="initiative-table"]').getText(), /450,000/);
      assert.match(await app.$('[data-testid="portfolio-check-summary"]').getText(), /every check passes/);

      // One initiative from a pasted table: a Next item on nothing in Now.
      await app.$('[data-testid="initiative-paste"]').click();
      // As a spreadsheet puts it on the clipboard: tab-separated.
      await pasteInto(app, 'initiative-paste-text', 'name\thorizon\tbucket\tcost\tfit\nPartner API\tNext\tadjacent\t30000\t6\n');
      await app.$('[data-testid="initiative-paste-import"]').click();
      await app.waitUntil(async () => (await failingChecks(app)).includes('next-needs-now'), {
        timeout: 5000,
        timeoutMsg: 'the Next item with nothing in Now did not fail its check',
      });
      assert.match(await app.$('[data-testid="portfolio-check"]').getText(), /Partner API/);

      // Two made in the window.
      await createInitiative(app, 'Billing export', 'Now', 'core', '40000', '8');
      await createInitiative(app, 'Usage dashboard', 'Now', 'core', '20000', '3');

      // Partner API builds on the billing export: the check passes.
      await app.execute(() => {
        const row = [...document.querySelectorAll('[data-testid="initiative-row"]')].find(
          (el) => el.textContent.trim() === 'Partner API',
        );
        row?.click();
      });
      await app.$('[data-testid="initiative-editor"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="initiative-depends"][data-name="Billing export"]').click();
      await app.$('[data-testid="initiative-save"]').click();
      await app.waitUntil(async () => (await failingChecks(app)).length === 0, {
        timeout: 5000,
        timeoutMsg: 'the dependency did not make the checks pass',
      });
      assert.match(await app.$('[data-testid="portfolio-check-summary"]').getText(), /every check passes/);

      // Settings: targets that do not sum to 100 fail their check.
      await app.$('[data-testid="portfolio-settings"]').click();
      await typeInto(app, 'portfolio-target-core', '75');
      await app.$('[data-testid="portfolio-settings-save"]').click();
      await app.waitUntil(async () => (await failingChecks(app)).includes('targets-sum'), {
        timeout: 5000,
        timeoutMsg: 'targets summing to 105 did not fail',
      });
      await app.$('[data-testid="portfolio-settings"]').click();
      await typeInto(app, 'portfolio-target-core', '70');
      await app.$('[data-testid="portfolio-settings-save"]').click();
      await app.waitUntil(async () => (await failingChecks(app)).length === 0, {
        timeout: 5000,
        timeoutMsg: 'the targets put back did not pass',
      });

      // A red line needs an evidence gate; a gate, a stopping rule and a reading made in the form.
      await app.execute(() => {
        const row = [...document.querySelectorAll('[data-testid="initiative-row"]')].find(
          (el) => el.textContent.trim() === 'Billing export',
        );
        row?.click();
      });
      await app.$('[data-testid="initiative-risks"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="initiative-risk-regulatory"]').selectByAttribute('value', '4');
      await app.$('[data-testid="initiative-redline-regulatory"]').click();
      await app.$('[data-testid="initiative-save"]').click();
      await app.waitUntil(async () => (await failingChecks(app)).includes('red-line-gate'), {
        timeout: 5000,
        timeoutMsg: 'a red line without a gate did not fail its check',
      });
      await app.$('[data-testid="gate-add"]').click();
      await typeInto(app, 'gate-metric', 'Export errors');
      await typeInto(app, 'gate-threshold', '2');
      await app.$('[data-testid="rule-add"]').click();
      await typeInto(app, 'rule-metric', 'Export errors');
      await typeInto(app, 'rule-threshold', '5');
      await app.$('[data-testid="initiative-save"]').click();
      await app.waitUntil(async () => (await failingChecks(app)).length === 0, {
        timeout: 5000,
        timeoutMsg: 'the gate did not make the red-line check pass',
      });
      await typeInto(app, 'reading-metric', 'Export errors');
      await typeInto(app, 'reading-value', '1.5');
      await app.$('[data-testid="reading-add"]').click();
      // Read in the page: the list is drawn again when the reading arrives.
      const readings = () =>
        app.execute(() => document.querySelector('[data-testid="initiative-readings"]')?.textContent ?? '');
      await app.waitUntil(async () => /Export errors: 1\.5/.test(await readings()), {
        timeout: 5000,
        timeoutMsg: 'the reading did not appear under the initiative',
      });
      screenshot(path.join(ARTIFACTS, 'portfolio-safeguards.png'));

      // The views, drawn by the renderer.
      for (const view of ['matrix', 'allocation', 'tracks']) {
        await app.$(`[data-testid="portfolio-view-${view}"]`).click();
        await app.waitUntil(
          async () => ((await app.$('[data-testid="portfolio-view"]').getAttribute('src')) ?? '').startsWith('data:image/png'),
          { timeout: 10000, timeoutMsg: `the ${view} view was not drawn` },
        );
      }
      // The demo's moonshot: its gate tracker, drawn by the same renderer.
      await app.execute(() => {
        const row = [...document.querySelectorAll('[data-testid="initiative-row"]')].find(
          (el) => el.textContent.trim() === 'AI underwriting assistant',
        );
        row?.click();
      });
      await app.$('[data-testid="portfolio-view-gates"]').waitForDisplayed({ timeout: 5000 });
      const before = await app.$('[data-testid="portfolio-view"]').getAttribute('src');
      await app.$('[data-testid="portfolio-view-gates"]').click();
      await app.waitUntil(
        async () => {
          const src = (await app.$('[data-testid="portfolio-view"]').getAttribute('src')) ?? '';
          return src.startsWith('data:image/png') && src !== before;
        },
        { timeout: 10000, timeoutMsg: 'the gate tracker was not drawn' },
      );
      screenshot(path.join(ARTIFACTS, 'portfolio.png'));

      // The matrix as an update's chart, in the preview and the exported PDF.
      await app.$('[data-testid="tab-updates"]').click();
      await app.$('[data-testid="new-update"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Fund the partner API after the billing export');
      await openStep(app, 'evidence');
      const blank = await previewSource(app);
      await app.$('[data-testid="chart-portfolio"]').click();
      await app.$('[data-testid="chart-portfolio"]').selectByAttribute('value', 'matrix-npv');
      await app.$('[data-testid="chart-portfolio-view"]').waitForDisplayed({ timeout: 5000 });
      assert.match(await app.$('[data-testid="chart-portfolio-view"]').getText(), /Portfolio matrix/);
      assert.match(await app.$('[data-testid="chart-as-of"]').getText(), /^\d{4}-\d{2}-\d{2}$/);
      await app.waitUntil(async () => (await previewSource(app)) !== blank, {
        timeout: 10000,
        timeoutMsg: 'the preview did not draw the matrix',
      });
      // Refresh keeps the PM's title.
      await typeInto(app, 'chart-title', 'Billing export and upsell lead on value');
      await app.$('[data-testid="chart-refresh"]').click();
      await app.waitUntil(
        async () => (await app.$('[data-testid="chart-title"]').getValue()) === 'Billing export and upsell lead on value',
        { timeout: 5000, timeoutMsg: 'refreshing lost the chart title' },
      );
      await waitForSaved(app);
      screenshot(path.join(ARTIFACTS, 'portfolio-chart.png'));
      await app.$('[data-testid="export-pdf"]').click();
      await answerSaveDialog(pdf);
      await app.$('[data-testid="export-done"]').waitForExist({ timeout: 20000, timeoutMsg: 'the export never finished' });
    } finally {
      await closeApp(app);
    }
    assert.ok(existsSync(pdf), `${pdf} was not written`);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /Fund the partner API after the billing export/);
    assert.match(text, /Billing export and upsell lead on value/);
    for (const name of ['Partner API', 'Billing export', 'Usage dashboard']) {
      assert.ok(text.includes(name), `${name} is not in the exported PDF: ${text}`);
    }
    assert.match(text, /As of \d{4}-\d{2}-\d{2} · rows [0-9a-f]{8}/, 'the slide shows the day and the rows hash');
  });
});
