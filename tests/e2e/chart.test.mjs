// The Evidence step's chart: paste a table, watch the slide preview change,
// export the PDF through the native save dialog, and check the file.
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
  screenshot,
  typeInto,
  waitForSaved,
  previewSource,
  useSession,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const session = useSession();

describe('the chart and the slide', () => {
  test('a pasted table changes the preview and exports as a real PDF', async () => {
    const workspace = path.join(session.dir, 'chart.throughline');
    const pdf = path.join(session.dir, 'exported-deck.pdf');
    const app = await launchApp(workspace);
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Trial conversion rose after usage nudges');
      await openStep(app, 'evidence');
      await typeInto(app, 'beat-evidence', 'Pilot cohort converted at 18% against 12% before.');
      const before = await previewSource(app);

      // Tab-separated, as a spreadsheet copies it, through the real clipboard.
      await pasteInto(app, 'chart-data', 'Cohort\tConversion\nBefore\t12\nAfter\t18\n');
      await app.$('[data-testid="chart-title"]').waitForDisplayed({ timeout: 5000 });
      await typeInto(app, 'chart-title', 'Conversion up by half with nudges');
      await app.waitUntil(async () => (await previewSource(app)) !== before, {
        timeout: 10000,
        timeoutMsg: 'the preview did not change after pasting the table',
      });
      const kind = await app.$('[data-testid="chart-kind"]').getValue();
      assert.equal(kind, 'before-after', 'two rows suggest a before/after chart');
      await waitForSaved(app);
      screenshot(path.join(ARTIFACTS, 'chart-editor.png'));

      await app.$('[data-testid="export-pdf"]').click();
      await answerSaveDialog(pdf);
      await app.$('[data-testid="export-done"]').waitForExist({
        timeout: 20000,
        timeoutMsg: 'the export never finished',
      });
    } finally {
      await closeApp(app);
    }

    assert.ok(existsSync(pdf), `${pdf} was not written`);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /Trial conversion rose after usage nudges/);
    assert.match(text, /Conversion up by half with nudges/);
    assert.match(text, /\+50%/, 'the difference is computed from the data');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0);
    for (const row of fonts) assert.match(row, / yes yes yes /, `font not embedded: ${row}`);
    execFileSync('pdftoppm', ['-png', '-r', '20', pdf, path.join(session.dir, 'page')]);
    assert.ok(existsSync(path.join(session.dir, 'page-1.png')), 'pdftoppm rendered the page');
  });
});
