import { escapeXml } from '../charts/escape-xml.js';

/** Text for HTML element content and quoted attributes. */
export const esc = (text: string | number): string => escapeXml(String(text));

/**
 * A JSON value inside <script type="application/json">: "<" is escaped so no string in it can
 * close the element ("</script>") or open a comment.
 */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** A script's text that cannot end its <script> element early. */
export function checkScriptText(text: string, what: string): string {
  if (/<\/script/i.test(text) || /<!--/.test(text)) throw new Error(`${what} holds "</script" or "<!--"`);
  return text;
}

/** 'sha256-…' of a script or style element's text, as a Content-Security-Policy source (Web Crypto: Node and pages). */
export async function cspHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/** A table: header cells and rows of cell HTML (already escaped); numeric columns align right. */
export function tableHtml(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
): string {
  const cls = (i: number) => (numeric[i] ? ' class="num"' : '');
  const thead = `<thead><tr>${head.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead>`;
  const tbody = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table>${thead}<tbody>\n${tbody}\n</tbody></table></div>`;
}
