import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countFrame, emptyCount, measureManyRuns, sessionBytes, type WireCount } from './wire-bytes.js';

/**
 * The UI benchmark: browser mode (out/node/web.js) in Debian Chromium driven by
 * playwright-core. Measures time to `[data-app-state="ready"]`, then adds the seed
 * preset and presses Train All, and records the page's long tasks
 * (PerformanceObserver 'longtask') and the run:progress WebSocket frames it
 * receives per run until every run has ended, and the bytes pushed meanwhile against the session file's size;
 * then, with the page closed, the bytes pushed while one run trains with 200 runs loaded. Asserts nothing.
 */
export interface UiBenchResult {
  /** performance.now() in the page when the app said ready (from navigation start). */
  readyMs: number;
  /** From the Train All click to the run:finished frame of the fourth run. "Training" long tasks also
   *  count the page settling after that: until the Analysis section has its results, plus 1 s. */
  trainWallMs: number;
  statuses: string[];
  longTasksLoad: LongTasks;
  longTasksTraining: LongTasks;
  /** run:progress frames per run: average rate over the run and the most in any 1 s window. */
  progress: Array<{ frames: number; perSecond: number; max1s: number }>;
  /** Event frames the page received from the Train All click until every run ended, and the saved session's size. */
  wire: { training: WireCount; sessionBytes: number };
  /** Event frames while one more run trains with `runs` runs loaded; `stateBytes`: one lab:state of them all. */
  manyRuns: { runs: number; stateBytes: number; training: WireCount };
  renderer: string;
}
export interface LongTasks {
  count: number;
  maxMs: number;
  totalMs: number;
}

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

type Playwright = typeof import('playwright-core');
type Page = import('playwright-core').Page;
type CDPSession = import('playwright-core').CDPSession;
export type LongTask = { start: number; duration: number };

/** What the bench needs before it starts, or why it is skipped. */
export async function prerequisites(): Promise<{ web: string; page: string; playwright: Playwright } | string> {
  const outNode = fileURLToPath(new URL('.', import.meta.url));
  const web = join(outNode, 'web.js');
  const page = join(outNode, '..', 'renderer', 'index.html');
  if (!existsSync(CHROMIUM)) return `skipped: ${CHROMIUM} is not installed`;
  if (!existsSync(web)) return `skipped: ${web} is missing (run \`npm run build:node\`)`;
  if (!existsSync(page)) return `skipped: ${page} is missing (run \`npm run build:renderer\`)`;
  try {
    return { web, page, playwright: await import('playwright-core') };
  } catch (err) {
    return `skipped: playwright-core does not load (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
}

/** `profilePath`: also record the page's CPU profile while it trains (open it in Chrome DevTools; the bundle has a source map). */
export async function runUiBench(samples = 10_000, profilePath?: string): Promise<UiBenchResult | string> {
  const ready = await prerequisites();
  if (typeof ready === 'string') return ready;
  // A throwaway data folder: the bench must never read or write the user's sessions or recovery copy.
  const sessions = await mkdtemp(join(tmpdir(), 'rnn-lab-ui-bench-'));
  const args = [ready.web, '--port', '0', '--data', sessions, '--sessions', join(sessions, 'sessions'), '--no-open'];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const browser = await ready.playwright.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const url = await serverUrl(server);
    const tab = await browser.newPage();
    await tab.addInitScript(installPageProbes);
    const result = await trainInPage(tab, url, samples, profilePath);
    return { ...result, renderer: `out/renderer built ${statSync(ready.page).mtime.toISOString()}` };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await rm(sessions, { recursive: true, force: true });
  }
}

/** Runs in the page before its scripts: records long tasks and the moment the app says ready. */
export function installPageProbes(): void {
  const tasks: LongTask[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The moment the app says ready, without Playwright's polling delay.
  const seen = new MutationObserver(() => {
    if (!document.querySelector('[data-app-state="ready"]')) return;
    (window as unknown as { __readyAt: number }).__readyAt = performance.now();
    seen.disconnect();
  });
  seen.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app-state'] });
}

/** The WebSocket frames the page receives: progress times per run, and the bytes and ends after Train All. */
function watchFrames(tab: Page) {
  const frames: Array<{ t: number; id: string }> = [];
  let allEnded: (statuses: string[]) => void = () => undefined;
  const ended = new Promise<string[]>((resolve) => (allEnded = resolve));
  const watch = { frames, ended, wire: emptyCount(), clickedAt: Infinity };
  const finished = new Map<string, string>();
  tab.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      const message = parseFrame(payload);
      if (message?.event === 'run:progress') frames.push({ t: performance.now(), id: String(message.payload?.id) });
      if (performance.now() <= watch.clickedAt || finished.size === 4) return;
      countFrame(watch.wire, payload);
      if (message?.event !== 'run:finished') return;
      finished.set(String(message.payload?.id), String(message.payload?.set?.status));
      if (finished.size === 4) allEnded([...finished.values()]);
    }),
  );
  return watch;
}

/** Loads the page, trains the seed preset with Train All, and measures the page and the wire meanwhile. */
async function trainInPage(
  tab: Page,
  url: string,
  samples: number,
  profilePath?: string,
): Promise<Omit<UiBenchResult, 'renderer'>> {
  const watch = watchFrames(tab);
  await tab.goto(url);
  await tab.waitForSelector('[data-app-state="ready"]', { timeout: 30_000 });
  const readyMs = await tab.evaluate(
    () => (window as unknown as { __readyAt?: number }).__readyAt ?? performance.now(),
  );
  await tab.locator('#preset-samples').fill(String(samples));
  await tab.getByRole('button', { name: 'Seed: 4 runs' }).click();
  const trainAll = tab.getByRole('button', { name: 'Train All' });
  await trainAll.waitFor();
  const cdp = profilePath ? await tab.context().newCDPSession(tab) : null;
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.start');
  const pageClick = await tab.evaluate(() => performance.now());
  watch.clickedAt = performance.now();
  await trainAll.click();
  const statuses = await Promise.race([watch.ended, timeout(120_000, 'training in the page did not end within 120 s')]);
  const trainWallMs = performance.now() - watch.clickedAt;
  await waitForPageToSettle(tab);
  const tasks = await tab.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
  const saved = await sessionBytes(url);
  // The profiler lives in the tab's session: stop it before the tab closes.
  if (cdp && profilePath) await writeProfile(cdp, profilePath, tasks, pageClick);
  await tab.close();
  const manyRuns = await measureManyRuns(url);
  return {
    readyMs,
    trainWallMs,
    statuses,
    longTasksLoad: summarize(tasks.filter((t) => t.start < pageClick)),
    longTasksTraining: summarize(tasks.filter((t) => t.start >= pageClick)),
    progress: progressRates(watch.frames),
    wire: { training: watch.wire, sessionBytes: saved },
    manyRuns,
  };
}

/**
 * The end of training is not the end of the page's work: the finished runs' charts and the Analysis section
 * (its worker results included) come after. Wait for those to settle so their long tasks are counted too.
 */
async function waitForPageToSettle(tab: Page): Promise<void> {
  await tab
    .waitForFunction(
      () => !document.querySelector('[data-testid="lengths-computing"], [data-testid="exhaustive-computing"]'),
      null,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  await tab.waitForTimeout(1_000);
}

async function writeProfile(cdp: CDPSession, profilePath: string, tasks: LongTask[], pageClick: number): Promise<void> {
  await writeFile(profilePath, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  // Which tasks were long, in ms after the Train All click: to find them in the profile.
  const list = tasks
    .filter((t) => t.start >= pageClick)
    .map((t) => ({ atMs: Math.round(t.start - pageClick), ms: Math.round(t.duration) }));
  await writeFile(`${profilePath}.longtasks.json`, JSON.stringify({ clickAtPageMs: pageClick, tasks: list }, null, 1));
}

export function serverUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not print its URL within 20 s: ${err.trim()}`)),
      20_000,
    );
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /RNN Lab browser mode: (http\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`browser mode exited with code ${code}: ${err.trim()}`)));
  });
}

interface Frame {
  event?: string;
  payload?: { id?: unknown; set?: { status?: unknown } };
}
function parseFrame(payload: string | Buffer): Frame | null {
  try {
    const value: unknown = JSON.parse(payload.toString());
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

export function summarize(tasks: Array<{ duration: number }>): LongTasks {
  return {
    count: tasks.length,
    maxMs: Math.max(0, ...tasks.map((t) => t.duration)),
    totalMs: tasks.reduce((sum, t) => sum + t.duration, 0),
  };
}

function progressRates(frames: Array<{ t: number; id: string }>): UiBenchResult['progress'] {
  const byRun = new Map<string, number[]>();
  for (const f of frames) byRun.set(f.id, [...(byRun.get(f.id) ?? []), f.t]);
  return [...byRun.values()].map((times) => {
    const span = (times.at(-1)! - times[0]) / 1000;
    let max1s = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= 1000) j++;
      max1s = Math.max(max1s, i - j + 1);
    }
    return { frames: times.length, perSecond: span > 0 ? (times.length - 1) / span : times.length, max1s };
  });
}

function timeout(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}
