import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { chartTheme } from '../../shared/charts/theme.js';
import { cornerPixels, rgba } from '../unit/export/png-corners.js';
import { test, expect } from './fixtures.js';

/** The four corner pixels of a downloaded PNG, in the order top left, top right, bottom left, bottom right. */
async function corners(download: Download): Promise<number[][]> {
  return Object.values(cornerPixels(readFileSync(await download.path())));
}

test("chart exports from the page paint the theme's background: dark, white for print, light", async ({
  lab,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await lab.addRun({ Name: 'Dark run', Samples: '400', Epochs: '2' });
  await lab.runRow('Dark run').getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus('Dark run', 'Done');
  const figure = page.getByRole('figure', { name: 'Digit scores — Dark run' });
  await expect(figure.locator('canvas').first()).toBeVisible();
  const exportAs = async (item: string): Promise<Download> => {
    await figure.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('menuitem', { name: item, exact: true }).click(),
    ]);
    return download;
  };

  const dark = rgba(chartTheme('dark').background);
  expect(await corners(await exportAs('PNG'))).toEqual([dark, dark, dark, dark]);
  const svg = readFileSync(await (await exportAs('SVG')).path(), 'utf8');
  expect(svg).toMatch(new RegExp(`^<svg[^>]*>\\s*<rect [^>]*fill="${chartTheme('dark').background}"`, 'i'));

  // Print is white even from a dark screen.
  const white = rgba(chartTheme('light', true).background);
  expect(await corners(await exportAs('PNG, white (print)'))).toEqual([white, white, white, white]);

  await page.emulateMedia({ colorScheme: 'light' });
  const light = rgba(chartTheme('light').background);
  expect(await corners(await exportAs('PNG'))).toEqual([light, light, light, light]);
});
