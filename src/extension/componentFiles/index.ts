// Component files and Instill recipes without VS Code: parsing, checks, running,
// results, completions and hovers. The editor glue lives in ../componentEditor.
export { parseFile, RECIPE_COMPONENT_TYPE } from './parse';
export { looksLikeRecipe } from './recipeCheck';
export { checkFile, suggestTask, type CheckOptions } from './checks';
export { runUnits, RunFailure, spanOfField, type FailureDetails, type RunHost, type UnitRun } from './run';
export type { ReferenceHost } from './resolve';
export { outFileContent, outFileKey, outFileName, resultComment, resultCommentEdit, resultCommentEdits } from './results';
export { completions, type CompletionEntry, type CompletionKind } from './completion';
export { hoverAt, type HoverInfo } from './hover';
export { parseReference, type Reference } from './references';
export { decideSetup, isRetiredBaseUrl } from './setup';
export type * from './types';
