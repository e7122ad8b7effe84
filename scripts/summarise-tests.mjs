// Adds up the test reports of every layer into one closing line.
import { existsSync, readFileSync } from 'node:fs';

const dir = '.oila-test/reports';
const rows = [];
for (const [file, layer] of [['unit.json', 'unit'], ['int-embedded.json', 'integration (embedded PostgreSQL)'], ['int-server.json', 'integration (PostgreSQL server)']]) {
  if (!existsSync(`${dir}/${file}`)) continue;
  const r = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  rows.push({ layer, passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests });
}
if (existsSync(`${dir}/e2e.json`)) {
  const s = JSON.parse(readFileSync(`${dir}/e2e.json`, 'utf8')).stats;
  rows.push({ layer: 'browser (Chromium)', passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped });
}
if (existsSync(`${dir}/crash.txt`)) {
  const m = /crash: (\d+) passed, (\d+) failed/.exec(readFileSync(`${dir}/crash.txt`, 'utf8'));
  if (m) rows.push({ layer: 'crash trials', passed: Number(m[1]), failed: Number(m[2]), skipped: 0 });
}
console.log('\nlayer                               passed  failed  skipped');
for (const r of rows) console.log(`${r.layer.padEnd(36)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}${String(r.skipped).padStart(9)}`);
const total = rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
