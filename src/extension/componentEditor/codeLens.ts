// "▶ Run" / "▶ Run all" above each document of a component file, "▶ Run component"
// above each hugging-face component of a recipe, and a spinner above the one running
// (a click cancels it). Plain YAML files get none.
import * as vscode from 'vscode';
import { parsedDocument, toRange } from './documents';
import { CANCEL_COMMAND, type RunningRuns } from './runningRuns';

export const RUN_COMMAND = 'huggingface.runComponent';
export const RUN_ALL_COMMAND = 'huggingface.runAllComponents';

export class ComponentCodeLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly runs: RunningRuns) {
    this.onDidChangeCodeLenses = runs.onDidChange;
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const parsed = await parsedDocument(document);
    if (!parsed) return [];
    const lenses: vscode.CodeLens[] = [];
    const running = this.runs.running(document.uri);
    for (const unit of parsed.units) {
      const range = toRange(document, unit.lensSpan);
      if (unit.index === running) {
        lenses.push(new vscode.CodeLens(range, { title: '$(sync~spin) Running… (click to cancel)', command: CANCEL_COMMAND, arguments: [document.uri], tooltip: 'Cancel this run' }));
        continue;
      }
      const what = unit.id ?? unit.task ?? `document ${unit.index + 1}`;
      const title = parsed.kind === 'recipe' ? '▶ Run component' : '▶ Run';
      lenses.push(new vscode.CodeLens(range, { title, command: RUN_COMMAND, arguments: [document.uri, unit.index], tooltip: `Run ${what}${parsed.kind === 'recipe' ? ' (and the components it uses first)' : ''}` }));
      if (parsed.kind === 'components' && unit.index === 0 && parsed.units.length > 1) {
        lenses.push(new vscode.CodeLens(range, { title: '▶ Run all', command: RUN_ALL_COMMAND, arguments: [document.uri], tooltip: 'Run every document, top to bottom' }));
      }
    }
    return lenses;
  }
}
