import { curvesOption } from '../../../shared/charts/index.js';
import { chartTheme, type ThemeMode } from '../../../shared/charts/theme.js';
import { echarts } from './echarts.js';

/**
 * The first chart the page draws pays for ECharts' cold code (≈ 60–80 ms against
 * ≈ 30 ms for the next one, measured while runs train). Drawing one throwaway
 * chart off screen once the page is idle after start moves that cost out of the
 * moment a run's first epoch arrives. Idle slices of their own: create, a bare
 * line chart (most of the cold code), the real curves chart, dispose — each
 * under 50 ms here, where one cold curves chart alone was ≈ 75 ms.
 */
export function warmUpCharts(mode: ThemeMode): void {
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:fixed;left:-10000px;top:0;width:300px;height:200px;pointer-events:none';
  const history = [1, 2, 3].map((epoch) => ({
    epoch,
    loss: 0.6 / epoch,
    acc: 0.6 + epoch / 10,
    valLoss: 0.65 / epoch,
    valAcc: 0.55 + epoch / 10,
  }));
  let chart: ReturnType<typeof echarts.init> | null = null;
  const steps = [
    () => {
      document.body.append(el);
      chart = echarts.init(el, null, { renderer: 'canvas' });
    },
    () =>
      chart?.setOption({
        animation: false,
        xAxis: { type: 'value' },
        yAxis: { type: 'value' },
        series: [
          {
            type: 'line',
            data: [
              [0, 0],
              [1, 1],
            ],
          },
        ],
      }),
    () =>
      chart?.setOption(
        { ...curvesOption(history, { theme: chartTheme(mode), color: '#888888' }), animation: false },
        { notMerge: true },
      ),
    () => {
      chart?.dispose();
      el.remove();
    },
  ];
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    step();
    idle(next);
  };
  idle(next);
}

function idle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}
