// `npm test`'s static checks, side by side: each is single-threaded, and the
// machines have two cores. Each check's output is printed whole when it ends;
// the script fails when any check fails.
import { spawn } from 'node:child_process';

const checks = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['eslint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['prettier', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
];

const run = ([name, command, args]) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${code === 0 ? '✓' : '✗'} ${name} (${seconds} s)`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    });
  });

const results = await Promise.all(checks.map(run));
if (results.includes(false)) process.exit(1);
