// A scripted working session in the real window, measured: how long the
// slide preview takes to show an edit, how smoothly the writing column
// scrolls, and the memory of all the app's processes over a session of
// typing, switching updates and exporting. A measurement, not a test: run
// through scripts/bench-session.sh, which builds the release app and gives
// it a display. Environment:
//   THROUGHLINE_APP_BINARY   the app to drive
//   BENCH_MINUTES            length of the session (default 30; 0 = only
//                            the preview and scrolling figures)
//   BENCH_EXPORTS=0          no exports in the session
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  answerSaveDialog,
  appEnvironment,
  closeApp,
  launchApp,
  openStep,
  startDriver,
  stopDriver,
  tempDir,
  typeAt,
  waitForSaved,
} from '../../tests/e2e/support/app.mjs';

const minutes = Number(process.env.BENCH_MINUTES ?? 30);
// BENCH_EXPORTS=0 leaves the exports out (to tell what holds memory).
const exporting = process.env.BENCH_EXPORTS !== '0';
const mode = process.env.BENCH_LABEL ?? 'default';

/** PSS (MB) of a process and all its descendants. */
function treePss(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i += 1) {
    let children = '';
    try {
      children = execFileSync('sh', ['-c', `cat /proc/${pids[i]}/task/*/children`], { encoding: 'utf8' });
    } catch {
      // The process ended.
    }
    pids.push(...children.split(/\s+/).filter(Boolean).map(Number));
  }
  let kb = 0;
  for (const each of pids) {
    try {
      const match = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${each}/smaps_rollup`, 'utf8'));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // Gone meanwhile.
    }
  }
  return kb / 1024;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/**
 * Milliseconds from an edit of the title to the new slide on screen: the
 * preview's wait for typing to pause (120 ms), the render, decoding and
 * two frames.
 */
async function previewRefresh(app) {
  return app.executeAsync((done) => {
    const image = document.querySelector('[data-testid="slide-preview"]');
    const field = document.querySelector('[data-testid="field-title"]');
    const before = image.getAttribute('src');
    const started = performance.now();
    field.value = `${field.value.replace(/ \d+$/, '')} ${Math.floor(Math.random() * 1000)}`;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const check = () => {
      const now = document.querySelector('[data-testid="slide-preview"]');
      if (now.getAttribute('src') === before) return requestAnimationFrame(check);
      now
        .decode()
        .catch(() => undefined)
        .then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started))));
    };
    requestAnimationFrame(check);
  });
}

/** Frame intervals (ms) while the writing column scrolls 40 px a frame, down and back. */
async function scrollFrames(app) {
  return app.executeAsync((done) => {
    const column = document.querySelector('.writing');
    const room = column.scrollHeight - column.clientHeight;
    const intervals = [];
    let last = performance.now();
    let direction = 1;
    let frames = 0;
    const step = (now) => {
      intervals.push(now - last);
      last = now;
      if (column.scrollTop >= room) direction = -1;
      if (column.scrollTop <= 0 && frames > 0) direction = 1;
      column.scrollTop += 40 * direction;
      frames += 1;
      if (frames < 120) requestAnimationFrame(step);
      else done({ intervals: intervals.slice(1), room });
    };
    requestAnimationFrame(step);
  });
}

async function newUpdate(app, title) {
  await app.$('[data-testid="new-update"]').click();
  await typeAt(app, '[data-testid="field-title"]', title);
  for (const beat of ['context', 'conflict', 'resolution']) {
    await openStep(app, beat);
    await typeAt(app, `[data-testid="beat-${beat}"]`, `${beat} of ${title}: 38% of accounts churned in Q3.`);
  }
  await waitForSaved(app);
}

async function selectNth(app, index) {
  const items = await app.$$('[data-testid="update-item-title"]');
  await items[index % items.length].click();
  await sleep(300);
}

async function main() {
  const scratch = tempDir();
  mkdirSync(path.join(scratch.dir, 'run'), { mode: 0o700 });
  const workspace = path.join(scratch.dir, 'bench.throughline');
  const driver = await startDriver(appEnvironment(scratch.dir));
  let app;
  try {
    app = await launchApp(workspace);
    await sleep(2000);
    const refresh = [];
    for (let i = 0; i < 12; i += 1) refresh.push(await previewRefresh(app));
    const warm = refresh.slice(2);
    const scroll = await scrollFrames(app);
    console.log(
      `${mode}: preview refresh median ${median(warm).toFixed(0)} ms (p90 ${percentile(warm, 0.9).toFixed(0)}), ` +
        `scrolling ${scroll.room} px: frame median ${median(scroll.intervals).toFixed(1)} ms, ` +
        `p95 ${percentile(scroll.intervals, 0.95).toFixed(1)} ms`,
    );
    if (minutes <= 0) return;

    await newUpdate(app, 'Pricing page test lifts paid plans');
    await newUpdate(app, 'Setup checklist halves time to value');
    // The oldest process with the workspace on its command line (a wrapper,
    // e.g. a profiler, counts with the app beneath it).
    const pid = Number(
      execFileSync('pgrep', ['-o', '-f', '--', `--workspace ${workspace}`], { encoding: 'utf8' }).trim(),
    );
    const exports = path.join(scratch.dir, 'exports');
    mkdirSync(exports);
    const started = Date.now();
    const samples = [];
    let nextSample = started + 60_000;
    let round = 0;
    const baseline = treePss(pid);
    console.log(`${mode}: minute 0  ${baseline.toFixed(0)} MB`);
    while (Date.now() - started < minutes * 60_000) {
      round += 1;
      await selectNth(app, round);
      for (const beat of ['context', 'conflict', 'resolution']) {
        await openStep(app, beat);
        const field = app.$(`[data-testid="beat-${beat}"]`);
        await field.click();
        await field.addValue(` Round ${round}: week ${round % 12} held at ${(9 + (round % 7) / 10).toFixed(1)}%.`);
      }
      await waitForSaved(app);
      if (exporting && round % 5 === 0) {
        const file = path.join(exports, `slide-${round}.png`);
        await app.$('[data-testid="export-png"]').click();
        await answerSaveDialog(file);
        await app.$('[data-testid="export-done"]').waitForExist({ timeout: 30000 });
        rmSync(file, { force: true });
      }
      if (Date.now() >= nextSample) {
        const minute = Math.round((Date.now() - started) / 60_000);
        const pss = treePss(pid);
        samples.push({ minute, pss });
        console.log(`${mode}: minute ${minute}  ${pss.toFixed(0)} MB  (round ${round})`);
        nextSample += 60_000;
      }
    }
    // Growth is measured from the second minute, once every kind of work
    // (three updates, an export) has happened at least once.
    if (samples.length === 0) {
      console.log(`${mode}: ${round} rounds, too short for a memory figure (a sample a minute)`);
      return;
    }
    const settled = samples.find((sample) => sample.minute >= 2) ?? samples[0];
    const last = samples[samples.length - 1];
    const growth = ((last.pss - settled.pss) / settled.pss) * 100;
    console.log(
      `${mode}: ${round} rounds in ${minutes} min; PSS ${settled.pss.toFixed(0)} MB at minute ${settled.minute}, ` +
        `${last.pss.toFixed(0)} MB at minute ${last.minute}: growth ${growth.toFixed(1)} %`,
    );
  } finally {
    if (app) await closeApp(app);
    await stopDriver(driver);
    scratch.cleanup();
  }
}

await main();
