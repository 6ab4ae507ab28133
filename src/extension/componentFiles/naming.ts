// Field spellings and typo suggestions. Instill recipes of later versions spell
// every field in kebab-case (`max-new-tokens`); the spec and the executor use
// snake_case (`max_new_tokens`).

export const toSnake = (name: string): string => name.replace(/-/g, '_');
export const toKebab = (name: string): string => name.replace(/_/g, '-');

/** Whether two field names are the same field in either spelling. */
export const sameField = (a: string, b: string): boolean => toSnake(a) === toSnake(b);

/** The candidate closest to `word` within `maxDistance` edits (case-insensitive), if any. */
export function closest(word: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
