import type { ConfigField } from './fields.js';

/** A number as people read it: 200000 → "200,000". */
export function numberText(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** What values a field takes, for the form's hint, `--help` and the docs: "1–64", "> 0, ≤ 1", "a or b". */
export function rangeText(field: Pick<ConfigField, 'kind' | 'choices' | 'range'>): string {
  if (field.kind === 'enum') return choicesText(field.choices);
  if (field.kind === 'boolean') return 'true or false';
  const range = field.range;
  if (!range) return '';
  if (!range.minExclusive && !range.maxExclusive) return `${numberText(range.min)}–${numberText(range.max)}`;
  const low = `${range.minExclusive ? '>' : '≥'} ${numberText(range.min)}`;
  return `${low}, ${range.maxExclusive ? '<' : '≤'} ${numberText(range.max)}`;
}

/** "a or b" for two choices, "a, b, c" for more: how the CLI has always listed them. */
export function choicesText(choices: readonly string[]): string {
  return choices.length === 2 ? choices.join(' or ') : choices.join(', ');
}
