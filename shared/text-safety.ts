/**
 * Characters that make text lie about itself on a screen: C0 controls, DEL and
 * C1 controls (a terminal reads ESC, CSI or OSC as commands: clear the screen,
 * set the window title) and the Unicode bidirectional controls (an override or
 * isolate reorders what follows, so "evil‮txt.exe" reads as something else).
 * One list for what names and notes may hold and for what the CLI escapes.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Every character either list holds, plus the Unicode line and paragraph separators (line breaks a name must not hold). */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with `text` as a name (`multiline` false) or a note (tab and
 * newline allowed), as "a control character (U+001B)", or null when nothing is.
 */
export function unsafeCharacterIn(text: string, multiline: boolean): string | null {
  for (const match of text.matchAll(UNSAFE)) {
    const char = match[0];
    if (multiline && (char === '\t' || char === '\n' || char === '\u2028' || char === '\u2029')) continue;
    if (CONTROL.test(char)) return `a control character (${codePoint(char)})`;
    if (BIDI.test(char)) return `a bidirectional-text control (${codePoint(char)})`;
    return `a line break (${codePoint(char)})`;
  }
  return null;
}

/**
 * Text with every such character written as a JSON-style escape (ESC → `\u001b`),
 * safe to print on a terminal; newlines are kept unless `oneLine`. Escaping inside
 * JSON text keeps it valid JSON with the same values, since these characters
 * occur only in strings there.
 */
export function escapeUnsafe(text: string, oneLine = false): string {
  return text.replace(UNSAFE, (char) =>
    char === '\n' && !oneLine ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
