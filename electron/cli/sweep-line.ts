import type { EventPayload } from '../../shared/contract.js';
import { escapeUnsafe } from '../../shared/text-safety.js';
import type { CliIo } from './command.js';

type SweepChanged = EventPayload<'sweep:changed'>;

/** "12/40 done, 1 failed, 2 training · 1.30 runs/s · ETA 21 s" */
export function sweepLineText({ sweep, progress: p }: SweepChanged): string {
  const eta = p.etaSeconds === null ? 'ETA —' : `ETA ${formatSeconds(p.etaSeconds)}`;
  const rate = `${p.runsPerSecond.toFixed(p.runsPerSecond >= 10 ? 1 : 2)} runs/s`;
  const state = sweep.state === 'running' ? '' : ` (${sweep.state})`;
  return `${escapeUnsafe(sweep.name, true)}: ${p.done}/${p.total} done, ${p.failed} failed, ${p.training} training · ${rate} · ${eta}${state}`;
}

function formatSeconds(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * A sweep's progress on stderr: one line redrawn in place on a terminal; piped, a plain line each time the
 * counts or the state change (not for every rate update, so a log stays readable).
 */
export class SweepLine {
  private last = '';

  constructor(private readonly io: CliIo) {}

  update(change: SweepChanged): void {
    const text = sweepLineText(change);
    if (this.io.errIsTTY) {
      this.io.err(`\r\x1b[2K${text.slice(0, this.io.columns - 1)}`);
      this.last = text;
      return;
    }
    const { done, failed, total, training } = change.progress;
    const key = `${done}/${failed}/${total}/${training}/${change.sweep.state}`;
    if (key === this.last) return;
    this.last = key;
    this.io.err(`${text}\n`);
  }

  /** Ends the redrawn line so what follows starts on its own. */
  finish(): void {
    if (this.io.errIsTTY && this.last) this.io.err('\n');
  }
}
