import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandHome, readCaFile, shownProxy } from '../../src/extension/caFile';
import { makeSelfSignedCertificate } from '../support/certs';

describe('CA certificate file and proxy display', () => {
  it('reads a PEM certificate file', async () => {
    const { certFile, cert } = makeSelfSignedCertificate();
    assert.deepEqual(await readCaFile(certFile), { pem: cert.toString('utf8') });
  });

  it('says why a file cannot be used, naming the setting and the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hf-ca-'));
    const notPem = join(dir, 'key.txt');
    writeFileSync(notPem, 'not a certificate');
    const problem = async (path: string) => ((await readCaFile(path)) as { problem: string }).problem;
    assert.equal(await problem(join(dir, 'missing.pem')), `The CA certificate file in huggingface.caCertificateFile could not be read (${join(dir, 'missing.pem')}: no such file). Fix the path or clear the setting.`);
    assert.match(await problem(dir), /could not be read \(.*: it is a folder\)/);
    assert.match(await problem(notPem), /key\.txt \(huggingface\.caCertificateFile\) holds no PEM certificate/);
    assert.match(await problem('certs/ca.pem'), /must be an absolute path \(it is "certs\/ca\.pem"\)/);
  });

  it('expands ~ to the home folder', () => {
    assert.equal(expandHome('~/ca.pem'), join(homedir(), 'ca.pem'));
    assert.equal(expandHome('~'), homedir());
    assert.equal(expandHome('/etc/~x'), '/etc/~x');
  });

  it('never shows a proxy\'s credentials', () => {
    assert.equal(shownProxy('http://user:s3cret@proxy.corp:3128/'), 'http://proxy.corp:3128');
    assert.equal(shownProxy('nonsense'), '(unparsable URL)');
  });
});
