// The account item in the status bar: who is signed in, or "Sign in"; a click sets the token.
import * as vscode from 'vscode';
import type { TokenStore } from './secrets';
import { inlineText } from './format';

export class AccountStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('huggingface.account', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tokens: TokenStore) {
    this.item.name = 'Hugging Face Account';
    this.item.command = 'huggingface.setToken';
    this.subscription = tokens.onDidChange(() => void this.refresh());
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const signedIn = (await this.tokens.get()) !== undefined;
    // The Hub's name for the user: one short line, and `$(…)` shown as written, not as an icon.
    const user = inlineText(this.tokens.userName ?? '', 40);
    this.item.text = signedIn ? `$(account) HF: ${user.replace(/\$\(/g, '\\$(') || 'signed in'}` : '$(sign-in) HF: Sign in';
    this.item.tooltip = signedIn
      ? `Signed in to Hugging Face${user ? ` as ${user}` : ''}. Click to change the token.`
      : 'Not signed in to Hugging Face. Click to set your access token.';
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
