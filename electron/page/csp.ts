/**
 * The one Content-Security-Policy for the renderer, in Electron and in browser
 * mode. No inline styles or scripts: styles come from our own stylesheet, and
 * what has to be computed (a run's colour, a bar's width, ECharts' tooltip
 * box) is set through the CSSOM (`element.style`), which style-src does not
 * govern. Tooltip markup carries classes, never a style attribute
 * (renderer/src/lib/csp-tooltip.ts). Nothing remote.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
