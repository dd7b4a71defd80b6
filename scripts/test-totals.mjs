// Prints one closing line, "Tests: N passed, N failed", from the Vitest and Playwright JSON reports,
// so whoever reads the end of a CI log sees how many tests ran without knowing either runner.
import { readFileSync } from 'node:fs';

const read = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

const unit = read('.test-results/unit.json');
const e2e = read('.test-results/e2e.json');
let passed = 0;
let failed = 0;
let skipped = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
if (!unit || !e2e) {
  console.error(`test totals: missing ${!unit ? 'the unit' : 'the e2e'} report`);
  process.exit(1);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
