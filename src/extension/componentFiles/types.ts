// The model of a component file (`*.hf.yaml`) or an Instill recipe, shared by the
// parser, the checks, the runner and the editor features. Positions are offsets
// into the file's text; the VS Code glue turns them into ranges.
import type { Document, Node, Pair, YAMLMap } from 'yaml';

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

/** A quick fix: edits that make a problem go away. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export type Severity = 'error' | 'warning' | 'information';

export type ProblemCode =
  | 'syntax'
  | 'not-a-component'
  | 'missing-task'
  | 'unknown-task'
  | 'invalid-field'
  | 'unknown-parameter'
  | 'unknown-key'
  | 'key-in-file'
  | 'duplicate-name'
  | 'unknown-reference'
  | 'reference-order'
  | 'reference-cycle'
  | 'untrusted'
  | 'retired-endpoint';

export interface Problem {
  span: Span;
  severity: Severity;
  code: ProblemCode;
  message: string;
  fix?: Fix;
}

/** `components`: documents of a `*.hf.yaml` file; `recipe`: the hugging-face components of an Instill recipe. */
export type FileKind = 'components' | 'recipe';

/** One thing that can be run: a document of a component file or a hugging-face component of a recipe. */
export interface Unit {
  /** Position among the file's runnable units. */
  index: number;
  /** What `${<id>.output.…}` calls it: the document's `name`, or the recipe component's id. */
  id?: string;
  idSpan?: Span;
  task?: string;
  taskSpan?: Span;
  /** The document or component, from its first to its last content character. */
  span: Span;
  /** Where its CodeLens goes. */
  lensSpan: Span;
  /** The document's or component's own map (`task`, `input`, `setup`…). */
  map: YAMLMap;
  /** The YAML document the unit lives in. */
  doc: Document;
  /** Indentation of the unit's keys (0 in component files). */
  indent: number;
}

export interface RecipeVariable {
  name: string;
  span: Span;
  title?: string;
  type?: string;
}

export interface ParsedFile {
  kind: FileKind;
  text: string;
  units: Unit[];
  /** Recipe variables (`variable:`), by name. */
  variables: Map<string, RecipeVariable>;
  /** Ids of recipe components that are not hugging-face ones (they cannot run here). */
  otherComponents: Set<string>;
  /** Syntax and shape problems found while parsing. */
  problems: Problem[];
}

export type { Node, Pair, YAMLMap };
