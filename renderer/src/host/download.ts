import { MIME } from './bytes.js';

/** Browser mode's "save": a Blob behind a temporary link with a download name. */
export function downloadFile(name: string, data: string | Uint8Array): void {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const blob = new Blob([part], { type: MIME[ext] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
