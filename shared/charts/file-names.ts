import type { RunConfig } from '../schemas/run-config.js';

/** `emb10-linear`: the two choices that tell the seed's runs apart, safe in any file system. */
export function runSlug(config: RunConfig): string {
  return `emb${config.model.embeddingDim}-${config.model.rnnActivation}`;
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
