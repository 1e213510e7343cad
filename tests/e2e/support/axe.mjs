// axe-core (the rules browsers' accessibility tools use) run inside the real
// webview over the main screens.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { closeApp, launchApp } from './app.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Minor findings are reported; anything from moderate up fails.
const FAILING = ['moderate', 'serious', 'critical'];

/** Runs axe over the page as it is; resolves with its violations. */
async function audit(app) {
  await app.execute(AXE_SOURCE);
  return app.execute(() =>
    window.axe
      .run(document, { resultTypes: ['violations'] })
      .then((results) =>
        results.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? ''})`).slice(0, 5),
        })),
      ),
  );
}

function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.rule}: ${v.help} — ${v.nodes.join(', ')}`).join('\n');
}

/**
 * Opens the editor, the deck dialog, the workspace look, a decision journal
 * and the screen for a file that cannot be opened, and audits each. Fails on
 * any violation from moderate up; returns a one-line summary per screen.
 */
export async function auditMainScreens(dir, onOpen = async () => {}) {
  const found = {};
  async function check(app, screen) {
    const violations = await audit(app);
    found[screen] = violations;
    const failing = violations.filter((v) => FAILING.includes(v.impact));
    assert.deepEqual(failing, [], `${screen}:\n${describeViolations(failing)}`);
  }

  const app = await launchApp(path.join(dir, 'a11y.throughline'));
  try {
    await app.$('[data-testid="slide-preview"]').waitForDisplayed({ timeout: 10000 });
    await onOpen(app);
    await check(app, 'editor');

    await app.$('[data-testid="export-deck"]').click();
    await app.$('[data-testid="deck-export"]').waitForDisplayed({ timeout: 5000 });
    await check(app, 'deck dialog');
    await app.keys('Escape');

    await app.$('[data-testid="open-branding"]').click();
    await app.$('dialog[open]').waitForDisplayed({ timeout: 5000 });
    await check(app, 'workspace look');
    await app.keys('Escape');

    await app.$('[data-testid="tab-journals"]').click();
    await app.$('[data-testid="new-journal"]').click();
    await app.$('[data-testid="journal-item"]').waitForDisplayed({ timeout: 5000 });
    await check(app, 'decision journal');
  } finally {
    await closeApp(app);
  }

  const bad = path.join(dir, 'not-a-workspace.throughline');
  writeFileSync(bad, 'plain text, not a workspace\n'.repeat(50));
  const failed = await launchApp(bad);
  try {
    await check(failed, 'file that cannot be opened');
  } finally {
    await closeApp(failed);
  }
  return Object.entries(found).map(
    ([screen, violations]) =>
      `${screen}: ${violations.length} (${violations.map((v) => `${v.impact} ${v.rule}`).join(', ') || 'none'})`,
  );
}
