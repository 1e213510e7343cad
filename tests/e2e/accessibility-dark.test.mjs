// The same accessibility audit with the desktop in its dark theme: the app
// follows the system's preference, and its dark colours must be as legible.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSession } from './support/app.mjs';
import { auditMainScreens } from './support/axe.mjs';

const session = useSession({ GTK_THEME: 'Adwaita:dark' });

describe('accessibility in the dark theme', () => {
  test('with the system in dark mode the app is dark, and its screens have no moderate or worse axe violation', async () => {
    const summary = await auditMainScreens(session.dir, async (app) => {
      const dark = await app.execute(() => ({
        prefers: window.matchMedia('(prefers-color-scheme: dark)').matches,
        background: getComputedStyle(document.documentElement).backgroundColor,
      }));
      assert.ok(dark.prefers, 'the page did not see the system dark preference');
      assert.notEqual(dark.background, 'rgb(255, 255, 255)', 'dark mode left the page white');
    });
    console.log(`# axe violations by screen (dark)\n# ${summary.join('\n# ')}`);
  });
});
