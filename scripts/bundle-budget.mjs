// Prints the gzipped size of the JavaScript the first screen loads (the entry
// chunk and everything it imports statically) and fails the build over budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 60 * 1024;
const dist = process.argv[2] ?? 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error('bundle budget: no entry chunk in the Vite manifest');
  process.exit(1);
}

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const child of manifest[key].imports ?? []) visit(child);
};
visit(entryKey);

let total = 0;
for (const key of seen) {
  const file = manifest[key].file;
  const bytes = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += bytes;
  console.log(`  ${file}  ${(bytes / 1024).toFixed(1)} KB gzipped`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `First-screen JavaScript: ${(total / 1024).toFixed(1)} KB gzipped, ${total} bytes (${verdict} the ${BUDGET_BYTES / 1024} KB budget, ${BUDGET_BYTES - total} bytes to spare)`,
);
if (total > BUDGET_BYTES) process.exit(1);
