// Mocha's spec reporter, plus a JSON file of the counts for scripts/test.mjs to add up.
'use strict';
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const skipped = [];
    runner.on('pending', (test) => skipped.push(test.fullTitle()));
    runner.once('end', () => {
      const file = process.env.TEST_STATS_FILE;
      const s = runner.stats || {};
      if (file) writeFileSync(file, JSON.stringify({ passed: s.passes || 0, failed: s.failures || 0, skipped: s.pending || 0, skippedTitles: skipped }));
    });
  }
}
module.exports = CountingReporter;
