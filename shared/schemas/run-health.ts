import { z } from 'zod';

/**
 * A finished run's verdict, read from its own numbers (shared/run-health.ts): it learned the task, learned
 * some of it, learned nothing the majority class would not give, or its numbers blew up.
 */
export const HEALTH_VERDICTS = ['learned', 'weak', 'did-not-learn', 'diverged'] as const;
export const healthVerdictSchema = z.enum(HEALTH_VERDICTS);

export const runHealthSchema = z.object({
  verdict: healthVerdictSchema,
  /** One line, as specific as the numbers allow ("val accuracy 0.24, below the majority-class baseline 0.73"). */
  reason: z.string(),
});

export type HealthVerdict = z.infer<typeof healthVerdictSchema>;
export type RunHealth = z.infer<typeof runHealthSchema>;

/** A glyph beside the words, so the verdict reads at a glance and without colour. */
export const HEALTH_GLYPHS: Readonly<Record<HealthVerdict, string>> = {
  learned: '✓',
  weak: '◐',
  'did-not-learn': '✕',
  diverged: '⚠',
};

/** The badge's words: the verdict is never told by colour alone. */
export const HEALTH_LABELS: Readonly<Record<HealthVerdict, string>> = {
  learned: 'Learned',
  weak: 'Weak',
  'did-not-learn': 'Did not learn',
  diverged: 'Diverged',
};
