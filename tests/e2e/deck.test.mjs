// Beyond one slide: the workspace's look, a spreadsheet file as chart data,
// a deck picked and ordered by the user, and the slide on the clipboard.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  answerOpenDialog,
  answerSaveDialog,
  closeApp,
  launchApp,
  listTitles,
  openStep,
  screenshot,
  typeInto,
  waitForSaved,
  previewSource,
  useSession,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const WORKBOOK = path.resolve('crates/core/tests/fixtures/chart-data.xlsx');

const session = useSession();

async function newUpdateTitled(app, title) {
  await app.$('[data-testid="new-update"]').click();
  await typeInto(app, 'field-title', title);
  await waitForSaved(app);
}

function pdfPageText(pdf, page) {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });
}

describe('decks, branding, files and the clipboard', () => {
  test('branding, an imported workbook, an ordered deck with progress, and a copied slide', async () => {
    const workspace = path.join(session.dir, 'deck.throughline');
    const deckPdf = path.join(session.dir, 'board-deck.pdf');
    const app = await launchApp(workspace);
    try {
      await newUpdateTitled(app, 'Pricing page test lifts paid plans');
      await newUpdateTitled(app, 'Onboarding checklist halves setup time');

      // The workspace look: a footer label and an accent on every slide.
      const before = await previewSource(app);
      await app.$('[data-testid="open-branding"]').click();
      await app.$('[data-testid="branding-dialog"]').waitForDisplayed({ timeout: 5000 });
      await typeInto(app, 'brand-footer', 'Board only');
      await typeInto(app, 'brand-accent', '#0F766E');
      await app.keys(['Tab']);
      await app.waitUntil(async () => (await previewSource(app)) !== before, {
        timeout: 10000,
        timeoutMsg: 'the preview did not redraw with the new branding',
      });
      // The significance note is a look choice too, stored as it is ticked:
      // the dialog reopened reads it back from the workspace.
      await app.$('[data-testid="brand-significance-note"]').click();
      screenshot(path.join(ARTIFACTS, 'workspace-look.png'));
      await app.keys(['Escape']);
      await app.$('[data-testid="branding-dialog"]').waitForDisplayed({ timeout: 5000, reverse: true });
      await app.$('[data-testid="open-branding"]').click();
      await app.$('[data-testid="branding-dialog"]').waitForDisplayed({ timeout: 5000 });
      await app.waitUntil(async () => app.$('[data-testid="brand-significance-note"]').isSelected(), {
        timeout: 5000,
        timeoutMsg: 'the significance note was not stored',
      });
      await app.keys(['Escape']);

      // A real .xlsx through the open dialog: the first sheet with data is charted.
      await openStep(app, 'evidence');
      await app.$('[data-testid="chart-import"]').click();
      await answerOpenDialog(WORKBOOK);
      await app.waitUntil(
        async () => (await app.$('[data-testid="chart-data"]').getValue()).includes('2025-12-09'),
        { timeout: 10000, timeoutMsg: 'the workbook never reached the chart data' },
      );
      assert.equal(await app.$('[data-testid="chart-sheet"]').getValue(), '0');
      await app.$('[data-testid="chart-sheet"]').selectByVisibleText('Pipeline — not chart data');
      const error = await app.$('[data-testid="chart-error"]').getText();
      assert.match(error, /Pipeline.*row 5, column 3/s, 'the bad cell is named as the sheet shows it');
      await waitForSaved(app);

      // The slide on the clipboard, as an image a chat or a deck accepts.
      await app.$('[data-testid="copy-slide"]').click();
      await app.$('[data-testid="copy-done"]').waitForExist({ timeout: 10000 });
      const targets = execFileSync('xclip', ['-selection', 'clipboard', '-t', 'TARGETS', '-o'], {
        encoding: 'utf8',
        timeout: 5000,
      });
      assert.match(targets, /image\/png/);
      const png = execFileSync('xclip', ['-selection', 'clipboard', '-t', 'image/png', '-o'], {
        timeout: 10000,
        maxBuffer: 64 * 1024 * 1024,
      });
      const copied = path.join(session.dir, 'copied.png');
      writeFileSync(copied, png);
      const size = execFileSync('identify', ['-format', '%wx%h', copied], { encoding: 'utf8' });
      assert.equal(size, '1920x1080');

      // The deck: drop one update, put the rest in the user's order.
      const titles = await listTitles(app);
      assert.equal(titles.length, 3, 'the example and the two new updates');
      await app.$('[data-testid="export-deck"]').click();
      await app.$('[data-testid="deck-dialog"]').waitForDisplayed({ timeout: 5000 });
      const rows = await app.$$('[data-testid="deck-item"]');
      assert.equal(rows.length, 3);
      // Untick the example (the oldest, at the bottom), tick the others.
      const ticks = await app.$$('[data-testid="deck-item"] input[type="checkbox"]');
      for (const [index, tick] of ticks.entries()) {
        const wanted = index < 2;
        if ((await tick.isSelected()) !== wanted) await tick.click();
      }
      // Move "Pricing…" (second) above "Onboarding…" (first).
      await app.$('[aria-label="Move “Pricing page test lifts paid plans” up"]').click();
      screenshot(path.join(ARTIFACTS, 'deck-dialog.png'));
      await app.$('[data-testid="deck-export"]').click();
      await answerSaveDialog(deckPdf);
      await app.$('[data-testid="deck-done"]').waitForExist({
        timeout: 30000,
        timeoutMsg: 'the deck export never finished',
      });
    } finally {
      await closeApp(app);
    }

    assert.ok(existsSync(deckPdf), `${deckPdf} was not written`);
    const info = execFileSync('pdfinfo', [deckPdf], { encoding: 'utf8' });
    assert.match(info, /Pages:\s+2\n/);
    assert.match(pdfPageText(deckPdf, 1), /Pricing page test lifts paid plans/);
    assert.match(pdfPageText(deckPdf, 2), /Onboarding checklist halves setup time/);
    assert.match(pdfPageText(deckPdf, 1), /Board only/, 'the footer label is on the slide');
    assert.match(pdfPageText(deckPdf, 2), /2\s*\/\s*2|2 of 2/, 'pages are numbered in deck order');
  });
});
