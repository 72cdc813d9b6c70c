import { spawn } from 'node:child_process';

/**
 * Runs a command to its end and resolves with its exit code, output and duration; never
 * rejects, so that one failing check does not hide the others. A command that outlives
 * `timeoutMs` is killed and reported as failed.
 */
export function runCommand(command, args, { cwd, env = process.env, timeoutMs = 120_000 } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\nKilled after ${timeoutMs} ms.`;
      child.kill('SIGKILL');
    }, timeoutMs);
    const finish = (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    };
    child.on('error', (error) => {
      stderr += `\n${error.message}`;
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

/** Like {@link runCommand}, but rejects with the command's output when it fails. */
export async function runOrThrow(command, args, options) {
  const result = await runCommand(command, args, options);
  if (result.code === 0) return result;
  const output = `${result.stdout}\n${result.stderr}`.trim();
  throw new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n${output}`);
}
