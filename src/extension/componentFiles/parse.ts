// Parsing component files and Instill recipes with the `yaml` package, keeping
// every node's position. A component file holds one component per document
// (`---`); a recipe holds its components in a `component:` map.
import { isMap, isScalar, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import type { FileKind, ParsedFile, Problem, RecipeVariable, Span, Unit } from './types';
import { columnOf, keyName, pairOf, spanOf, stringValue, valueOf } from './yamlNodes';

/** The component type of Hugging Face components in recipes. */
export const RECIPE_COMPONENT_TYPE = 'hugging-face';

export function parseFile(text: string, kind: FileKind): ParsedFile {
  const file: ParsedFile = { kind, text, units: [], variables: new Map(), otherComponents: new Set(), problems: [] };
  const parsed = parseAllDocuments(text, { uniqueKeys: true });
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) file.problems.push(...syntaxProblems(doc, text));
  if (kind === 'components') docs.forEach((doc) => addDocument(file, doc));
  else {
    const recipe = docs.find((d) => isMap(d.contents) && d.contents.has('component'));
    if (recipe) addRecipe(file, recipe);
  }
  return file;
}

function syntaxProblems(doc: Document, text: string): Problem[] {
  return [...doc.errors, ...doc.warnings].map((e) => {
    const start = Math.min(e.pos[0], text.length);
    let end = Math.max(start, Math.min(e.pos[1], text.length));
    // The parser often points at one character: widen it to the word there (a duplicate key, say).
    if (end - start <= 1) end = Math.max(end, start + (/^[\w-]+/.exec(text.slice(start))?.[0].length ?? 0));
    const span: Span = { start, end };
    return { span, severity: e.name === 'YAMLWarning' ? 'warning' : 'error', code: 'syntax', message: e.message.split('\n')[0] };
  });
}

function addDocument(file: ParsedFile, doc: Document): void {
  const contents = doc.contents;
  // An empty document (comments only, or a trailing ---).
  if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) return;
  const span = spanOf(contents as Node)!;
  if (!isMap(contents)) {
    file.problems.push({ span, severity: 'error', code: 'not-a-component', message: 'A component is a map with `task`, `input` and optionally `setup` and `name`.' });
    return;
  }
  const namePair = pairOf(contents, 'name', false);
  const unit = makeUnit(file, doc, contents, span, { start: span.start, end: span.start });
  const name = stringValue(namePair?.value);
  if (name !== undefined) {
    unit.id = name;
    unit.idSpan = spanOf(namePair!.value);
  }
  file.units.push(unit);
}

function addRecipe(file: ParsedFile, doc: Document): void {
  const root = doc.contents as YAMLMap;
  const variables = valueOf(root, 'variable', false);
  if (isMap(variables)) {
    for (const pair of variables.items) {
      const name = keyName(pair);
      if (name === undefined) continue;
      const v: RecipeVariable = { name, span: spanOf(pair.key as Node)! };
      if (isMap(pair.value)) {
        v.title = stringValue(valueOf(pair.value, 'title', false));
        v.type = stringValue(valueOf(pair.value, 'type', false)) ?? stringValue(valueOf(pair.value, 'instill-format', true));
      }
      file.variables.set(name, v);
    }
  }
  const components = valueOf(root, 'component', false);
  if (!isMap(components)) return;
  for (const pair of components.items) {
    const id = keyName(pair);
    if (id === undefined || !isMap(pair.value)) continue;
    if (stringValue(valueOf(pair.value, 'type', false)) !== RECIPE_COMPONENT_TYPE) {
      file.otherComponents.add(id);
      continue;
    }
    const keySpan = spanOf(pair.key as Node)!;
    const unit = makeUnit(file, doc, pair.value, { start: keySpan.start, end: spanOf(pair.value)!.end }, keySpan);
    unit.id = id;
    unit.idSpan = keySpan;
    const firstKey = pair.value.items[0]?.key as Node | undefined;
    // Block maps: the column of their keys; flow maps (`hf-0: {…}`): one level in from the id.
    unit.indent = !pair.value.flow && firstKey?.range ? columnOf(file.text, firstKey.range[0]) : columnOf(file.text, keySpan.start) + 2;
    file.units.push(unit);
  }
}

function makeUnit(file: ParsedFile, doc: Document, map: YAMLMap, span: Span, lensSpan: Span): Unit {
  const unit: Unit = { index: file.units.length, span, lensSpan, map, doc, indent: 0 };
  const taskNode = valueOf(map, 'task', false);
  const task = stringValue(taskNode);
  if (task !== undefined) {
    unit.task = task;
    unit.taskSpan = spanOf(taskNode);
  }
  return unit;
}
