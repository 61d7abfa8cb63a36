import type { z } from 'zod';

/** One readable line for a schema failure: the first issue, with its JSON path. */
export function formatZodError(error: z.ZodError, what = 'input'): string {
  const issue = error.issues[0];
  if (!issue) return `${what} is invalid`;
  const path = issue.path.length ? `$.${issue.path.map(String).join('.')}` : '$';
  return `${what} is invalid at ${path}: ${issue.message}`;
}
