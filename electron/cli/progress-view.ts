import type { Progress } from '../../shared/schemas/progress.js';
import type { Run } from '../../shared/schemas/run.js';
import { maxOf } from '../../shared/extent.js';
import { escapeUnsafe } from '../../shared/text-safety.js';
import type { CliIo } from './command.js';
import { num } from './format.js';

/**
 * Training progress on stderr: one redrawn bar per run on a terminal, plain
 * lines (one per epoch and one per finished run) when piped to a file.
 */
export class ProgressView {
  private readonly progress = new Map<string, Progress>();
  private runs: Run[] = [];
  private readonly epochsSeen = new Map<string, number>();
  private readonly ended = new Set<string>();
  private drawn = 0;
  private lastDraw = 0;

  constructor(private readonly io: CliIo) {}

  update(runs: Run[]): void {
    this.runs = runs;
    if (this.io.errIsTTY) return this.draw(false);
    for (const run of runs) {
      const seen = this.epochsSeen.get(run.id) ?? 0;
      for (const h of run.history.slice(seen)) {
        this.io.err(
          `${run.name}: epoch ${h.epoch}/${run.config.training.epochs}  loss ${num(h.loss)}  acc ${num(h.acc)}  ` +
            `val_loss ${num(h.valLoss)}  val_acc ${num(h.valAcc)}\n`,
        );
      }
      this.epochsSeen.set(run.id, run.history.length);
      if (['done', 'failed', 'cancelled'].includes(run.status) && !this.ended.has(run.id)) {
        this.ended.add(run.id);
        this.io.err(`${run.name}: ${run.status}${run.error ? ` (${escapeUnsafe(run.error, true)})` : ''}\n`);
      }
    }
  }

  tick(id: string, progress: Progress): void {
    this.progress.set(id, progress);
    if (this.io.errIsTTY) this.draw(false);
  }

  finish(): void {
    if (this.io.errIsTTY) this.draw(true);
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const nameWidth = maxOf(
      this.runs.map((r) => r.name.length),
      4,
    );
    const width = Math.max(10, Math.min(30, this.io.columns - nameWidth - 62));
    const lines = this.runs.map((run) => {
      const p = this.progress.get(run.id);
      const done = run.status === 'done' ? 1 : (p?.fraction ?? 0);
      const filled = Math.round(done * width);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      const detail =
        run.status === 'training' && p
          ? `epoch ${p.epoch}/${p.epochs} loss ${num(p.loss)} acc ${num(p.acc)} eta ${Math.ceil(p.etaMs / 1000)}s`
          : run.status === 'done' && run.history.length
            ? `val_acc ${num(run.history.at(-1)!.valAcc)}`
            : escapeUnsafe(run.error ?? '', true);
      return `${run.name.padEnd(nameWidth)} ${bar} ${String(Math.round(done * 100)).padStart(3)}% ${run.status.padEnd(9)} ${detail}`.slice(
        0,
        this.io.columns - 1,
      );
    });
    const up = this.drawn ? `\x1b[${this.drawn}A` : '';
    this.io.err(up + lines.map((l) => `\x1b[2K${l}\n`).join(''));
    this.drawn = lines.length;
  }
}
