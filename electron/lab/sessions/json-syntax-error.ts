/**
 * Where text stops being JSON, as "line L, column C", for errors about a
 * file that is not JSON. JSON.parse's own message quotes the text around the
 * error ("Unexpected token 'r', "root:x:0:0"…"), and that must never reach
 * the page: a message about a file says where, never what. The scan runs only
 * after JSON.parse failed; it keeps an explicit stack, so deep nesting cannot
 * overflow the call stack.
 */
export function jsonSyntaxError(text: string): string {
  if (text.trim() === '') return 'the file is empty';
  const offset = firstSyntaxError(text);
  // The scan follows the JSON grammar as JSON.parse does; should they ever disagree, say less rather than something wrong.
  if (offset === null) return 'a syntax error';
  const { line, column } = lineAndColumn(text, offset);
  return offset >= text.length ? `it ends early at line ${line}, column ${column}` : `syntax error at line ${line}, column ${column}`;
}

const OBJECT = 0;
const ARRAY = 1;

/** The offset of the first character that breaks the JSON grammar (text.length when it ends early), or null if there is none. */
export function firstSyntaxError(text: string): number | null {
  const n = text.length;
  let i = 0;
  const stack: number[] = [];
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const isDigit = () => i < n && text[i]! >= '0' && text[i]! <= '9';
  const digits = (): boolean => {
    if (!isDigit()) return false;
    while (isDigit()) i++;
    return true;
  };
  const string = (): boolean => {
    i++; // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c) {
        i++;
        if (i >= n) return false;
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) return false;
          }
        } else if (!'"\\/bfnrt'.includes(text[i]!)) return false;
      }
      i++;
    }
    return false;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  const word = (w: string): boolean => {
    for (const ch of w) {
      if (text[i] !== ch) return false;
      i++;
    }
    return true;
  };
  const key = (): boolean => {
    skipSpace();
    if (text[i] !== '"' || !string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  for (;;) {
    // A value starts here.
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') i++;
      else {
        if (!key()) return i;
        stack.push(OBJECT);
        continue;
      }
    } else if (ch === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') i++;
      else {
        stack.push(ARRAY);
        continue;
      }
    } else if (ch === '"') {
      if (!string()) return i;
    } else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      if (!number()) return i;
    } else if (ch === 't' || ch === 'f' || ch === 'n') {
      if (!word(ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null')) return i;
    } else return i;

    // A value ended: close what it ends, or go on to the next element.
    for (;;) {
      skipSpace();
      const top = stack.at(-1);
      if (top === undefined) return i < n ? i : null;
      if (text[i] === ',') {
        i++;
        if (top === OBJECT && !key()) return i;
        break;
      }
      if (text[i] !== (top === OBJECT ? '}' : ']')) return i;
      i++;
      stack.pop();
    }
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
