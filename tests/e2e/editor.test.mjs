// End to end through the real webview: draft an update, close the app,
// open it again, and find every word where it was left.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  appPid,
  closeApp,
  launchApp,
  listTitles,
  openStep,
  previewSource,
  screenshot,
  selectUpdateTitled,
  typeInto,
  valueOf,
  waitForSaved,
  useSession,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const STORY = {
  title: 'Setup checklist lifts activation 9 points: roll it out',
  audience: 'Exec staff',
  priority: 'Net revenue retention',
  beats: {
    context: 'Two competitors bundle guided onboarding into their free tiers.',
    conflict: 'A longer trial adds support cost without fixing the day-three drop-off.',
    resolution: 'Growth ships the checklist to every new workspace by 15 December.',
    evidence: 'Six-week A/B test: 41% week-one activation against 32% without.',
  },
};

const session = useSession();

describe('drafting an update', () => {
  test('a new workspace opens with the finished example update', async () => {
    const workspace = path.join(session.dir, 'first-run.throughline');
    const app = await launchApp(workspace);
    try {
      const badge = app.$('[data-testid="example-badge"]');
      await badge.waitForDisplayed({ timeout: 5000 });
      const titles = await listTitles(app);
      assert.equal(titles.length, 1, `expected only the example, got ${titles}`);
      assert.match(titles[0], /activation/i);
      screenshot(path.join(ARTIFACTS, 'first-run.png'));
    } finally {
      await closeApp(app);
    }
  });

  test('every beat typed survives closing and reopening the app', async () => {
    const workspace = path.join(session.dir, 'restart.throughline');
    let app = await launchApp(workspace);
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', STORY.title);
      await typeInto(app, 'field-audience', STORY.audience);
      await typeInto(app, 'field-priority', STORY.priority);
      for (const [beat, text] of Object.entries(STORY.beats)) {
        await openStep(app, beat);
        await typeInto(app, `beat-${beat}`, text);
      }
      await waitForSaved(app);
      const steps = await app.$$('[data-testid^="step-"]');
      for (const step of steps) {
        assert.equal(await step.getAttribute('data-filled'), 'true');
      }
      screenshot(path.join(ARTIFACTS, 'editor.png'));
    } finally {
      await closeApp(app);
    }

    app = await launchApp(workspace);
    try {
      await selectUpdateTitled(app, STORY.title);
      assert.equal(await valueOf(app, 'field-audience'), STORY.audience);
      assert.equal(await valueOf(app, 'field-priority'), STORY.priority);
      for (const [beat, text] of Object.entries(STORY.beats)) {
        await openStep(app, beat);
        assert.equal(await valueOf(app, `beat-${beat}`), text, `${beat} beat`);
      }
    } finally {
      await closeApp(app);
    }
  });

  test('at the default window size the slide stays in view while each beat is typed', async () => {
    const workspace = path.join(session.dir, 'beside.throughline');
    const app = await launchApp(workspace);
    try {
      const [width, height] = await app.execute(() => [window.innerWidth, window.innerHeight]);
      // 1280 × 800, less the native menu bar.
      assert.ok(width === 1280 && height <= 800 && height >= 700, `the page is ${width} × ${height}`);
      await app.$('[data-testid="new-update"]').click();
      await app.waitUntil(
        async () => (await app.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'field-title',
        { timeout: 5000, timeoutMsg: 'a new update should open with its title focused' },
      );
      await typeInto(app, 'field-title', STORY.title);
      for (const [beat, text] of Object.entries(STORY.beats)) {
        await openStep(app, beat);
        await typeInto(app, `beat-${beat}`, text);
        await previewSource(app);
        const box = await app.execute(() => {
          const image = document.querySelector('[data-testid="slide-preview"]');
          const { top, left, bottom, right } = image.getBoundingClientRect();
          return { top, left, bottom, right, width: window.innerWidth, height: window.innerHeight };
        });
        assert.ok(
          box.top >= 0 && box.left >= 0 && box.bottom <= box.height && box.right <= box.width,
          `the preview left the viewport while typing the ${beat}: ${JSON.stringify(box)}`,
        );
      }
      screenshot(path.join(ARTIFACTS, 'editor-beside.png'));
    } finally {
      await closeApp(app);
    }
  });

  test('text typed one second before the app is killed is there on relaunch', async () => {
    const workspace = path.join(session.dir, 'killed.throughline');
    const words = 'Churn in the mid-market doubled after the price change in October.';
    let app = await launchApp(workspace);
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Killed mid-sentence');
      await openStep(app, 'context');
      await typeInto(app, 'beat-context', words);
      await sleep(1000);
      process.kill(appPid(workspace), 'SIGKILL');
    } finally {
      await closeApp(app);
    }

    app = await launchApp(workspace);
    try {
      await selectUpdateTitled(app, 'Killed mid-sentence');
      await openStep(app, 'context');
      assert.equal(await valueOf(app, 'beat-context'), words);
    } finally {
      await closeApp(app);
    }
  });

  test('closing the window with Ctrl+Q right after typing keeps the text', async () => {
    const workspace = path.join(session.dir, 'closed.throughline');
    const words = 'Renewals slipped two weeks because procurement now needs a security review.';
    let app = await launchApp(workspace);
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Closed at once');
      await openStep(app, 'conflict');
      await typeInto(app, 'beat-conflict', words);
      // No wait for the autosave: the close itself must store the text.
      // The window goes away while the key action is still being answered,
      // so the driver may report an error here; the relaunch below judges.
      await app.keys(['Control', 'q']).catch(() => undefined);
      await app.waitUntil(
        async () => {
          try {
            appPid(workspace);
            return false;
          } catch {
            return true;
          }
        },
        { timeout: 5000, timeoutMsg: 'the app did not close on Ctrl+Q' },
      );
    } finally {
      await closeApp(app);
    }

    app = await launchApp(workspace);
    try {
      await selectUpdateTitled(app, 'Closed at once');
      await openStep(app, 'conflict');
      assert.equal(await valueOf(app, 'beat-conflict'), words);
    } finally {
      await closeApp(app);
    }
  });

  test('markup typed into a title is shown as text and never runs', async () => {
    const workspace = path.join(session.dir, 'markup.throughline');
    const hostile = '<img src=x onerror=window.__pwned=1>';
    const app = await launchApp(workspace);
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', hostile);
      await waitForSaved(app);
      await app.waitUntil(async () => (await listTitles(app)).includes(hostile), {
        timeout: 5000,
        timeoutMsg: 'the list never showed the title as typed',
      });
      const images = await app.$$('[data-testid="update-list"] img');
      assert.equal(images.length, 0, 'the title became an <img> element');
      const pwned = await app.execute(() => window.__pwned);
      assert.equal(pwned ?? null, null);
    } finally {
      await closeApp(app);
    }
  });

  test('delete offers undo, and duplicate starts next week\'s update', async () => {
    const workspace = path.join(session.dir, 'list.throughline');
    const app = await launchApp(workspace);
    try {
      const [exampleTitle] = await listTitles(app);
      await app.$('[data-testid="update-item"] [data-testid="delete-update"]').click();
      await app.waitUntil(async () => (await listTitles(app)).length === 0, { timeout: 5000 });
      await app.$('[data-testid="undo-delete"]').click();
      await app.waitUntil(async () => (await listTitles(app)).includes(exampleTitle), {
        timeout: 5000,
        timeoutMsg: 'undo did not bring the update back',
      });

      await app.$('[data-testid="update-item"] [data-testid="duplicate-update"]').click();
      await app.waitUntil(async () => (await listTitles(app)).length === 2, { timeout: 5000 });
      const dates = await app.$$('[data-testid="update-item-date"]');
      const first = await dates[0].getText();
      const second = await dates[1].getText();
      assert.notEqual(first, second, 'the copy should be dated a week later');

      await typeInto(app, 'update-filter', 'no such update');
      await app.waitUntil(async () => (await listTitles(app)).length === 0, { timeout: 5000 });
    } finally {
      await closeApp(app);
    }
  });

  test('a file that is not a workspace is explained and left untouched', async () => {
    const workspace = path.join(session.dir, 'notes.throughline');
    writeFileSync(workspace, 'Quarterly notes, not a database\n'.repeat(20));
    const hash = () => createHash('sha256').update(readFileSync(workspace)).digest('hex');
    const before = hash();
    const app = await launchApp(workspace);
    try {
      const message = app.$('[data-testid="workspace-error-message"]');
      await message.waitForDisplayed({ timeout: 5000 });
      assert.match(await message.getText(), /not a database/);
      screenshot(path.join(ARTIFACTS, 'workspace-error.png'));
    } finally {
      await closeApp(app);
    }
    assert.equal(hash(), before, 'the file was modified');
  });

  test('a damaged workspace offers its newest good backup and keeps the damaged file beside it', async () => {
    const workspace = path.join(session.dir, 'board.throughline');
    let app = await launchApp(workspace);
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Kept safe in the backup');
      await waitForSaved(app);
      await app.$('[data-testid="back-up-now"]').click();
      await app.$('[data-testid="backup-note"]').waitForDisplayed({ timeout: 10000 });
    } finally {
      await closeApp(app);
    }
    // Something overwrites the file's header.
    const bytes = readFileSync(workspace);
    bytes.fill(0x5a, 0, 100);
    writeFileSync(workspace, bytes);
    const damaged = createHash('sha256').update(readFileSync(workspace)).digest('hex');

    app = await launchApp(workspace);
    try {
      await app.$('[data-testid="restore-backup"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="restore-backup"]').click();
      await app.waitUntil(async () => (await listTitles(app)).includes('Kept safe in the backup'), {
        timeout: 10000,
        timeoutMsg: 'the backup was not opened',
      });
    } finally {
      await closeApp(app);
    }
    const kept = readdirSync(session.dir).find((name) => /^board\.damaged-\d{8}-\d{6}\.throughline$/.test(name));
    assert.ok(kept, 'the damaged file is kept beside the workspace');
    assert.equal(createHash('sha256').update(readFileSync(path.join(session.dir, kept))).digest('hex'), damaged);
  });
});
