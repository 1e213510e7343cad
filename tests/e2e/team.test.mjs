// A team in two real windows: two workspaces, two app processes, one stock
// sync server on 127.0.0.1 (the npm package scripts/setup.sh installs).
// Ana starts the team and shares the portfolio; Ben joins with her
// invitation; an initiative Ana adds appears in Ben's portfolio, and an
// update Ben shares shows in Ana's deck dialog.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  SECOND_DRIVER,
  closeApp,
  launchApp,
  screenshot,
  startDriver,
  stopDriver,
  typeInto,
  useSession,
} from './support/app.mjs';

const ARTIFACTS = path.resolve('tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const session = useSession();
const SERVER = path.resolve('node_modules/@automerge/automerge-repo-sync-server/src/index.js');

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

let server = null;
let port = 0;
let secondDriver = null;

before(async () => {
  secondDriver = await startDriver(session.env, SECOND_DRIVER);
  assert.ok(existsSync(SERVER), 'the sync server is not installed: run scripts/setup.sh');
  port = await freePort();
  const data = path.join(session.dir, 'server-data');
  mkdirSync(data, { recursive: true });
  server = spawn('node', [SERVER], { env: { ...process.env, PORT: String(port), DATA_DIR: data }, stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error('the sync server did not start');
});

after(async () => {
  server?.kill('SIGKILL');
  await stopDriver(secondDriver);
});

async function join(app, name, { invitation = '', teamName = '' } = {}) {
  await app.$('[data-testid="tab-updates"]').click();
  await app.$('[data-testid="open-team"]').click();
  await app.$('[data-testid="team-dialog"]').waitForDisplayed({ timeout: 5000 });
  await typeInto(app, 'team-display-name', name);
  if (invitation) {
    // The invitation's text, pasted as a member would (it names the server).
    await app.$('[data-testid="team-id"]').setValue(invitation);
  } else {
    await typeInto(app, 'team-server', `ws://127.0.0.1:${port}`);
    await typeInto(app, 'team-name', teamName);
  }
  await app.$('[data-testid="team-join"]').click();
  await app.$('[data-testid="team-joined"]').waitForDisplayed({ timeout: 30000 });
}

async function rowsOf(app) {
  return app.execute(() =>
    [...document.querySelectorAll('[data-testid="initiative-row"]')].map((el) => el.textContent.trim()),
  );
}

describe('a team of two windows', () => {
  test('an initiative added in one shows in the other, and a shared update in its deck', async () => {
    const ana = await launchApp(path.join(session.dir, 'ana.throughline'));
    const ben = await launchApp(path.join(session.dir, 'ben.throughline'), { port: SECOND_DRIVER.port });
    try {
      // Ana starts the team and shares the portfolio.
      await join(ana, 'Ana', { teamName: 'Platform PMs' });
      await ana.$('[data-testid="team-share-portfolio"]').click();
      await ana.$('[data-testid="team-show-invitation"]').click();
      const invitationField = ana.$('[data-testid="team-invitation"]');
      await invitationField.waitForDisplayed({ timeout: 5000 });
      const invitation = await ana.execute(
        () => document.querySelector('[data-testid="team-invitation"]').value,
      );
      assert.match(invitation, /"team": "automerge:/);
      await ana.$('[data-testid="team-sync-now"]').click();
      await ana.waitUntil(
        async () => /Nothing waits to be sent/.test(await ana.$('[data-testid="team-state"]').getText()),
        { timeout: 20000, timeoutMsg: 'Ana never got everything to the server' },
      );
      await ana.keys('Escape');

      // Ben joins with the invitation and receives the team's portfolio.
      await join(ben, 'Ben', { invitation });
      screenshot(path.join(ARTIFACTS, 'team-dialog-joined.png'));
      await ben.keys('Escape');
      await ben.$('[data-testid="tab-portfolio"]').click();
      await ben.$('[data-testid="portfolio-view"]').waitForExist({ timeout: 10000 });
      const matrixBefore = await ben.$('[data-testid="portfolio-view"]').getAttribute('src');

      // Ana adds an initiative: it reaches Ben's portfolio by itself.
      await ana.$('[data-testid="tab-portfolio"]').click();
      await ana.$('[data-testid="initiative-new"]').click();
      await ana.$('[data-testid="initiative-editor"]').waitForDisplayed({ timeout: 5000 });
      await typeInto(ana, 'initiative-name', 'Team-wide search');
      await ana.$('[data-testid="initiative-horizon"]').selectByVisibleText('Now');
      await ana.$('[data-testid="initiative-bucket"]').selectByVisibleText('core');
      await typeInto(ana, 'initiative-cost', '120000');
      await typeInto(ana, 'initiative-fit', '7');
      await ana.$('[data-testid="initiative-save"]').click();
      await ben.waitUntil(async () => (await rowsOf(ben)).some((r) => r.includes('Team-wide search')), {
        timeout: 45000,
        interval: 1000,
        timeoutMsg: "Ana's initiative never reached Ben's portfolio",
      });
      // The matrix is drawn again with it (a new bubble: a new image).
      await ben.waitUntil(
        async () => (await ben.$('[data-testid="portfolio-view"]').getAttribute('src')) !== matrixBefore,
        { timeout: 10000, timeoutMsg: "Ben's matrix was not drawn again" },
      );
      screenshot(path.join(ARTIFACTS, 'team-ben-portfolio.png'));

      // Ben shares an update of his: it shows in Ana's deck dialog.
      await ben.$('[data-testid="tab-updates"]').click();
      await ben.$('[data-testid="new-update"]').click();
      await typeInto(ben, 'field-title', 'Ben shares checkout results with the team');
      await ben.$('[data-testid="share-with-team"]').waitForDisplayed({ timeout: 10000 });
      await ben.$('[data-testid="share-with-team"]').click();
      await ana.$('[data-testid="tab-updates"]').click();
      await ana.waitUntil(
        async () =>
          (await ana.execute(() => document.body.innerText)).includes('Ben shares checkout results with the team'),
        { timeout: 45000, interval: 1000, timeoutMsg: "Ben's update never reached Ana's list" },
      );
      await ana.$('[data-testid="export-deck"]').click();
      await ana.$('[data-testid="deck-dialog"]').waitForDisplayed({ timeout: 5000 });
      const deck = await ana.execute(() =>
        [...document.querySelectorAll('[data-testid="deck-item"] .title')].map((el) => el.textContent.trim()),
      );
      assert.ok(deck.includes('Ben shares checkout results with the team'), `the deck lists ${deck.join(' | ')}`);
      screenshot(path.join(ARTIFACTS, 'team-ana-deck.png'));
    } finally {
      await closeApp(ana);
      await closeApp(ben);
    }
  });
});
