import { EXPORT_MAX_BYTES } from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';

export type ExportKind = 'png' | 'svg' | 'csv' | 'json' | 'html';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes of an export the renderer asks main to write, checked before they
 * touch the disk: size limit, and that a PNG is a PNG, an SVG an SVG and a
 * JSON file JSON. A compromised page can still write junk only where the user
 * chose in the save dialog, and never more than EXPORT_MAX_BYTES.
 */
export function exportBytes(kind: ExportKind, data: string): Buffer {
  const bytes = kind === 'png' ? decodeBase64(data) : Buffer.from(data, 'utf8');
  if (bytes.length === 0) throw new LabError('bad-request', `the ${kind.toUpperCase()} export is empty`);
  if (bytes.length > EXPORT_MAX_BYTES) {
    throw new LabError('bad-request', `the export is ${bytes.length} bytes; the limit is ${EXPORT_MAX_BYTES}`);
  }
  if (kind === 'png' && !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new LabError('bad-request', 'the PNG export does not start with the PNG signature');
  }
  if (kind === 'svg' && !/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(data)) {
    throw new LabError('bad-request', 'the SVG export does not start with an <svg> element');
  }
  if (kind === 'json') {
    try {
      JSON.parse(data);
    } catch {
      throw new LabError('bad-request', 'the JSON export is not valid JSON');
    }
  }
  if (kind === 'html' && !/^<!doctype html>/i.test(data))
    throw new LabError('bad-request', 'the HTML export does not start with <!doctype html>');
  if (kind === 'csv' && data.includes('\0')) throw new LabError('bad-request', 'the CSV export contains a NUL byte');
  return bytes;
}

function decodeBase64(data: string): Buffer {
  if (data.length % 4 !== 0 || !BASE64.test(data)) throw new LabError('bad-request', 'the PNG export is not base64');
  return Buffer.from(data, 'base64');
}

/** The chosen path with the kind's extension, so the file opens in the right program. */
export function withExtension(path: string, kind: ExportKind): string {
  return path.toLowerCase().endsWith(`.${kind}`) ? path : `${path}.${kind}`;
}

/** A default file name the OS dialog will accept: no folders, no control characters. */
export function safeFileName(name: string, kind: ExportKind): string {
  const cleaned =
    name
      .replace(/[/\\:*?"<>|\x00-\x1f]+/g, '-')
      .replace(/^\.+/, '')
      .trim() || 'export';
  return withExtension(cleaned, kind);
}
