import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabPage, SEED_RUNS } from './pages/lab-page.js';

/**
 * The desktop flow through the real Electron app (preload, IPC, utility-process
 * training). Electron's binary cannot be downloaded here, so this runs only
 * where node_modules/electron/dist exists and otherwise skips, saying why.
 */
const root = process.cwd();
const hasElectron = existsSync(join(root, 'node_modules/electron/dist'));
const built = existsSync(join(root, 'out/electron/main.cjs')) && existsSync(join(root, 'out/renderer/index.html'));
const skipReason = !hasElectron
  ? 'Electron binary missing (node_modules/electron/dist does not exist; its download needs network access), so the Electron launch test cannot run here'
  : !built
    ? 'out/electron or out/renderer is not built; run `npm run build` first'
    : '';
if (skipReason) console.log(`electron.spec.ts skipped: ${skipReason}`);

test.describe('Electron app', () => {
  let app: ElectronApplication;
  let userData: string;

  test.beforeEach(async () => {
    test.skip(!!skipReason, skipReason);
    userData = mkdtempSync(join(tmpdir(), 'rnn-lab-electron-'));
    app = await electron.launch({ args: [root], cwd: root, env: { ...process.env, RNN_LAB_USER_DATA: userData } });
  });

  test.afterEach(async () => {
    if (skipReason) return;
    // The run is unsaved, so a normal close would wait on the "Save changes?" dialog: exit instead.
    await app.evaluate(({ app: electronApp }) => electronApp.exit(0)).catch(() => undefined);
    await app.close().catch(() => undefined);
    rmSync(userData, { recursive: true, force: true });
  });

  test('loads sandboxed, trains the seed preset in utility processes and shows four columns', async () => {
    const page = await app.firstWindow();
    const lab = new LabPage(page, '');
    await lab.ready();

    // The page sees named functions only: no Node, no ipcRenderer, no generic invoke.
    const surface = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      api: Object.keys((window as unknown as { api: object }).api).sort(),
    }));
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
    expect(surface.api).toContain('runsTrain');
    expect(surface.api).not.toContain('invoke');
    expect(surface.api).not.toContain('ipcRenderer');

    await lab.addSeedPreset(1000);
    await lab.trainAllAndWait(SEED_RUNS);
    for (const name of SEED_RUNS) {
      const column = lab.column(name);
      await expect(column).toBeVisible();
      await expect(lab.figure(column, 'Digit scores').locator('canvas').first()).toBeVisible();
      await expect(column.getByTestId('top-digit')).toHaveText('digit 4');
    }

    // Unsaved runs: the main process puts the mark in the title.
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('• Untitled — RNN Lab');
  });
});
