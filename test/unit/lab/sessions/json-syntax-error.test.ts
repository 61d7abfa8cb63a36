import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstSyntaxError, jsonSyntaxError } from '../../../../electron/lab/sessions/json-syntax-error.js';
import { parseSession } from '../../../../electron/lab/sessions/session-file.js';

/** JSON.parse's verdict, the reference the scanner must agree with. */
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('where text stops being JSON', () => {
  it.each([
    ['root:x:0:0:root:/root:/bin/bash\n', 0],
    ['{"a":1,}', 7],
    ['{"a":', 5],
    ['[1 2]', 3],
    ['{\n  "a": tru }', 12],
    ['"abc', 4],
    ['{"a":"x\ny"}', 7],
    ['123abc', 3],
    ['-', 1],
    ['01', 1],
    ['1.', 2],
    ['1e+', 3],
    ['"\\x"', 2],
    ['"\\u12G4"', 5],
    ['[[[[', 4],
    ['{"a" 1}', 5],
    ['{1:2}', 1],
    ['[1,]', 3],
    ['nul', 3],
  ])('%j breaks at offset %i', (text, offset) => {
    expect(parses(text)).toBe(false);
    expect(firstSyntaxError(text)).toBe(offset);
  });

  it('finds nothing wrong in valid JSON, nested deeply too', () => {
    for (const text of [
      '{}',
      '[]',
      ' 0 ',
      '-0.5e-3',
      '"\\u00e9\\n"',
      'true',
      '{"a":[1,{"b":null}],"c":false}',
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    ]) {
      expect(firstSyntaxError(text), text.slice(0, 20)).toBeNull();
    }
  });

  it('agrees with JSON.parse on valid JSON and on random damage to it', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }))
      .map(([json, at, cut, insert]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(Math.min(json.length, i + (cut % 3)));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged), (text) => {
        expect(firstSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('says line and column, and whether the text ended early', () => {
    expect(jsonSyntaxError('{\n  "a": 1,\n  oops\n}')).toBe('syntax error at line 3, column 3');
    expect(jsonSyntaxError('{"a": [1, 2')).toBe('it ends early at line 1, column 12');
    expect(jsonSyntaxError(' \n\t')).toBe('the file is empty');
  });
});

describe('a file that is not JSON', () => {
  const refusal = (text: string) => {
    try {
      parseSession(text, 'x.rnnlab');
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('the text was accepted');
  };

  it('is refused without quoting any of its content', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    const secret = '{"token": "s3cr3t-Value", oops}';
    for (const text of [passwd, secret, `\uFEFF${passwd}`, 'PRIVATE KEY-----\nMIIEv']) {
      const message = refusal(text);
      expect(message).toMatch(
        /^x\.rnnlab is not a valid session: it is not JSON \((syntax error|it ends early) at line \d+, column \d+\)$/,
      );
      // No run of three characters of the file's start is repeated in the message (bar what the template says itself).
      const template = 'x.rnnlab is not a valid session: it is not JSON (syntax error at line , column )';
      const start = text.replace(/^\uFEFF/, '').slice(0, 40);
      for (let i = 0; i + 3 <= start.length; i++) {
        const piece = start.slice(i, i + 3);
        if (!template.includes(piece)) expect(message, piece).not.toContain(piece);
      }
    }
    expect(refusal(passwd)).toBe('x.rnnlab is not a valid session: it is not JSON (syntax error at line 1, column 1)');
    expect(refusal(secret)).toBe('x.rnnlab is not a valid session: it is not JSON (syntax error at line 1, column 27)');
  });
});
