// Accessibility over the main screens: axe-core (the rules browsers'
// accessibility tools use) inside the real webview, and the keyboard alone
// reaching every main action with a focus ring that can be seen.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { closeApp, launchApp, useSession } from './support/app.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// Minor findings are reported; anything from moderate up fails the test.
const FAILING = ['moderate', 'serious', 'critical'];

const session = useSession();

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
          nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
        })),
      ),
  );
}

function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.rule}: ${v.help} — ${v.nodes.join(', ')}`).join('\n');
}

describe('accessibility', () => {
  const found = {};

  async function check(app, screen) {
    const violations = await audit(app);
    found[screen] = violations;
    const failing = violations.filter((v) => FAILING.includes(v.impact));
    assert.deepEqual(failing, [], `${screen}:\n${describeViolations(failing)}`);
  }

  test('the main screens have no moderate, serious or critical axe violations', async () => {
    const app = await launchApp(path.join(session.dir, 'a11y.throughline'));
    try {
      await app.$('[data-testid="slide-preview"]').waitForDisplayed({ timeout: 10000 });
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

    const bad = path.join(session.dir, 'not-a-workspace.throughline');
    writeFileSync(bad, 'plain text, not a workspace\n'.repeat(50));
    const failed = await launchApp(bad);
    try {
      await check(failed, 'file that cannot be opened');
    } finally {
      await closeApp(failed);
    }
    const summary = Object.entries(found).map(
      ([screen, violations]) => `${screen}: ${violations.length} (${violations.map((v) => `${v.impact} ${v.rule}`).join(', ') || 'none'})`,
    );
    console.log(`# axe violations by screen\n# ${summary.join('\n# ')}`);
  });

  test('the keyboard alone reaches every main action, each with a visible focus ring', async () => {
    const app = await launchApp(path.join(session.dir, 'keyboard.throughline'));
    try {
      await app.$('[data-testid="slide-preview"]').waitForDisplayed({ timeout: 10000 });
      await app.execute(() => document.activeElement?.blur());
      const reached = new Map();
      for (let i = 0; i < 200; i += 1) {
        await app.keys('Tab');
        const focused = await app.execute(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
          return { id: el.dataset.testid ?? `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 30)}`, ring };
        });
        if (!focused) continue;
        // Came round to the start again. (A date field takes several Tabs:
        // one per part, all on the same element.)
        if (reached.size > 5 && focused.id === reached.keys().next().value) break;
        reached.set(focused.id, (reached.get(focused.id) ?? true) && focused.ring);
      }
      for (const action of ['new-update', 'import-stories', 'export-deck', 'open-branding', 'field-title', 'export-pdf', 'copy-slide', 'step-evidence']) {
        assert.ok(reached.has(action), `Tab never reached ${action}; reached: ${[...reached.keys()].join(', ')}`);
      }
      console.log(`# Tab reached ${reached.size} controls`);
      const withoutRing = [...reached].filter(([, ring]) => !ring).map(([id]) => id);
      assert.deepEqual(withoutRing, [], 'focused without a visible ring');
    } finally {
      await closeApp(app);
    }
  });
});
