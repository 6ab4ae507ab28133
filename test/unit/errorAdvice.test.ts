import { strict as assert } from 'node:assert';
import { adviseOnError, type RunContext } from '../../src/extension/errorAdvice';

describe('errorAdvice', () => {
  const run: RunContext = { taskTitle: 'Summarization', model: 'facebook/bart-large-cnn', availability: 'served', isCustomEndpoint: false };
  const kinds = (a: ReturnType<typeof adviseOnError>) => a.actions.map((x) => (x.kind === 'openSettings' ? `settings:${x.query}` : x.kind));

  it('offers to set the token on 401 and 403', () => {
    assert.deepEqual(kinds(adviseOnError({ code: 'HTTP', status: 401, message: 'Invalid token.' }, run)), ['setToken', 'showLog']);
    assert.deepEqual(kinds(adviseOnError({ code: 'HTTP', status: 403, message: 'No permission.' }, run)), ['setToken', 'openUrl', 'showLog']);
  });

  it('points network failures, 410 and timeouts to the setting that fixes them', () => {
    assert.deepEqual(kinds(adviseOnError({ code: 'NETWORK', message: 'x' }, run)), ['settings:huggingface.baseUrl', 'showLog']);
    const untrusted = { code: 'NETWORK', message: 'Could not reach https://x/: its TLS certificate is self-signed and not trusted (add its CA certificate).' };
    assert.deepEqual(kinds(adviseOnError(untrusted, run)), ['settings:huggingface.caCertificateFile', 'showLog']);
    assert.deepEqual(kinds(adviseOnError({ code: 'HTTP', status: 410, message: 'x' }, run)), ['settings:huggingface.baseUrl', 'showLog']);
    assert.deepEqual(kinds(adviseOnError({ code: 'TIMEOUT', message: 'x' }, run)), ['settings:huggingface.requestTimeoutSeconds', 'showLog']);
    assert.deepEqual(kinds(adviseOnError({ code: 'HTTP', status: 503, message: 'loading' }, run)), ['settings:huggingface.maxWaitSeconds', 'showLog']);
  });

  it('explains that a task hf-inference no longer serves needs a custom endpoint', () => {
    const advice = adviseOnError({ code: 'HTTP', status: 404, message: 'Not Found.' }, { ...run, taskTitle: 'Image to Text', availability: 'endpoint' });
    assert.match(advice.message, /no longer serves Image to Text.*huggingface\.isCustomEndpoint/);
    assert.deepEqual(kinds(advice), ['settings:huggingface.isCustomEndpoint', 'showLog']);
    const onEndpoint = adviseOnError({ code: 'HTTP', status: 404, message: 'Not Found.' }, { ...run, availability: 'endpoint', isCustomEndpoint: true });
    assert.doesNotMatch(onEndpoint.message, /no longer serves/);
  });

  it('names the task and model, and keeps the executor\'s message', () => {
    const advice = adviseOnError({ code: 'INVALID_INPUT', message: '/inputs must be a string.' }, run);
    assert.equal(advice.message, 'Summarization with facebook/bart-large-cnn failed: /inputs must be a string.');
  });
});
