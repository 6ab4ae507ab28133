// The walkthrough's "try it" step: a sample text to run the first task on.
import * as vscode from 'vscode';
import { showInfo } from './notify';

const SAMPLE = `The tower is 324 metres (1,063 ft) tall, about the same height as an 81-storey building, and the tallest structure in Paris. Its base is square, measuring 125 metres (410 ft) on each side. During its construction, the Eiffel Tower surpassed the Washington Monument to become the tallest man-made structure in the world, a title it held for 41 years until the Chrysler Building in New York City was finished in 1930.

Gustave Eiffel's company designed and built the tower for the 1889 World's Fair in Paris.
`;

export async function openSample(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: SAMPLE });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const firstParagraph = document.lineAt(0).range;
  editor.selection = new vscode.Selection(firstParagraph.start, firstParagraph.end);
  void showInfo('The first paragraph is selected: right-click it and choose Hugging Face → Summarize, or run any Hugging Face command from the Command Palette.');
}
