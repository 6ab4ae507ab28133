// The Hugging Face token, kept only in VS Code's SecretStorage (the OS keychain on
// desktop). Nothing else in the extension stores, logs or shows it.
import * as vscode from 'vscode';

const TOKEN_KEY = 'huggingface.token';
/** The signed-in user's name (not a secret): lets the status bar show it without a request. */
const USER_KEY = 'huggingface.user';

export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    // Also fires when another window of VS Code signs in or out.
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === TOKEN_KEY) this.changed.fire();
    });
  }

  async get(): Promise<string | undefined> {
    return (await this.secrets.get(TOKEN_KEY)) || undefined;
  }

  get userName(): string | undefined {
    return this.state.get<string>(USER_KEY);
  }

  async store(token: string, userName: string): Promise<void> {
    await this.state.update(USER_KEY, userName);
    await this.secrets.store(TOKEN_KEY, token);
  }

  async delete(): Promise<void> {
    await this.state.update(USER_KEY, undefined);
    await this.secrets.delete(TOKEN_KEY);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
