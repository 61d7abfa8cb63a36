import type { RunConfig } from '../schemas/run-config.js';

/**
 * `emb10-linear`: the two choices that tell the seed's runs apart, safe in any file system; a GRU or LSTM
 * names its cell too (`emb4-lstm-tanh`), so it is not taken for a SimpleRNN of that activation.
 */
export function runSlug(config: RunConfig): string {
  const { cell, embeddingDim, rnnActivation } = config.model;
  return cell === 'simple' ? `emb${embeddingDim}-${rnnActivation}` : `emb${embeddingDim}-${cell}-${rnnActivation}`;
}

export function slugify(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'chart';
}

/** `emb10-linear-digit-scores.png`; `all-runs-curves.svg` for overlays and sheets. */
export function exportFileName(subject: RunConfig | 'all-runs', chart: string, ext: string): string {
  const who = subject === 'all-runs' ? 'all-runs' : runSlug(subject);
  return `${who}-${slugify(chart)}.${ext}`;
}
