// Accessibility over the main screens: axe-core inside the real webview,
// and the keyboard alone reaching every main action with a focus ring that
// can be seen. (The dark theme's audit is in accessibility-dark.test.mjs.)
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { closeApp, launchApp, useSession } from './support/app.mjs';
import { auditMainScreens } from './support/axe.mjs';

const session = useSession();

describe('accessibility', () => {
  test('the main screens have no moderate, serious or critical axe violations', async () => {
    const summary = await auditMainScreens(session.dir);
    console.log(`# axe violations by screen (light)\n# ${summary.join('\n# ')}`);
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
