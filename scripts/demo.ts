import { runDemo } from './demo/cli';

// `npm run demo [-- --reset]`: seeds a demo district into the configured database.
process.exitCode = await runDemo(process.argv.slice(2), process.env, {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
