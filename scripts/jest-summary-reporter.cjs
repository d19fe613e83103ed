// Prints the plain closing line `Tests: N passed, N failed` (plus skipped) after
// Jest's own summary, so CI logs state the count in one unambiguous line.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    // After Jest's own summary (printed by the default reporter in the same tick).
    setImmediate(() => process.stderr.write(`${line}\n`));
  }
}
module.exports = SummaryLineReporter;
