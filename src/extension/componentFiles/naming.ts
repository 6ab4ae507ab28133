// Field spellings and typo suggestions. Instill recipes of later versions spell
// every field in kebab-case (`max-new-tokens`); the spec and the executor use
// snake_case (`max_new_tokens`).

export const toSnake = (name: string): string => name.replace(/-/g, '_');
export const toKebab = (name: string): string => name.replace(/_/g, '-');

/** Whether two field names are the same field in either spelling. */
export const sameField = (a: string, b: string): boolean => toSnake(a) === toSnake(b);

// One "did you mean" for the whole extension: the executor's.
export { closest } from '../../executor';
