#!/usr/bin/env node
/**
 * Executes the test notebooks with Jupyter's nbconvert and writes their HTML to
 * test/notebook/build/, where the browser test `test/notebook/notebook-html.test.ts` opens it.
 * Runs before the browser tests (after `npm run build`: the notebook's HTML inlines
 * dist/cdn/rr-elements.js).
 *
 * When nbconvert is missing and this runs as root (CI), it installs Debian's
 * jupyter-nbconvert, python3-ipykernel and python3-numpy with apt-get.
 *
 * Usage: node scripts/prepare-notebook.mjs [notebook.ipynb …]   (default: test/notebook/*.ipynb)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const notebookDir = path.join(root, 'test', 'notebook');
const outDir = path.join(notebookDir, 'build');
const bundle = path.join(root, 'dist', 'cdn', 'rr-elements.js');
const PACKAGES = ['jupyter-nbconvert', 'python3-ipykernel', 'python3-numpy'];

function fail(message) {
  console.error(`prepare-notebook: ${message}`);
  process.exit(1);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureNbconvert() {
  // Debian's python3-ipykernel registers the kernel with /usr/bin/python3, which must see numpy.
  const numpy =
    spawnSync('/usr/bin/python3', ['-c', 'import numpy, ipykernel'], { stdio: 'ignore' }).status ===
    0;
  if (has('jupyter-nbconvert') && numpy) return;
  if (process.getuid?.() !== 0) {
    fail(
      `jupyter-nbconvert with numpy is missing; install the Debian packages: sudo apt-get install ${PACKAGES.join(' ')}`,
    );
  }
  console.log(`prepare-notebook: installing ${PACKAGES.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], {
    stdio: 'inherit',
    env,
  });
}

if (!existsSync(bundle))
  fail(`${path.relative(root, bundle)} is missing: run \`npm run build\` first`);
ensureNbconvert();

const notebooks = process.argv.slice(2).length
  ? process.argv.slice(2).map((p) => path.resolve(p))
  : readdirSync(notebookDir)
      .filter((f) => f.endsWith('.ipynb'))
      .map((f) => path.join(notebookDir, f));
mkdirSync(outDir, { recursive: true });

for (const notebook of notebooks) {
  const name = path.basename(notebook, '.ipynb');
  const started = Date.now();
  // The Debian jupyter scripts run /usr/bin/python3; a PYTHONPATH or virtualenv of another
  // Python would confuse them, so they get a clean environment apart from the bundle's path.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? '/tmp',
    RR_ELEMENTS_BUNDLE: bundle,
    LANG: 'C.UTF-8',
  };
  const result = spawnSync(
    'jupyter-nbconvert',
    ['--execute', '--to', 'html', '--output-dir', outDir, '--output', name, notebook],
    { cwd: path.dirname(notebook), env, encoding: 'utf8' },
  );
  if (result.status !== 0)
    fail(`executing ${path.relative(root, notebook)} failed:\n${result.stderr || result.error}`);
  console.log(
    `prepare-notebook: ${path.relative(root, notebook)} → ${path.relative(root, path.join(outDir, `${name}.html`))} (${Date.now() - started} ms)`,
  );
}
