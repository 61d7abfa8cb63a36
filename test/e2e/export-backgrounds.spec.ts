import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { PNG } from 'pngjs';
import { chartTheme } from '../../shared/charts/theme.js';
import { test, expect } from './fixtures.js';

function rgba(hex: string): number[] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), 255];
}

/** The four corner pixels of a downloaded PNG, where only the background shows. */
async function corners(download: Download): Promise<number[][]> {
  const png = PNG.sync.read(readFileSync((await download.path())!));
  const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
  return [at(0, 0), at(png.width - 1, 0), at(0, png.height - 1), at(png.width - 1, png.height - 1)];
}

test('chart exports from the page paint the theme\'s background: dark, white for print, light', async ({ lab, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await lab.addRun({ Name: 'Dark run', Samples: '400', Epochs: '2' });
  await lab.runRow('Dark run').getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus('Dark run', 'Done');
  const figure = page.getByRole('figure', { name: 'Digit scores — Dark run' });
  await expect(figure.locator('canvas').first()).toBeVisible();
  const exportAs = async (item: string): Promise<Download> => {
    await figure.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('menuitem', { name: item, exact: true }).click()]);
    return download;
  };

  const dark = rgba(chartTheme('dark').background);
  expect(await corners(await exportAs('PNG'))).toEqual([dark, dark, dark, dark]);
  const svg = readFileSync((await (await exportAs('SVG')).path())!, 'utf8');
  expect(svg).toMatch(new RegExp(`^<svg[^>]*>\\s*<rect [^>]*fill="${chartTheme('dark').background}"`, 'i'));

  // Print is white even from a dark screen.
  const white = rgba(chartTheme('light', true).background);
  expect(await corners(await exportAs('PNG, white (print)'))).toEqual([white, white, white, white]);

  await page.emulateMedia({ colorScheme: 'light' });
  const light = rgba(chartTheme('light').background);
  expect(await corners(await exportAs('PNG'))).toEqual([light, light, light, light]);
});
