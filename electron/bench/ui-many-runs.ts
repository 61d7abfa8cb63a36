import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ARGS,
  CHROMIUM,
  installPageProbes,
  prerequisites,
  serverUrl,
  summarize,
  type LongTask,
  type LongTasks,
} from './ui-bench.js';

/**
 * The page with many runs: a 200-run session made by the real CLI (`rnn-lab sweep`, embedding 1–10 × linear/
 * sigmoid × 10 seeds), opened in browser mode in Chromium; long tasks (PerformanceObserver) while the Runs tab
 * opens, while the runs table scrolls top to bottom and back, and while another sweep trains beside the 200 runs.
 * Asserts nothing: the figures go to docs/perf.md.
 */
export interface ManyRunsResult {
  runs: number;
  openTab: LongTasks;
  scrolling: LongTasks;
  sweeping: LongTasks;
  /** Wheel steps taken over the table, and how many rows the table has. */
  wheelSteps: number;
  sweepRuns: number;
}

const SWEEP_ARGS = ['--embedding', '1-10', '--activation', 'linear,sigmoid', '--seeds', '0-9'];

export async function runManyRunsUiBench(): Promise<ManyRunsResult | string> {
  const ready = await prerequisites();
  if (typeof ready === 'string') return ready;
  const dir = await mkdtemp(join(tmpdir(), 'rnn-lab-many-bench-'));
  const sessions = join(dir, 'sessions');
  await mkdir(sessions);
  const cli = join(fileURLToPath(new URL('.', import.meta.url)), 'cli.js');
  const made = spawnSync(
    process.execPath,
    [cli, 'sweep', ...SWEEP_ARGS, '--samples', '200', '--epochs', '2', '--out', join(sessions, 'many.rnnlab')],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) return `skipped: rnn-lab sweep failed (${made.stderr.trim().split('\n').at(-1)})`;
  const server = spawn(
    process.execPath,
    [ready.web, '--port', '0', '--data', dir, '--sessions', sessions, '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const browser = await ready.playwright.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const url = await serverUrl(server);
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await tab.addInitScript(installPageProbes);
    await tab.goto(url);
    await tab.waitForSelector('[data-app-state="ready"]', { timeout: 30_000 });
    await tab.getByRole('button', { name: 'Open session' }).click();
    await tab.getByRole('list', { name: 'Saved sessions' }).getByRole('button', { name: /many/ }).click();
    const tasks = () => tab.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks.slice());
    const since = async (t0: number) => summarize((await tasks()).filter((t) => t.start >= t0));
    const now = () => tab.evaluate(() => performance.now());

    const t0 = await now();
    await tab.getByRole('tab', { name: /Runs/ }).click();
    const grid = tab.getByRole('grid').first();
    await grid.waitFor({ timeout: 30_000 });
    await tab.waitForTimeout(1_000);
    const openTab = await since(t0);

    // Wheel over the table, down to the end and back up, at about 60 wheel events a second.
    const t1 = await now();
    const wheelSteps = 120;
    const scrolled = await profiled(tab, process.env.MANY_PROFILE_SCROLL, () => wheel(tab, grid, wheelSteps));
    if (!scrolled) return 'skipped: the runs table has no box';
    const scrolling = await since(t1);

    const t2 = await now();
    // MANY_PROFILE / MANY_PROFILE_SCROLL=FILE: the page's CPU profile meanwhile (open it in Chrome DevTools).
    const sweepRuns = await profiled(tab, process.env.MANY_PROFILE, () => trainSweepInPage(tab));
    const sweeping = await since(t2);
    return { runs: 200, openTab, scrolling, sweeping, wheelSteps, sweepRuns };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

type Tab = import('playwright-core').Page;

/** Runs `work`, recording the page's CPU profile into `file` when one is named. */
async function profiled<T>(tab: Tab, file: string | undefined, work: () => Promise<T>): Promise<T> {
  const cdp = file ? await tab.context().newCDPSession(tab) : null;
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.start');
  const out = await work();
  if (cdp && file) await writeFile(file, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  return out;
}

/** Wheels over the table down and back up; false when the table has no box to wheel over. */
async function wheel(tab: Tab, grid: import('playwright-core').Locator, steps: number): Promise<boolean> {
  const box = await grid.boundingBox();
  if (!box) return false;
  await tab.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  for (let i = 0; i < steps; i++) {
    await tab.mouse.wheel(0, i < steps / 2 ? 240 : -240);
    await tab.waitForTimeout(16);
  }
  await tab.waitForTimeout(500);
  return true;
}

/** Builds a 24-run sweep in the sweep builder (as a person does) and waits until it is done; returns its run count. */
async function trainSweepInPage(tab: Tab): Promise<number> {
  await tab.getByRole('button', { name: 'New sweep…' }).first().click();
  const dialog = tab.getByRole('dialog', { name: 'New sweep' });
  const vary = async (label: string, values: string) => {
    await dialog.getByLabel('Field to vary').selectOption({ label });
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.getByRole('textbox', { name: label, exact: true }).fill(values);
  };
  await vary('Embedding size', '1,4');
  await dialog.getByLabel('Field to vary').selectOption({ label: 'RNN activation' });
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await dialog.getByRole('group', { name: 'RNN activation' }).getByRole('checkbox', { name: 'sigmoid' }).check();
  await vary('Samples', '800');
  await vary('Epochs', '2');
  await dialog.getByLabel('Training seeds').fill('0-5');
  await dialog.getByLabel('Name', { exact: true }).fill('bench sweep');
  await dialog.getByRole('button', { name: 'Start sweep' }).click();
  // A cheap check twice a second: Playwright's role queries over a 200-row page would be long tasks of their own.
  const bars = '[aria-label="Sweep bench sweep"] [role="progressbar"]';
  const total = await tab.waitForFunction(
    (selector) => {
      const bar = document.querySelector(selector);
      const max = bar?.getAttribute('aria-valuemax');
      return max && bar?.getAttribute('aria-valuenow') === max ? Number(max) : null;
    },
    bars,
    { timeout: 300_000, polling: 500 },
  );
  await tab.waitForTimeout(1_000);
  return (await total.jsonValue()) ?? 0;
}
