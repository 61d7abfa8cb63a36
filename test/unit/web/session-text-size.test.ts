import { describe, expect, it } from 'vitest';
import { invokeContract } from '../../../shared/contract.js';
import { SESSION_MAX_BYTES } from '../../../shared/schemas/session.js';
import {
  jsonStringBytes,
  MAX_SESSION_TEXT_ESCAPED_BYTES,
  MAX_WS_MESSAGE_BYTES,
  uploadSizeProblem,
  uploadTextProblem,
} from '../../../shared/session-text-size.js';
import { requestUrl } from '../../../electron/web/guards.js';

const exact = (text: string) => Buffer.byteLength(JSON.stringify(text), 'utf8');

describe('the size of a session file on its way to the server', () => {
  it('counts the escaped bytes of every UTF-16 code unit exactly as JSON.stringify writes them', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const one = String.fromCharCode(c);
      if (jsonStringBytes(one) !== exact(one))
        throw new Error(`U+${c.toString(16)}: ${jsonStringBytes(one)} != ${exact(one)}`);
    }
    for (const text of [
      '',
      'a"b\\c\n\t\u0001\u007f',
      'é€😀',
      '\ud83d',
      '\ude00x',
      '\ud83d\ud83d\ude00',
      '"'.repeat(1000),
      'x\u2028y',
    ]) {
      expect(jsonStringBytes(text)).toBe(exact(text));
    }
  });

  it('lets a file at the limit made only of quotes through, and the whole call fits the server frame', () => {
    const quotes = '"'.repeat(SESSION_MAX_BYTES);
    expect(jsonStringBytes(quotes)).toBe(MAX_SESSION_TEXT_ESCAPED_BYTES);
    expect(uploadTextProblem('quotes.rnnlab', quotes)).toBeNull();
    // The worst name the contract allows, escaped, and the call around it.
    const name = '\u0001'.repeat(255);
    const envelope = exact(
      JSON.stringify({
        type: 'call',
        id: Number.MAX_SAFE_INTEGER,
        channel: 'session:openText',
        payload: { name, text: '' },
      }),
    );
    expect(envelope - 2 + MAX_SESSION_TEXT_ESCAPED_BYTES).toBeLessThanOrEqual(MAX_WS_MESSAGE_BYTES);
  });

  it('refuses text that control characters would blow past the frame, with the sizes in one line', () => {
    // 30 MB of U+0001: under the file limit, but 6 bytes each once escaped.
    const controls = '\u0001'.repeat(30 * 1024 * 1024);
    expect(uploadTextProblem('odd.rnnlab', controls)).toBe(
      'odd.rnnlab is too large to send (180.0 MB once encoded; the limit is 128.0 MB)',
    );
    expect(uploadTextProblem('odd.rnnlab', controls.slice(0, 1000))).toBeNull();
  });

  it('refuses a file over the limit by its size alone, in the words the service uses', () => {
    expect(uploadSizeProblem('big.rnnlab', SESSION_MAX_BYTES)).toBeNull();
    expect(uploadSizeProblem('big.rnnlab', SESSION_MAX_BYTES + 1)).toBe(
      'big.rnnlab is too large (64.0 MB; session files are limited to 64 MB)',
    );
    expect(uploadSizeProblem('big.rnnlab', 70 * 1024 * 1024)).toBe(
      'big.rnnlab is too large (70.0 MB; session files are limited to 64 MB)',
    );
  });

  it('bounds the text in the contract, so the service never parses more than the limit', () => {
    const request = invokeContract['session:openText'].request;
    expect(request.safeParse({ name: 'x.rnnlab', text: 'a'.repeat(SESSION_MAX_BYTES) }).success).toBe(true);
    expect(request.safeParse({ name: 'x.rnnlab', text: 'a'.repeat(SESSION_MAX_BYTES + 1) }).success).toBe(false);
  });
});

describe('request targets', () => {
  it('reads paths and queries, and turns targets that are not URLs into null instead of a throw', () => {
    expect(requestUrl('/ws?token=abc')?.searchParams.get('token')).toBe('abc');
    expect(requestUrl(undefined)?.pathname).toBe('/');
    for (const target of ['//', '//[', '/\\', '//:99999', '//a b']) expect(requestUrl(target)).toBeNull();
  });
});
