import { curvesOption } from '../../../shared/charts/index.js';
import { chartTheme, type ThemeMode } from '../../../shared/charts/theme.js';
import { echarts } from './echarts.js';

/**
 * The first chart the page draws pays for ECharts' cold code (≈ 60–80 ms against
 * ≈ 30 ms for the next one, measured while runs train). Drawing one throwaway
 * chart off screen once the page is idle after start moves that cost out of the
 * moment a run's first epoch arrives. Three idle slices: create, draw, dispose.
 */
export function warmUpCharts(mode: ThemeMode): void {
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:fixed;left:-10000px;top:0;width:300px;height:200px;pointer-events:none';
  idle(() => {
    document.body.append(el);
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    idle(() => {
      const history = [1, 2, 3].map((epoch) => ({ epoch, loss: 0.6 / epoch, acc: 0.6 + epoch / 10, valLoss: 0.65 / epoch, valAcc: 0.55 + epoch / 10 }));
      chart.setOption(curvesOption(history, { theme: chartTheme(mode), color: '#888888' }));
      idle(() => {
        chart.dispose();
        el.remove();
      });
    });
  });
}

function idle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}
