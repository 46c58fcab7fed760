// `npm test`: lint, type-check, both builds and every Vitest project, as one command that fails if
// any step fails. The steps share the CPUs instead of waiting for each other: lint, type-check
// and the two builds start together; Vitest starts as soon as both builds are done (its browser
// tests load them). Vitest's output streams; the others' is printed when each step ends. A table
// of each step's time closes the run.
import { spawn } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setPriority } from 'node:os';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`; resolves with its exit code, seconds taken and (unless streamed) output. */
function run(script, { stream = false, background = false } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    // Lint and type-check yield the CPUs to the builds and the tests (their children inherit it):
    // on a clean clone, with no caches, they take two minutes of the cores the tests wait for.
    if (background && child.pid !== undefined) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not permitted here: they run at normal priority.
      }
    }
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const text = Buffer.concat(output).toString();
      if (!stream) process.stdout.write(`\n── ${script} (${code === 0 ? 'ok' : `exit ${code}`}, ${seconds.toFixed(1)} s) ──\n${text}`);
      resolve({ script, code: code ?? 1, seconds });
    });
  });
}

const started = performance.now();
const lint = run('lint', { background: true });
const typecheck = run('typecheck', { background: true });
const builds = Promise.all([run('build'), run('build:single')]);
const built = await builds;
const vitest = built.every((step) => step.code === 0) ? run('test:vitest', { stream: true }) : Promise.resolve({ script: 'test:vitest', code: 1, seconds: 0, skipped: true });
const steps = [...built, ...(await Promise.all([lint, typecheck, vitest]))];

process.stdout.write('\n step          exit   seconds\n');
for (const step of steps) {
  process.stdout.write(` ${step.script.padEnd(13)} ${String(step.skipped ? 'skip' : step.code).padStart(4)} ${step.seconds.toFixed(1).padStart(9)}\n`);
}
process.stdout.write(` ${'total'.padEnd(13)} ${''.padStart(4)} ${((performance.now() - started) / 1000).toFixed(1).padStart(9)}\n`);
process.exit(steps.every((step) => step.code === 0) ? 0 : 1);
