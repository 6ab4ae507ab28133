// Whether a YAML file is an Instill recipe, from its text alone: cheap enough to
// run on every YAML file, and free of imports so the editor glue can use it
// without loading the parser.

/** `version: v1beta` and a `component:` map at the top level. */
export function looksLikeRecipe(text: string): boolean {
  return /^version:[ \t]*["']?v1beta["']?[ \t]*(?:#.*)?$/m.test(text) && /^component:[ \t]*(?:#.*)?$/m.test(text);
}
