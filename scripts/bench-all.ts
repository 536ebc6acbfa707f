// `npm run bench`: every benchmark in turn (sync, ingest, load, device, dashboard,
// the Node-only sync figures, then a long run of the sync property test). One that
// fails is reported and the rest still run.
import { spawnSync } from 'node:child_process';

const names = ['sync', 'ingest', 'load', 'device', 'dashboard', 'node', 'properties'];
const failed: string[] = [];
for (const name of names) {
  console.log(`\n=== npm run bench:${name} ===`);
  const run = spawnSync('npm', ['run', '--silent', `bench:${name}`], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
if (failed.length) {
  console.log(`\nFailed: ${failed.map((n) => `bench:${n}`).join(', ')}`);
  process.exit(1);
}
