// Loads the extension's TextMate grammars the way VS Code does (vscode-textmate +
// the Oniguruma WebAssembly build), over the YAML grammar that the `tm-grammars`
// package ships, and tokenizes text into (text, scopes) pairs for assertions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '..', '..', '..');
const grammarFiles: Record<string, string> = {
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'source.huggingface-component': join(root, 'syntaxes/huggingface-component.tmLanguage.json'),
  'huggingface-component.recipe.injection': join(root, 'syntaxes/instill-recipe.injection.tmLanguage.json'),
};

export interface Token {
  text: string;
  scopes: string[];
}

let registry: Promise<textmate.Registry> | undefined;

function load(): Promise<textmate.Registry> {
  registry ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scopeName) => {
        const file = grammarFiles[scopeName];
        return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
      // As the manifest's `injectTo: ["source.yaml"]` does in VS Code.
      getInjections: (scopeName) => (scopeName === 'source.yaml' ? ['huggingface-component.recipe.injection'] : undefined),
    });
  })();
  return registry;
}

/** Every token of every line, with its scopes (outermost first). */
export async function tokenize(scopeName: 'source.yaml' | 'source.huggingface-component', text: string): Promise<Token[]> {
  const grammar = await (await load()).loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  }
  return tokens;
}

/** The scopes of the first token whose text is `text`. */
export function scopesOf(tokens: Token[], text: string): string[] {
  const found = tokens.find((t) => t.text === text);
  if (!found) throw new Error(`no token "${text}" in: ${tokens.map((t) => JSON.stringify(t.text)).join(' ')}`);
  return found.scopes;
}
