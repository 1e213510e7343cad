// The portfolio in the real window: initiatives created and one imported
// from a pasted table, a dependency linked, a check that fails and then
// passes, and the views drawn by the renderer.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { closeApp, launchApp, pasteInto, screenshot, typeInto, useSession } from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const session = useSession();

async function failingChecks(app) {
  return app.execute(() =>
    [...document.querySelectorAll('[data-testid="portfolio-check"]')].map((el) => el.getAttribute('data-check')),
  );
}

async function createInitiative(app, name, horizon, bucket, cost) {
  await app.$('[data-testid="initiative-new"]').click();
  await app.$('[data-testid="initiative-editor"]').waitForDisplayed({ timeout: 5000 });
  await typeInto(app, 'initiative-name', name);
  await app.$('[data-testid="initiative-horizon"]').selectByVisibleText(horizon);
  await app.$('[data-testid="initiative-bucket"]').selectByVisibleText(bucket);
  await typeInto(app, 'initiative-cost', cost);
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
    try {
      await app.$('[data-testid="tab-portfolio"]').click();
      await app.$('[data-testid="portfolio"]').waitForDisplayed({ timeout: 5000 });
      // The demo portfolio (the method's 70/20/10) passes every check; figures are grouped.
      assert.match(await app.$('[data-testid="initiative-table"]').getText(), /450,000/);
      assert.match(await app.$('[data-testid="portfolio-check-summary"]').getText(), /every check passes/);

      // One initiative from a pasted table: a Next item on nothing in Now.
      await app.$('[data-testid="initiative-paste"]').click();
      // As a spreadsheet puts it on the clipboard: tab-separated.
      await pasteInto(app, 'initiative-paste-text', 'name\thorizon\tbucket\tcost\nPartner API\tNext\tadjacent\t30000\n');
      await app.$('[data-testid="initiative-paste-import"]').click();
      await app.waitUntil(async () => (await failingChecks(app)).includes('next-needs-now'), {
        timeout: 5000,
        timeoutMsg: 'the Next item with nothing in Now did not fail its check',
      });
      assert.match(await app.$('[data-testid="portfolio-check"]').getText(), /Partner API/);

      // Two made in the window.
      await createInitiative(app, 'Billing export', 'Now', 'core', '40000');
      await createInitiative(app, 'Usage dashboard', 'Now', 'core', '20000');

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
    } finally {
      await closeApp(app);
    }
  });
});
