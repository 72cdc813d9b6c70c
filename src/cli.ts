#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';

// A reader that stops early (`cincopa-versions audit | head`) is not a failure: stop at once,
// without fetching the rest. Other write errors reach `runCli` through the write callbacks,
// which reports them; this listener only keeps the `error` event from crashing the process.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
