import { strict as assert } from 'node:assert';
import { estimateRemainingMs, formatDuration, progressMessage } from '../../src/extension/batchProgress';
import { combinedText, formatTimestamp, transcriptText } from '../../src/extension/transcript';

describe('batch progress and ETA', () => {
  it('formats durations for people', () => {
    assert.equal(formatDuration(0), '1 s');
    assert.equal(formatDuration(4200), '5 s');
    assert.equal(formatDuration(60_000), '1 min');
    assert.equal(formatDuration(95_000), '1 min 35 s');
    assert.equal(formatDuration(3_600_000), '1 h');
    assert.equal(formatDuration(7_380_000), '2 h 3 min');
  });

  it('estimates the time left from the pace so far', () => {
    assert.equal(estimateRemainingMs(0, 50, 1000), undefined);
    assert.equal(estimateRemainingMs(10, 50, 5000), 20_000);
    assert.equal(progressMessage(0, 50, 0), '0 / 50');
    assert.equal(progressMessage(10, 50, 5000), '10 / 50 · about 20 s left');
    assert.equal(progressMessage(50, 50, 9000), '50 / 50');
  });
});

describe('transcripts', () => {
  it('writes timestamps as m:ss.s (h:mm:ss.s past an hour)', () => {
    assert.equal(formatTimestamp(0), '0:00.0');
    assert.equal(formatTimestamp(75.25), '1:15.3');
    assert.equal(formatTimestamp(3725), '1:02:05.0');
    assert.equal(formatTimestamp(null), '…');
  });

  it('puts one timestamped line per chunk, or the text alone', () => {
    assert.equal(transcriptText({ text: '  Hello there. ' }), 'Hello there.');
    assert.equal(transcriptText({ text: 'a b', chunks: [{ text: 'a', timestamp: [0, 1.5] }, { text: ' b', timestamp: [1.5, null] }] }), '[0:00.0 → 0:01.5] a\n[0:01.5 → …] b');
  });

  it('heads each file\'s text with its name when there are several', () => {
    assert.equal(combinedText([{ name: 'a.wav', output: { text: 'hi' } }]), 'hi');
    assert.equal(combinedText([{ name: 'a.wav', output: { text: 'hi' } }, { name: 'b.wav', error: 'HTTP 500' }]), 'a.wav\nhi\n\nb.wav\n(failed: HTTP 500)');
  });
});
