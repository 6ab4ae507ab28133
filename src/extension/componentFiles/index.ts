// Component files and Instill recipes without VS Code: parsing, checks, running,
// results, completions and hovers. The editor glue lives in ../componentEditor.
export { parseFile } from './parse';
export { looksLikeRecipe } from './recipeCheck';
export { checkFile, suggestTask } from './checks';
export { runUnits, RunFailure, type RunHost, type UnitRun } from './run';
export { outFileContent, outFileName, resultCommentEdit, resultCommentEdits } from './results';
export { completions, filePathAt, type CompletionKind } from './completion';
export { hoverAt } from './hover';
export { fileReferences, parseReference } from './references';
export type * from './types';
