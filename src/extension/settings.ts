// The extension's settings, read once into a typed snapshot and rebuilt only when a
// `huggingface.*` setting changes. Settings deciding where the token goes have
// application scope, so only the user's own settings can set them.
import * as vscode from 'vscode';
import type { Placement } from './commandArgs';

export interface Settings {
  readonly baseUrl: string;
  readonly isCustomEndpoint: boolean;
  readonly hubUrl: string;
  readonly requestTimeoutMs: number;
  readonly maxWaitMs: number;
  /** Task id → model id, overriding the built-in defaults. */
  readonly defaultModels: Readonly<Record<string, string>>;
  readonly textResult: Placement | 'ask';
  readonly maxInputCharacters: number;
  /** Image and audio files above this are refused without being read. */
  readonly maxMediaBytes: number;
  /** How many files a folder batch or a multi-selection runs at once. */
  readonly batchConcurrency: number;
  readonly batchReportFormat: 'csv' | 'json';
}

const SECTION = 'huggingface';

function read(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const seconds = (key: string, fallback: number, min: number) => Math.max(min, num(c.get(key), fallback)) * 1000;
  const textResult = c.get('textResult');
  return {
    baseUrl: str(c.get('baseUrl'), 'https://router.huggingface.co/hf-inference'),
    isCustomEndpoint: c.get('isCustomEndpoint') === true,
    hubUrl: str(c.get('hubUrl'), 'https://huggingface.co'),
    requestTimeoutMs: seconds('requestTimeoutSeconds', 300, 1),
    maxWaitMs: seconds('maxWaitSeconds', 120, 0),
    defaultModels: models(c.get('defaultModels')),
    textResult: textResult === 'replace' || textResult === 'ask' ? textResult : 'insertBelow',
    maxInputCharacters: Math.max(1, num(c.get('maxInputCharacters'), 20000)),
    maxMediaBytes: Math.max(1, num(c.get('maxMediaMegabytes'), 50)) * 2 ** 20,
    batchConcurrency: Math.min(64, Math.max(1, Math.floor(num(c.get('batchConcurrency'), 8)))),
    batchReportFormat: c.get('batchReportFormat') === 'json' ? 'json' : 'csv',
  };
}

export class SettingsWatcher implements vscode.Disposable {
  private snapshot = read();
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SECTION)) return;
    this.snapshot = read();
    this.changed.fire(this.snapshot);
  });

  readonly onDidChange = this.changed.event;

  get current(): Settings {
    return this.snapshot;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function openSettings(query = SECTION): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', query);
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() ? value.trim() : fallback;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function models(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '').map(([k, v]) => [k, v.trim()]));
}
