// `huggingface.testConnection`: checks the setup step by step (URLs, token, endpoint)
// and says what is wrong, with the action that fixes it.
import * as vscode from 'vscode';
import { getJson, safeOrigin } from './httpGet';
import type { HubClient } from './hubClient';
import type { Network } from './network';
import type { TokenStore } from './secrets';
import { openSettings, type SettingsWatcher } from './settings';
import { isHuggingFaceHost, urlProblem } from './urls';
import { showError, showInfo, withNotificationProgress } from './notify';

export interface ConnectionReport {
  ok: boolean;
  findings: string[];
  problems: string[];
}

export class ConnectionCheck {
  constructor(
    private readonly tokens: TokenStore,
    private readonly hub: HubClient,
    private readonly network: Network,
    private readonly settings: SettingsWatcher,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async run(): Promise<ConnectionReport> {
    const report = await withNotificationProgress({ title: 'Testing the Hugging Face connection…' }, () => this.check());
    for (const f of report.findings) this.log.info(`Connection test: ${f}`);
    for (const p of report.problems) this.log.warn(`Connection test: ${p}`);
    if (report.ok) {
      void showInfo(`Hugging Face connection OK. ${report.findings.join(' ')}`);
    } else {
      const tokenProblem = report.problems.some((p) => /token/i.test(p));
      const actions = [...(tokenProblem ? ['Set Token…'] : []), 'Open Settings', 'Show Log'];
      void showError(`Hugging Face connection: ${report.problems.join(' ')}`, ...actions).then((c) => {
        if (c === 'Set Token…') void vscode.commands.executeCommand('huggingface.setToken');
        else if (c === 'Open Settings') void openSettings();
        else if (c === 'Show Log') this.log.show();
      });
    }
    return report;
  }

  private async check(): Promise<ConnectionReport> {
    const s = this.settings.current;
    const token = await this.tokens.get();
    const findings: string[] = [];
    const problems: string[] = [];
    const baseProblem = urlProblem(s.baseUrl, 'huggingface.baseUrl', token !== undefined);
    const hubProblem = urlProblem(s.hubUrl, 'huggingface.hubUrl', token !== undefined);
    for (const p of [baseProblem, hubProblem]) if (p) problems.push(p);

    if (!token) {
      if (isHuggingFaceHost(s.baseUrl)) problems.push('No token is set, and Hugging Face needs one.');
      else findings.push('No token is set (none is sent to your endpoint).');
    } else if (!hubProblem) {
      try {
        const user = await this.hub.whoami(token);
        findings.push(`The token is valid: signed in as ${user.name}.`);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }

    if (!baseProblem) {
      const origin = safeOrigin(s.baseUrl);
      try {
        // No token here: this only checks that the endpoint answers.
        const { status } = await getJson(s.baseUrl, { dispatcher: await this.network.dispatcher(), headers: this.network.headers, timeoutMs: 15_000 });
        if (status === 410) problems.push(`${origin} is retired (410 Gone): set huggingface.baseUrl to https://router.huggingface.co/hf-inference.`);
        else findings.push(`${s.isCustomEndpoint ? 'Your endpoint' : origin} answers (HTTP ${status}).`);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return { ok: problems.length === 0, findings, problems };
  }
}
