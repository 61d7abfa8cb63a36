import { describe, expect, it } from 'vitest';
import { EXPORT_MAX_BYTES } from '../../../shared/contract.js';
import { exportBytes, safeFileName, withExtension } from '../../../electron/main/export-bytes.js';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR rest')]);

describe('export bytes checked before main writes them', () => {
  it('decodes a base64 PNG with the PNG signature', () => {
    expect(exportBytes('png', png.toString('base64')).equals(png)).toBe(true);
  });

  it('refuses a PNG that is not one', () => {
    expect(() => exportBytes('png', Buffer.from('GIF89a....').toString('base64'))).toThrow('PNG signature');
    expect(() => exportBytes('png', 'not base64!')).toThrow('not base64');
    expect(() => exportBytes('png', '')).toThrow('empty');
  });

  it('accepts SVG with or without a prolog and refuses anything else', () => {
    expect(exportBytes('svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>').length).toBeGreaterThan(0);
    expect(exportBytes('svg', '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg width="1"></svg>').length).toBeGreaterThan(
      0,
    );
    expect(() => exportBytes('svg', '<html><svg></svg></html>')).toThrow('<svg>');
    expect(() => exportBytes('svg', '<svgx>')).toThrow('<svg>');
  });

  it('checks JSON and CSV text', () => {
    expect(exportBytes('json', '{"a":1}').toString()).toBe('{"a":1}');
    expect(() => exportBytes('json', '{"a":')).toThrow('not valid JSON');
    expect(exportBytes('csv', 'epoch,loss\n1,0.5\n').toString()).toContain('epoch');
    expect(() => exportBytes('csv', 'a\0b')).toThrow('NUL');
  });

  it('refuses more than the size limit', () => {
    const big = 'x'.repeat(EXPORT_MAX_BYTES + 1);
    expect(() => exportBytes('csv', big)).toThrow(`limit is ${EXPORT_MAX_BYTES}`);
  });

  it('names files safely with the right extension', () => {
    expect(withExtension('/tmp/a', 'png')).toBe('/tmp/a.png');
    expect(withExtension('/tmp/a.PNG', 'png')).toBe('/tmp/a.PNG');
    expect(safeFileName('../../etc/emb10: scores', 'svg')).toBe('-..-etc-emb10- scores.svg');
    expect(safeFileName('...', 'csv')).toBe('export.csv');
  });
});
