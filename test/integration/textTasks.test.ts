// Every text task's command end to end, inside the real VS Code, against the loopback
// HF server: the document text afterwards, what is shown inline, and what was sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inferenceRequests, inlineResults, openText, TOKEN, until, useHfServer } from './hostHelpers';

const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`huggingface.${command}`, ...args);

describe('text tasks from their commands', function () {
  this.timeout(30_000);
  const hf = useHfServer();

  it('Summarize inserts the summary below the selection, as one undo step', async () => {
    const text = 'Intro\nThe tower is 324 metres tall. It is in Paris.\nOutro';
    const editor = await openText(text, 'The tower is 324 metres tall. It is in Paris.');
    const output = await run('summarize', { model: 'facebook/bart-large-cnn' });
    assert.deepEqual(output, { summary_text: 'The tower is 324 metres tall.' });
    assert.equal(editor.document.getText(), 'Intro\nThe tower is 324 metres tall. It is in Paris.\nThe tower is 324 metres tall.\nOutro');
    const [request] = inferenceRequests(hf.server);
    assert.equal(request.path, '/models/facebook/bart-large-cnn');
    assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(request.json, { inputs: 'The tower is 324 metres tall. It is in Paris.' });
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text);
  });

  it('Summarize replaces the selection when asked, and one undo brings the text back', async () => {
    const text = 'The tower is 324 metres tall. It is in Paris.';
    const editor = await openText(text, text);
    await run('summarize', { model: 'facebook/bart-large-cnn', placement: 'replace', parameters: { max_length: 3 } });
    assert.equal(editor.document.getText(), 'The tower is');
    assert.deepEqual((inferenceRequests(hf.server)[0].json as { parameters: unknown }).parameters, { max_length: 3 });
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text);
  });

  it('uses the whole document when nothing is selected, up to huggingface.maxInputCharacters', async () => {
    const editor = await openText('Whole document here. Second sentence.');
    await run('summarize', { model: 'facebook/bart-large-cnn', placement: 'replace' });
    assert.equal(editor.document.getText(), 'Whole document here.');
    await vscode.workspace.getConfiguration('huggingface').update('maxInputCharacters', 5, vscode.ConfigurationTarget.Global);
    try {
      hf.server.reset();
      assert.equal(await run('summarize', { model: 'facebook/bart-large-cnn' }), undefined);
      assert.equal(inferenceRequests(hf.server).length, 0, 'nothing is sent beyond the limit');
    } finally {
      await vscode.workspace.getConfiguration('huggingface').update('maxInputCharacters', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Translate replaces the selection with the translation', async () => {
    const editor = await openText('Hello world', 'Hello world');
    assert.deepEqual(await run('translate', { model: 'Helsinki-NLP/opus-mt-en-fr', placement: 'replace' }), { translation_text: 'Bonjour monde' });
    assert.equal(editor.document.getText(), 'Bonjour monde');
  });

  it('Fill Mask writes the best word into the user\'s own text, and sends nothing without a mask', async () => {
    const editor = await openText('Paris is [MASK] capital of France.', 'Paris is [MASK] capital of France.');
    await run('fillMask', { model: 'google-bert/bert-base-uncased', placement: 'replace' });
    assert.equal(editor.document.getText(), 'Paris is the capital of France.');
    hf.server.reset();
    await openText('No mask here.', 'No mask here.');
    assert.equal(await run('fillMask', { model: 'google-bert/bert-base-uncased' }), undefined);
    assert.equal(inferenceRequests(hf.server).length, 0);
  });

  it('Classify Text shows the top label at the end of the line, every label on hover', async () => {
    const editor = await openText('I love this editor.\nSecond line', 'I love this editor.');
    await run('classifyText', { model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english' });
    const shown = await inlineResults(editor.document);
    assert.equal(shown.length, 1);
    assert.equal(shown[0].kind, 'label');
    assert.match(shown[0].text ?? '', /^POSITIVE 0\.9\d\d$/);
    assert.equal(shown[0].range.start.line, 0);
    assert.equal(editor.document.getText(shown[0].range), 'I love this editor.');
    assert.match(shown[0].hover, /POSITIVE[\s\S]*NEGATIVE/);
    assert.match(shown[0].hover, /command:huggingface\.showDetails/);
  });

  it('Open in panel, from a result\'s hover, shows that input and result in the task\'s panel without running again', async () => {
    await openText('I love this editor.', 'I love this editor.');
    await run('classifyText', { model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english' });
    const [shown] = await inlineResults(vscode.window.activeTextEditor!.document);
    const link = /\[Open in panel\]\(command:huggingface\.showResultInPanel\?([^)]+)\)/.exec(shown.hover);
    assert.ok(link, shown.hover);
    const [id] = JSON.parse(decodeURIComponent(link[1])) as [number];
    assert.equal(await vscode.commands.executeCommand('huggingface.showResultInPanel', id), 'TASK_TEXT_CLASSIFICATION');
    const panel = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Text Classification' && t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('huggingface.taskPanel'));
    await until('the Text Classification panel', () => panel() !== undefined);
    assert.equal(inferenceRequests(hf.server).length, 1, 'no second run');
  });

  it('Zero-Shot Classification scores the labels given, and the result leaves when its text is edited', async () => {
    const editor = await openText('Please refund my order, it arrived broken.', 'Please refund my order, it arrived broken.');
    const output = await run<{ labels: string[] }>('zeroShotClassify', { model: 'facebook/bart-large-mnli', labels: ['question', 'refund'] });
    assert.equal(output?.labels[0], 'refund');
    assert.deepEqual((inferenceRequests(hf.server)[0].json as { parameters: unknown }).parameters, { candidate_labels: ['question', 'refund'] });
    const [label] = await inlineResults(editor.document);
    assert.match(label.text ?? '', /^refund \d\.\d{3}$/);
    await editor.edit((b) => b.insert(new vscode.Position(0, 7), ' please'));
    assert.deepEqual(await inlineResults(editor.document), [], 'a result about edited text is dropped');
  });

  it('Find Entities highlights each entity in its label\'s colour, label and score on hover', async () => {
    const text = 'Intro line.\nMy friend Sarah Jessica Parker lives in Paris and works at Google.';
    const editor = await openText(text, 'My friend Sarah Jessica Parker lives in Paris and works at Google.');
    await run('findEntities', { model: 'dslim/bert-base-NER' });
    const spans = await inlineResults(editor.document);
    assert.deepEqual(spans.map((s) => [s.kind, s.text, editor.document.getText(s.range)]), [
      ['span', 'PER', 'Sarah Jessica Parker'],
      ['span', 'LOC', 'Paris'],
      ['span', 'ORG', 'Google'],
    ]);
    assert.match(spans[0].hover, /\*\*PER\*\* 0\.9\d\d/);
    assert.deepEqual((inferenceRequests(hf.server)[0].json as { parameters: unknown }).parameters, { aggregation_strategy: 'simple' });
  });

  it('Ask About the Text highlights the answer in the document', async () => {
    const editor = await openText('Notes\nSarah lives in Paris. She works at Google.', 'Sarah lives in Paris. She works at Google.');
    const output = await run<{ answer: string }>('answerQuestion', { model: 'deepset/roberta-base-squad2', question: 'Where does Sarah live?' });
    assert.equal(output?.answer, 'Paris');
    const [highlight] = await inlineResults(editor.document);
    assert.equal(highlight.kind, 'highlight');
    assert.equal(editor.document.getText(highlight.range), 'Paris');
    assert.equal(highlight.range.start.line, 1);
  });

  it('Ask About the Table reads a CSV document and highlights the answer cell', async () => {
    const editor = await openText('Repository,Stars\nTransformers,36542\nDatasets,4512\n');
    const output = await run<{ answer: string }>('answerTableQuestion', { model: 'google/tapas-base-finetuned-wtq', query: 'What are the stars of Datasets?' });
    assert.equal(output?.answer, '4512');
    assert.deepEqual((inferenceRequests(hf.server)[0].json as { inputs: unknown }).inputs, {
      query: 'What are the stars of Datasets?',
      table: { Repository: ['Transformers', 'Datasets'], Stars: ['36542', '4512'] },
    });
    const shown = await inlineResults(editor.document);
    assert.deepEqual(shown.map((s) => [s.kind, s.kind === 'label' ? s.text : editor.document.getText(s.range)]), [
      ['label', 'answer: 4512'],
      ['highlight', '4512'],
    ]);
  });

  it('Ask About the Table reads a selected Markdown table and highlights every cell an aggregate uses', async () => {
    const table = '| Repository | Stars |\n| --- | ---: |\n| Transformers | 36542 |\n| Datasets | 4512 |';
    const editor = await openText(`# Stars\n\n${table}\n\nMore text.`, table, 'markdown');
    const output = await run<{ aggregator: string }>('answerTableQuestion', { model: 'google/tapas-base-finetuned-wtq', query: 'What is the total of stars?' });
    assert.equal(output?.aggregator, 'SUM');
    const cells = (await inlineResults(editor.document)).filter((s) => s.kind === 'highlight').map((s) => editor.document.getText(s.range));
    assert.deepEqual(cells, ['36542', '4512']);
  });

  it('Compare Lines puts a similarity score after each line', async () => {
    const editor = await openText('the cat sat\nthe cat sat down\na dog ran');
    assert.deepEqual(await run('sentenceSimilarity', { model: 'sentence-transformers/all-MiniLM-L6-v2' }), { scores: [0.75, 0] });
    const shown = await inlineResults(editor.document);
    assert.deepEqual(shown.map((s) => [s.range.start.line, s.text]), [
      [0, 'source sentence'],
      [1, 'similarity 0.750'],
      [2, 'similarity 0.000'],
    ]);
  });

  it('Continue Text streams the continuation into the editor as it arrives', async () => {
    const token = (i: number, text: string) => `data:${JSON.stringify({ index: i, token: { id: i, text, logprob: -0.1, special: false }, generated_text: null, details: null })}\n\n`;
    hf.server.script({ match: '/models/', sse: [token(1, 'One'), token(2, ' upon'), token(3, ' a'), token(4, ' time.')], sseDelayMs: 250 });
    const editor = await openText('Prompt:', 'Prompt:');
    const seen: string[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => e.document === editor.document && seen.push(e.document.getText()));
    try {
      const output = await run('generateText', { model: 'openai-community/gpt2', placement: 'insertBelow' });
      assert.deepEqual(output, { generated_text: 'One upon a time.' });
    } finally {
      listener.dispose();
    }
    assert.equal(editor.document.getText(), 'Prompt:\nOne upon a time.');
    assert.ok(seen.length >= 3, `expected the text to arrive in several edits, saw ${JSON.stringify(seen)}`);
    assert.ok(seen.some((t) => t.length > 'Prompt:\n'.length && t.length < 'Prompt:\nOne upon a time.'.length), 'a partial text was shown');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'Prompt:', 'the whole stream is one undo step');
  });

  it('Chat streams replies into a chat document and sends the history on the next turn', async () => {
    await openText('The tower is in Paris.', 'The tower is in Paris.');
    const first = await run<{ generated_text: string }>('chat', { model: 'Qwen/Qwen2.5-7B-Instruct', message: 'Where is it?' });
    assert.equal(first?.generated_text, 'Reply 1: Where is it?\n\nThe tower is in Paris.');
    const chat = vscode.window.activeTextEditor?.document;
    assert.equal(chat?.languageId, 'markdown');
    assert.match(chat?.getText() ?? '', /\*\*You:\*\*\n\nWhere is it\?\n\nThe tower is in Paris\.\n\n\*\*Qwen\/Qwen2\.5-7B-Instruct:\*\*\n\nReply 1: Where is it\?/);
    const second = await run<{ generated_text: string; conversation: { past_user_inputs: string[] } }>('chat', { message: 'And then?' });
    assert.equal(second?.generated_text, 'Reply 2: And then?');
    assert.equal(second?.conversation.past_user_inputs.length, 2);
    const body = inferenceRequests(hf.server).at(-1)?.json as { messages: { role: string }[]; stream: boolean };
    assert.deepEqual(body.messages.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.equal(body.stream, true);
    assert.match(chat?.getText() ?? '', /Reply 2: And then\?/);
  });

  it('Show Details opens the last result as JSON', async () => {
    await openText('Good news. Bad news.', 'Good news. Bad news.');
    await run('classifyText', { model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english' });
    // The editor the command opened (JSON editors of earlier tests may still be around).
    const editor = await run<vscode.TextEditor>('showDetails');
    assert.equal(editor?.document.languageId, 'json');
    const shown = JSON.parse(editor?.document.getText() ?? '{}');
    assert.equal(shown.task, 'TASK_TEXT_CLASSIFICATION');
    assert.equal(shown.output.results[0].label, 'POSITIVE');
  });
});
