import type {
  DefaultLabelFormatterCallbackParams,
  EChartsOption,
  TooltipComponentFormatterCallback,
  TooltipComponentFormatterCallbackParams,
  TooltipComponentOption,
} from 'echarts';
import { escapeXml } from './escape-xml.js';

/**
 * ECharts writes tooltip content with innerHTML, and its own markup (the colour
 * dot in `params.marker`, the default axis/item layout) is made of style
 * attributes, which the CSP blocks (style-src has no 'unsafe-inline'). So, on
 * the way into the chart: every tooltip gets a formatter whose markup carries
 * classes (app.css) and an SVG dot coloured by its `fill` attribute, which is
 * not a style. A builder's own formatter keeps its text; it receives a marker
 * of that kind and names already escaped, since what it returns is HTML.
 */

type Params = DefaultLabelFormatterCallbackParams & { axisValueLabel?: string; axisDim?: string; axisIndex?: number };
type ValueFormatter = NonNullable<TooltipComponentOption['valueFormatter']>;
type Value = Parameters<ValueFormatter>[0];

/** A 10 px dot in the series colour; gradients and patterns (no plain colour) get none. */
export function tipMarker(color: unknown): string {
  if (typeof color !== 'string' || !color) return '';
  return `<svg class="tip-marker" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill="${escapeXml(color)}"/></svg>`;
}

function list(params: TooltipComponentFormatterCallbackParams): Params[] {
  return Array.isArray(params) ? params : [params];
}

function safeParams(p: Params): Params {
  return {
    ...p,
    marker: tipMarker(p.color),
    name: escapeXml(String(p.name ?? '')),
    seriesName: escapeXml(String(p.seriesName ?? '')),
  };
}

/** The number a row shows: for [x, y] data, the dimension along the value axis (as ECharts' own tooltip does). */
function shownValue(p: Params): Value {
  const v = p.value as Value;
  if (!Array.isArray(v)) return v;
  const dims = p.axisDim === 'y' ? p.encode?.x : p.encode?.y;
  const at = dims?.[0];
  return typeof at === 'number' && at < v.length ? v[at] : v;
}

// ECharts names unnamed series "series\0<n>": its own tooltip leaves those out, so do we.
const named = (name: string | undefined): name is string => !!name && !name.startsWith('series\0');

function row(p: Params, label: string, format: ValueFormatter | undefined): string {
  const value = shownValue(p);
  const text = format ? format(value, p.dataIndex) : Array.isArray(value) ? value.join(', ') : String(value);
  return `<div class="tip-row">${tipMarker(p.color)}<span class="tip-name">${escapeXml(label)}</span><b class="tip-value">${escapeXml(text)}</b></div>`;
}

/** What ECharts would show by default (a header, then marker · name · value rows), in class-styled markup. */
export function defaultTooltip(
  trigger: TooltipComponentOption['trigger'],
  format?: ValueFormatter,
): TooltipComponentFormatterCallback<TooltipComponentFormatterCallbackParams> {
  return (params) => {
    const items = list(params);
    const first = items[0];
    if (!first) return '';
    if (trigger === 'axis') {
      // One group per axis (charts with two grids, e.g. loss over accuracy), each under its axis value.
      return items
        .map((p, i) => {
          const head =
            i === 0 || p.axisIndex !== items[i - 1].axisIndex
              ? `<div class="tip-head">${escapeXml(String(p.axisValueLabel ?? p.name ?? ''))}</div>`
              : '';
          return head + row(p, named(p.seriesName) ? p.seriesName : '', format);
        })
        .join('');
    }
    const head = named(first.seriesName) ? `<div class="tip-head">${escapeXml(first.seriesName)}</div>` : '';
    return head + row(first, String(first.name ?? ''), format);
  };
}

/** The class ECharts puts on the tooltip box: something to find it by. */
export const TOOLTIP_CLASS = 'chart-tip';

function safeTooltip(tooltip: TooltipComponentOption): TooltipComponentOption {
  const { formatter, valueFormatter, trigger } = tooltip;
  const box = { ...tooltip, className: tooltip.className ?? TOOLTIP_CLASS };
  if (typeof formatter === 'string') return box;
  if (!formatter) return { ...box, formatter: defaultTooltip(trigger, valueFormatter) };
  return {
    ...box,
    formatter: (params, ticket) =>
      formatter(Array.isArray(params) ? list(params).map(safeParams) : safeParams(params), ticket),
  };
}

/** The option with every tooltip's markup free of style attributes (see above). */
export function withCspSafeTooltip(option: EChartsOption): EChartsOption {
  const { tooltip } = option;
  if (!tooltip) return option;
  return { ...option, tooltip: Array.isArray(tooltip) ? tooltip.map(safeTooltip) : safeTooltip(tooltip) };
}
