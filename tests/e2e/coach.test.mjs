// The story coach in the real window: findings beside the beat as the user
// types, the word underlined, a click that selects it, and "Mark ready"
// held back while the coach finds errors.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import {
  answerOpenDialog,
  appBinary,
  closeApp,
  launchApp,
  listTitles,
  openStep,
  previewSource,
  screenshot,
  typeInto,
  valueOf,
  waitForSaved,
  useSession,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const session = useSession();

async function findingRules(app, testId) {
  return app.execute(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] [data-testid="coach-finding"]`)].map((el) =>
        el.getAttribute('data-rule'),
      ),
    testId,
  );
}

describe('the story coach', () => {
  test('flags a weak draft as the user types and holds back "Mark ready"', async () => {
    const app = await launchApp(path.join(session.dir, 'coach.throughline'));
    try {
      await app.$('[data-testid="new-update"]').click();
      // A blank update is told what to write, not scored 0.
      await app.$('[data-testid="coach-start"]').waitForDisplayed({ timeout: 5000 });
      assert.equal(await app.$('[data-testid="coach-score"]').isExisting(), false);
      await typeInto(app, 'field-title', 'Sprint update');
      await typeInto(app, 'beat-context', 'Two competitors launched free tiers and undercut our price.');
      await openStep(app, 'conflict');
      await typeInto(app, 'beat-conflict', 'Trial users leave in week two, but a longer trial costs support hours.');
      await openStep(app, 'resolution');
      await typeInto(app, 'beat-resolution', 'The Growth squad ships usage nudges to every trial by 15 January.');
      await openStep(app, 'evidence');
      await typeInto(app, 'beat-evidence', 'Adoption looks okay so far.');
      await waitForSaved(app);

      await app.waitUntil(async () => (await findingRules(app, 'coach-evidence')).includes('evidence-missing'), {
        timeout: 5000,
        timeoutMsg: 'the coach never flagged evidence without a number',
      });
      assert.ok((await findingRules(app, 'coach-evidence')).includes('vague-word'));
      assert.ok((await findingRules(app, 'coach-title')).includes('title-not-action'));
      const underlined = await app.execute(() =>
        [...document.querySelectorAll('.marked mark')].map((m) => m.textContent),
      );
      assert.ok(underlined.includes('okay'), `underlined: ${underlined}`);
      assert.equal(await app.$('[data-testid="toggle-status"]').isEnabled(), false);
      assert.match(await app.$('[data-testid="ready-blocked"]').getText(), /1 error/);
      screenshot(path.join(ARTIFACTS, 'coach.png'));

      // A click on the finding selects the word in the field.
      await app.execute(() => {
        const note = [...document.querySelectorAll('[data-testid="coach-evidence"] [data-testid="coach-finding"]')].find(
          (el) => el.getAttribute('data-rule') === 'vague-word',
        );
        note?.querySelector('button.jump')?.click();
      });
      const selected = await app.execute(() => {
        const field = document.activeElement;
        return field instanceof HTMLTextAreaElement ? field.value.slice(field.selectionStart, field.selectionEnd) : '';
      });
      assert.equal(selected, 'okay');

      // The panel beside the slide lists every beat's findings; a click on
      // one from another step opens that step and selects the words.
      const panelTargets = await app.execute(() =>
        [...document.querySelectorAll('[data-testid="coach-panel"] [data-testid^="coach-all-"]')].map((el) =>
          el.getAttribute('data-testid'),
        ),
      );
      assert.ok(panelTargets.includes('coach-all-title'), `panel groups: ${panelTargets}`);
      assert.ok(panelTargets.includes('coach-all-evidence'), `panel groups: ${panelTargets}`);
      await openStep(app, 'context');
      await app.execute(() => {
        const note = [
          ...document.querySelectorAll('[data-testid="coach-all-evidence"] [data-testid="coach-finding"]'),
        ].find((el) => el.getAttribute('data-rule') === 'vague-word');
        note?.querySelector('button.jump')?.click();
      });
      await app.$('[data-testid="beat-evidence"]').waitForDisplayed({ timeout: 5000 });
      const fromPanel = await app.execute(() => {
        const field = document.activeElement;
        return field instanceof HTMLTextAreaElement
          ? [field.getAttribute('data-testid'), field.value.slice(field.selectionStart, field.selectionEnd)]
          : [];
      });
      assert.deepEqual(fromPanel, ['beat-evidence', 'okay']);
      screenshot(path.join(ARTIFACTS, 'coach-panel.png'));

      // Evidence with a number, a window and a baseline: no errors, ready allowed.
      await typeInto(app, 'beat-evidence', 'In a six-week pilot, conversion rose from 10% to 14% against the control group.');
      await app.waitUntil(async () => app.$('[data-testid="toggle-status"]').isEnabled(), {
        timeout: 5000,
        timeoutMsg: '"Mark ready" stayed disabled after the errors were fixed',
      });
      await waitForSaved(app);
      await app.$('[data-testid="toggle-status"]').click();
      await app.waitUntil(async () => (await app.$('[data-testid="toggle-status"]').getText()).includes('Back to draft'), {
        timeout: 5000,
        timeoutMsg: 'the update was not marked ready',
      });
    } finally {
      await closeApp(app);
    }
  });
});

describe('importing stories', () => {
  test('a story file picked in the open dialog becomes an update, reviewed by the coach', async () => {
    const story = path.resolve('tests/fixtures/coach/02-activity-report.md');
    const app = await launchApp(path.join(session.dir, 'import.throughline'));
    try {
      await app.$('[data-testid="import-stories"]').click();
      await answerOpenDialog(story);
      await app.waitUntil(async () => (await valueOf(app, 'field-title')) === 'Sprint update', {
        timeout: 10000,
        timeoutMsg: 'the imported story was not opened',
      });
      assert.ok((await listTitles(app)).includes('Sprint update'));
      await app.waitUntil(async () => (await findingRules(app, 'coach-title')).includes('title-not-action'), {
        timeout: 5000,
        timeoutMsg: 'the coach did not review the imported story',
      });
    } finally {
      await closeApp(app);
    }
  });
});

describe('a draft written elsewhere', () => {
  test('imports with its title, its differently named beats and its table as the chart, keeps its other sections, and says what became what', async () => {
    const draft = path.join(session.dir, 'board draft.md');
    writeFileSync(
      draft,
      [
        '# Move SMB to annual billing',
        '',
        '## Situation',
        'SMB churn rose to 4.1% monthly in Q3.',
        '',
        '## Complication',
        'Monthly plans let small teams leave at the first budget review.',
        '',
        '## Recommendation',
        'Finance switches new SMB signups to annual billing by January 15.',
        '',
        '## Results',
        'Annual plans churn a third as much.',
        '',
        '| Plan | Churn |',
        '|---|---:|',
        '| Monthly | 4.1% |',
        '| Annual | 1.2% |',
        '',
        '## Risks',
        'Some teams may not sign up at all.',
        '',
      ].join('\n'),
    );
    const app = await launchApp(path.join(session.dir, 'elsewhere.throughline'));
    try {
      const before = await previewSource(app);
      await app.$('[data-testid="import-stories"]').click();
      await answerOpenDialog(draft);
      await app.waitUntil(async () => (await valueOf(app, 'field-title')) === 'Move SMB to annual billing', {
        timeout: 10000,
        timeoutMsg: 'the draft was not opened with its title',
      });
      await openStep(app, 'conflict');
      assert.match(await valueOf(app, 'beat-conflict'), /^Monthly plans let small teams leave/);
      await openStep(app, 'evidence');
      assert.equal(await valueOf(app, 'beat-evidence'), 'Annual plans churn a third as much.');
      // The table is the chart now: its rows in the grid, its unit from the cells.
      const cells = await app.execute(() =>
        [...document.querySelectorAll('[data-testid="chart-grid"] input')].map((input) => input.value),
      );
      for (const cell of ['Plan', 'Churn', 'Monthly', '4.1', 'Annual', '1.2']) {
        assert.ok(cells.includes(cell), `the grid lacks ${cell}: ${cells.join(' | ')}`);
      }
      assert.equal(await app.$('[data-testid="chart-unit"]').getValue(), '%');
      await app.waitUntil(async () => (await previewSource(app)) !== before, {
        timeout: 10000,
        timeoutMsg: 'the preview never showed the imported draft',
      });
      const toast = app.$('[data-testid="error-toast"]');
      await toast.waitForDisplayed({ timeout: 5000, timeoutMsg: 'nothing said what the import made of the draft' });
      const said = await toast.getText();
      assert.match(said, /board draft\.md: “Situation” read as the context/);
      assert.match(said, /“Results” read as the evidence/);
      assert.match(said, /kept as other sections: “Risks”/);
      // The section the update does not map is kept, under the beats.
      const kept = await app.execute(() =>
        [...document.querySelectorAll('[data-testid="other-section"]')].map((el) => [
          el.querySelector('.heading')?.textContent,
          el.querySelector('textarea')?.value,
        ]),
      );
      assert.deepEqual(kept, [['Risks', 'Some teams may not sign up at all.']]);
    } finally {
      await closeApp(app);
    }
  });
});

describe('the command line and the open window', () => {
  test('a story the CLI imports while the app is open appears without a restart', async () => {
    const workspace = path.join(session.dir, 'shared.throughline');
    const cli = path.join(path.dirname(appBinary), 'throughline');
    const app = await launchApp(workspace);
    try {
      await app.$('[data-testid="update-list"]').waitForDisplayed({ timeout: 5000 });
      const story = path.resolve('tests/fixtures/coach/01-strong-freemium-funnel.md');
      const result = spawnSync(cli, ['import', story, '--workspace', workspace], { encoding: 'utf8' });
      assert.equal(result.status, 0, `the CLI could not write while the app was open: ${result.stderr}`);
      await app.waitUntil(
        async () => (await listTitles(app)).some((title) => title.startsWith('Usage nudges lift trial-to-paid')),
        { timeout: 8000, timeoutMsg: 'the window never showed the CLI’s import' },
      );
    } finally {
      await closeApp(app);
    }
  });
});
