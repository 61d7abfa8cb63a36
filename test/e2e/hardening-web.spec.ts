import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SESSION_MAX_BYTES } from '../../shared/schemas/session.js';
import { expect, test } from './fixtures.js';
import { LabPage } from './pages/lab-page.js';

/**
 * A session file too large for the lab is refused by the page itself, before
 * anything is sent: the server never sees it, the connection stays up, and
 * the user reads why in one line.
 */

/** Every text frame the page sends on its WebSocket, recorded from before the page loads. */
function recordSentFrames(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (frame) => sent.push(typeof frame.payload === 'string' ? frame.payload : '<binary>')),
  );
  return sent;
}

const openTextCalls = (sent: string[]) => sent.filter((frame) => frame.includes('"session:openText"'));

test('a file over 64 MB, picked or dropped, is refused by the page and never sent', async ({ page, server }) => {
  const sent = recordSentFrames(page);
  const lab = new LabPage(page, server.url);
  await lab.open();
  await lab.addSeedPreset(200);
  // The recorder works: the page's own calls are in it.
  expect(sent.some((frame) => frame.includes('"runs:addPreset"'))).toBe(true);

  const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-big-'));
  try {
    // 65 MB (sparse on disk): over the limit by its size alone.
    const big = join(dir, 'big.rnnlab');
    writeFileSync(big, '');
    truncateSync(big, SESSION_MAX_BYTES + 1024 * 1024);

    await lab.button('Open session').click();
    const dialog = page.getByRole('dialog', { name: 'Open session' });
    await dialog.getByLabel('Upload a .rnnlab file').setInputFiles(big);
    await expect(page.getByRole('alert').filter({ hasText: 'big.rnnlab' })).toContainText(
      'big.rnnlab is too large (65.0 MB; session files are limited to 64 MB)',
    );
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Dropped on the window: the same check, built in the page so no upload limit of the test tool applies.
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.rnnlab', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, SESSION_MAX_BYTES + 1);
    await expect(page.getByRole('alert').filter({ hasText: 'dropped.rnnlab' })).toContainText(
      'dropped.rnnlab is too large (64.0 MB; session files are limited to 64 MB)',
    );

    // Under the size limit, but control characters (6 bytes each once JSON-escaped) would overflow the server's frame.
    await page.evaluate(
      (count) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(count).fill(1)], 'controls.rnnlab'));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      30 * 1024 * 1024,
    );
    await expect(page.getByRole('alert').filter({ hasText: 'controls.rnnlab' })).toContainText(
      'controls.rnnlab is too large to send (180.0 MB once encoded; the limit is 128.0 MB)',
    );

    expect(openTextCalls(sent)).toEqual([]);
    await expect(page.getByText('Connection to RNN Lab lost')).toBeHidden();
    // The lab is untouched and still answers: the four runs are there, and a small upload goes through.
    await expect(lab.runRows()).toHaveCount(4);
    await lab.button('Open session').click();
    const small = JSON.stringify({ format: 'not-a-session' });
    await dialog
      .getByLabel('Upload a .rnnlab file')
      .setInputFiles({ name: 'small.rnnlab', mimeType: 'application/json', buffer: Buffer.from(small) });
    await expect(page.getByRole('alert').filter({ hasText: 'small.rnnlab' })).toContainText(
      'small.rnnlab is not a valid session: $.format',
    );
    expect(openTextCalls(sent)).toHaveLength(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
