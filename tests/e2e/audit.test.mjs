// The misalignment audit in the real window: two stakeholders whose metrics
// differ name the goals bucket, its playbook drafts an update with the
// allocation as its chart, a pathfinder experiment becomes a decision
// journal, and a go/no-go starts from its template with its own prompts.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { closeApp, launchApp, screenshot, typeAt, typeInto, useSession, waitForSaved } from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const session = useSession();

/** Types into the `index`th field with this test id (several stakeholders share them). */
async function typeInNth(app, testId, index, text) {
  await typeAt(app, `[data-testid="stakeholder"]:nth-of-type(${index + 1}) [data-testid="${testId}"]`, text);
}

async function buckets(app) {
  return app.execute(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid="audit-bucket"]')].map((el) => [
        el.getAttribute('data-bucket'),
        el.getAttribute('data-conflict') === 'true',
      ]),
    ),
  );
}

describe('the audit', () => {
  test('stakeholders clash on goals, the playbook drafts the update, a pathfinder becomes a journal, a template prompts', async () => {
    const app = await launchApp(path.join(session.dir, 'audit.throughline'));
    try {
      await app.$('[data-testid="new-update"]').click();
      await typeInto(app, 'field-title', 'Where the pricing bet stands');
      await waitForSaved(app);
      await app.$('[data-testid="open-audit"]').click();
      await app.$('[data-testid="audit-dialog"]').waitForDisplayed({ timeout: 5000 });

      // Two stakeholders whose success metrics differ.
      for (const [index, role, metric, horizon] of [
        [0, 'CFO', 'NRR this quarter', '3'],
        [1, 'Head of Product', 'Monthly active users', '18'],
      ]) {
        await app.$('[data-testid="stakeholder-add"]').click();
        await typeInNth(app, 'stakeholder-role', index, role);
        await typeInNth(app, 'stakeholder-metric', index, metric);
        await typeInNth(app, 'stakeholder-horizon', index, horizon);
      }
      await app.$('[data-testid="audit-save"]').click();
      await app.waitUntil(async () => (await buckets(app)).goals === true, {
        timeout: 5000,
        timeoutMsg: 'the goals bucket was not named',
      });
      const found = await buckets(app);
      assert.equal(found.timeline, true, 'a 3-month and an 18-month horizon fall in different bands');
      assert.equal(found['risk-appetite'], false);
      const goals = await app.$('[data-bucket="goals"]').getText();
      assert.match(goals, /CFO judges by NRR this quarter/);
      screenshot(path.join(ARTIFACTS, 'audit.png'));

      // The goals playbook: a new draft with the diagnosis as its conflict and the allocation as its chart.
      await app.$('[data-testid="playbook-goals"]').click();
      await app.$('[data-testid="audit-dialog"]').waitForDisplayed({ reverse: true, timeout: 5000 });
      await app.waitUntil(async () => (await app.$('[data-testid="field-title"]').getValue()).startsWith('Fund both goals'), {
        timeout: 5000,
        timeoutMsg: 'the playbook draft did not open',
      });
      await app.$('[data-testid="step-conflict"]').click();
      assert.match(await app.$('[data-testid="beat-conflict"]').getValue(), /Head of Product judges by Monthly active users/);
      await app.$('[data-testid="step-evidence"]').click();
      await app.$('[data-testid="chart-portfolio-view"]').waitForDisplayed({ timeout: 5000 });
      assert.match(await app.$('[data-testid="chart-portfolio-view"]').getText(), /Allocation/);

      // A pathfinder experiment: its decision journal opens.
      await app.$('[data-testid="open-audit"]').click();
      await app.$('[data-testid="audit-dialog"]').waitForDisplayed({ timeout: 5000 });
      // The beliefs clash is what offers a pathfinder.
      await typeAt(app, '[data-testid="stakeholder"]:nth-of-type(1) [data-testid="stakeholder-beliefs"]', 'Enterprise deals first');
      await typeAt(app, '[data-testid="stakeholder"]:nth-of-type(2) [data-testid="stakeholder-beliefs"]', 'Self-serve first');
      await app.$('[data-testid="audit-save"]').click();
      await app.$('[data-testid="oppose-first"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="oppose-first"]').selectByAttribute('value', 'Enterprise deals first');
      await app.$('[data-testid="oppose-second"]').selectByAttribute('value', 'Self-serve first');
      await app.$('[data-testid="oppose-add"]').click();
      await app.$('[data-testid="audit-save"]').click();
      await app.waitUntil(async () => (await buckets(app)).beliefs === true, {
        timeout: 5000,
        timeoutMsg: 'opposed beliefs did not name the beliefs bucket',
      });
      await app.$('[data-testid="playbook-beliefs"]').click();
      await typeInto(app, 'pathfinder-assumption', 'Self-serve buyers convert without a sales call');
      await typeInto(app, 'pathfinder-option', 'Self-serve checkout for teams');
      await typeInto(app, 'pathfinder-alternative', 'An enterprise sales motion');
      await typeInto(app, 'pathfinder-metric', 'Trial-to-paid');
      await typeInto(app, 'pathfinder-success', '12');
      await typeInto(app, 'pathfinder-kill', '8');
      await app.$('[data-testid="pathfinder-start"]').click();
      await app.$('[data-testid="journal-editor"]').waitForDisplayed({ timeout: 5000 });
      assert.equal(await app.$('[data-testid="journal-item"]').getValue(), 'Pathfinder: Self-serve checkout for teams');

      // A go/no-go from its template: its prompts in the editor.
      await app.$('[data-testid="tab-updates"]').click();
      await app.$('[data-testid="new-from-template"]').waitForDisplayed({ timeout: 5000 });
      await app.$('[data-testid="new-from-template"]').click();
      await app.waitUntil(async () => (await app.$$('[data-testid="new-from-template"] option')).length > 4, {
        timeout: 5000,
        timeoutMsg: 'the templates never loaded',
      });
      await app.$('[data-testid="new-from-template"]').selectByAttribute('value', 'go-no-go');
      await app.$('[data-testid="template-note"]').waitForDisplayed({ timeout: 5000 });
      assert.match(await app.$('[data-testid="template-note"]').getText(), /Go \/ no-go/);
      await app.$('[data-testid="step-resolution"]').click();
      assert.match(await app.$('[data-testid="beat-prompt"]').getText(), /decision date/);
      screenshot(path.join(ARTIFACTS, 'template.png'));
    } finally {
      await closeApp(app);
    }
  });
});
