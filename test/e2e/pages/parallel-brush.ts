import type { Locator, Page } from '@playwright/test';

/**
 * Drags down the first axis of the parallel-coordinates chart from above its top to halfway: on a sweep of
 * embedding sizes 1 and 4 (1 at the bottom, 4 at the top) the brush keeps size 4 only.
 */
export async function brushTopOfFirstAxis(page: Page, parallel: Locator): Promise<void> {
  await parallel.scrollIntoViewIfNeeded();
  const box = (await parallel.getByRole('img', { name: 'Parallel coordinates — runs' }).boundingBox())!;
  const x = box.x + 56;
  const top = box.y + 64;
  const bottom = box.y + box.height - 34;
  await page.mouse.move(x, top - 6);
  await page.mouse.down();
  await page.mouse.move(x, top + (bottom - top) * 0.3, { steps: 6 });
  await page.mouse.move(x, top + (bottom - top) * 0.5, { steps: 6 });
  await page.mouse.up();
}
