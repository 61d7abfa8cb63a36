import type { ChartTheme } from './theme.js';

/** What every single-run builder receives: the data, the theme and the run's colour. */
export interface ChartContext {
  theme: ChartTheme;
  color: string;
}

export function textStyle(theme: ChartTheme) {
  return { color: theme.text, fontFamily: theme.font, fontSize: 11 };
}

export function tooltipBase(theme: ChartTheme) {
  return {
    backgroundColor: theme.mode === 'dark' ? '#1f242c' : '#ffffff',
    borderColor: theme.axisLine,
    borderWidth: 1,
    padding: [6, 9],
    textStyle: { color: theme.text, fontFamily: theme.mono, fontSize: 11 },
    extraCssText: 'box-shadow: 0 6px 18px rgba(0,0,0,0.25); border-radius: 6px;',
  };
}

export function axisBase(theme: ChartTheme) {
  return {
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { show: false },
    axisLabel: { color: theme.muted, fontFamily: theme.mono, fontSize: 10 },
    splitLine: { lineStyle: { color: theme.gridLine } },
    nameTextStyle: { color: theme.faint, fontFamily: theme.font, fontSize: 10 },
  };
}

/** A bar per labelled item: hovering one shows its name (as `title` words it) and its value to 4 digits. */
export function itemTooltip(theme: ChartTheme, title: (name: string) => string = (name) => name) {
  return {
    ...tooltipBase(theme),
    trigger: 'item' as const,
    formatter: (p: { name: string; value: unknown } | { name: string; value: unknown }[]) => {
      const one = Array.isArray(p) ? p[0] : p;
      return `${title(one.name)}<br/><b>${fmt(Number(one.value), 4)}</b>`;
    },
  };
}

/** The axis at y = 0, so bars of both signs read against it. */
export function zeroLine(theme: ChartTheme) {
  return {
    silent: true,
    symbol: 'none' as const,
    label: { show: false },
    lineStyle: { color: theme.axisLine, type: 'solid' as const },
    data: [{ yAxis: 0 }],
  };
}

/** Short, readable numbers for labels: 3 significant digits, exponent when tiny or huge. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e5) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}

/** Log axes need positive data; fall back to linear when a value is ≤ 0. */
export function allPositive(values: readonly number[]): boolean {
  return values.length > 0 && values.every((v) => v > 0);
}
