import { strict as assert } from 'node:assert';
import { isHuggingFaceHost, urlProblem } from '../../src/extension/urls';

describe('urls', () => {
  it('knows Hugging Face\'s hosts', () => {
    assert.ok(isHuggingFaceHost('https://router.huggingface.co/hf-inference'));
    assert.ok(isHuggingFaceHost('https://xyz.us-east-1.aws.endpoints.huggingface.cloud') === false);
    assert.ok(isHuggingFaceHost('https://hf.co'));
    assert.ok(!isHuggingFaceHost('https://huggingface.co.evil.example'));
    assert.ok(!isHuggingFaceHost('not a url'));
  });

  it('sends a token only over HTTPS or to this machine', () => {
    assert.equal(urlProblem('https://router.huggingface.co/hf-inference', 's', true), undefined);
    assert.equal(urlProblem('http://127.0.0.1:8080', 's', true), undefined);
    assert.equal(urlProblem('http://localhost:8080', 's', true), undefined);
    assert.equal(urlProblem('http://[::1]:8080', 's', true), undefined);
    assert.match(urlProblem('http://10.0.0.5:8080', 's', true) ?? '', /only sent over HTTPS/);
    assert.equal(urlProblem('http://10.0.0.5:8080', 's', false), undefined);
  });

  it('rejects what is not an http(s) URL, and credentials in URLs', () => {
    assert.match(urlProblem('router.huggingface.co', 'huggingface.baseUrl', false) ?? '', /not a URL/);
    assert.match(urlProblem('file:///etc', 's', false) ?? '', /http\(s\)/);
    assert.match(urlProblem('https://u:p@host', 's', false) ?? '', /user name or password/);
  });
});
