// The model picker shown when a command is not given a model: the default first
// (Enter takes it), a live Hub search for the task's pipeline tag with served marks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HfTestServer } from '../support/hfServer';
import { closeEditors, configure, inferenceRequests, openText, startHf, stopHf, until } from './hostHelpers';

describe('model picker', function () {
  this.timeout(30_000);
  let server: HfTestServer;

  before(async () => {
    server = await startHf();
  });
  after(async () => {
    await configure({ defaultModels: undefined });
    await stopHf(server);
  });
  beforeEach(() => server.reset());
  afterEach(closeEditors);

  const hubSearches = () => server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/models?'));

  /** Starts a summary without a model, waits for the picker's Hub search, then accepts the active item. */
  async function summarizeWithPicker(): Promise<string | undefined> {
    await openText('Picked in the picker. Yes.', 'Picked in the picker. Yes.');
    const running = vscode.commands.executeCommand('huggingface.summarize', { placement: 'replace' });
    await until('the picker\'s Hub search', () => hubSearches().length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    return inferenceRequests(server)[0]?.path;
  }

  it('searches the Hub for the task\'s models, marking the ones hf-inference serves, and Enter takes the default', async () => {
    assert.equal(await summarizeWithPicker(), '/models/facebook/bart-large-cnn');
    const [all, served] = hubSearches().map((r) => new URL(r.path, server.url).searchParams);
    assert.equal(all.get('pipeline_tag'), 'summarization');
    assert.equal(all.get('sort'), 'downloads');
    assert.equal(served.get('inference_provider'), 'hf-inference');
  });

  it('starts from the model set in huggingface.defaultModels', async () => {
    await configure({ defaultModels: { TASK_SUMMARIZATION: 'sshleifer/distilbart-cnn-12-6' } });
    assert.equal(await summarizeWithPicker(), '/models/sshleifer/distilbart-cnn-12-6');
  });
});
