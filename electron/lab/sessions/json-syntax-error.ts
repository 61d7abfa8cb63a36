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
  return offset >= text.length
    ? `it ends early at line ${line}, column ${column}`
    : `syntax error at line ${line}, column ${column}`;
}

const OBJECT = 0;
const ARRAY = 1;
/** A value ended with no container opened. */
const ENDED = 2;
/** The text broke the grammar at the scanner's offset. */
const BROKEN = 3;
/** Another element of the open container follows. */
const NEXT = 'next';

/**
 * The offset of the first character that breaks the JSON grammar (text.length when it ends early), or null if
 * there is none.
 */
export function firstSyntaxError(text: string): number | null {
  const scan = new JsonScan(text);
  const stack: number[] = [];
  for (;;) {
    const opened = scan.value();
    if (opened === BROKEN) return scan.i;
    if (opened !== ENDED) {
      stack.push(opened);
      continue;
    }
    const after = scan.afterValue(stack);
    if (after !== NEXT) return after;
  }
}

/** A cursor over the text that reads one JSON token at a time; each read says whether the grammar held. */
class JsonScan {
  i = 0;
  private readonly text: string;
  private readonly n: number;

  constructor(text: string) {
    this.text = text;
    this.n = text.length;
  }

  /** Reads a value up to its end, or opens a non-empty object (past its first key) or array. */
  value(): typeof OBJECT | typeof ARRAY | typeof ENDED | typeof BROKEN {
    const { text } = this;
    this.skipSpace();
    const ch = text[this.i];
    if (ch === '{') {
      this.i++;
      this.skipSpace();
      if (text[this.i] !== '}') return this.key() ? OBJECT : BROKEN;
      this.i++;
    } else if (ch === '[') {
      this.i++;
      this.skipSpace();
      if (text[this.i] !== ']') return ARRAY;
      this.i++;
    } else if (ch === '"') {
      if (!this.string()) return BROKEN;
    } else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      if (!this.number()) return BROKEN;
    } else if (ch === 't' || ch === 'f' || ch === 'n') {
      if (!this.word(ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null')) return BROKEN;
    } else return BROKEN;
    return ENDED;
  }

  /**
   * After a value: closes what it ends, until another element follows (NEXT), the
   * text ends well (null) or breaks the grammar (its offset).
   */
  afterValue(stack: number[]): number | null | typeof NEXT {
    const { text } = this;
    for (;;) {
      this.skipSpace();
      const top = stack.at(-1);
      if (top === undefined) return this.i < this.n ? this.i : null;
      if (text[this.i] === ',') {
        this.i++;
        if (top === OBJECT && !this.key()) return this.i;
        return NEXT;
      }
      if (text[this.i] !== (top === OBJECT ? '}' : ']')) return this.i;
      this.i++;
      stack.pop();
    }
  }

  private skipSpace(): void {
    const { text } = this;
    const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
    while (this.i < this.n && space(text[this.i])) this.i++;
  }

  private isDigit(): boolean {
    return this.i < this.n && this.text[this.i] >= '0' && this.text[this.i] <= '9';
  }

  private digits(): boolean {
    if (!this.isDigit()) return false;
    while (this.isDigit()) this.i++;
    return true;
  }

  private string(): boolean {
    const { text } = this;
    this.i++; // the opening quote
    while (this.i < this.n) {
      const c = text.charCodeAt(this.i);
      if (c === 0x22) return (this.i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c && !this.escape()) return false;
      this.i++;
    }
    return false;
  }

  /** At a backslash: moves to the escape's last character, false when it is not a JSON escape. */
  private escape(): boolean {
    const { text } = this;
    this.i++;
    if (this.i >= this.n) return false;
    if (text[this.i] === 'u') {
      for (let k = 0; k < 4; k++) {
        this.i++;
        if (!/[0-9a-fA-F]/.test(text[this.i] ?? '')) return false;
      }
      return true;
    }
    return '"\\/bfnrt'.includes(text[this.i]);
  }

  private number(): boolean {
    const { text } = this;
    if (text[this.i] === '-') this.i++;
    if (text[this.i] === '0') this.i++;
    else if (!this.digits()) return false;
    if (text[this.i] === '.') {
      this.i++;
      if (!this.digits()) return false;
    }
    if (text[this.i] === 'e' || text[this.i] === 'E') {
      this.i++;
      if (text[this.i] === '+' || text[this.i] === '-') this.i++;
      if (!this.digits()) return false;
    }
    return true;
  }

  private word(w: string): boolean {
    for (const ch of w) {
      if (this.text[this.i] !== ch) return false;
      this.i++;
    }
    return true;
  }

  private key(): boolean {
    this.skipSpace();
    if (this.text[this.i] !== '"' || !this.string()) return false;
    this.skipSpace();
    if (this.text[this.i] !== ':') return false;
    this.i++;
    return true;
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
