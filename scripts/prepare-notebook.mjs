#!/usr/bin/env node
/**
 * Builds the Python package's wheel (scripts/build-wheel.mjs, offline), installs it with
 * `pip install --no-index` into a fresh virtual environment (.pack/venv, which sees Debian's
 * numpy and ipykernel), executes the test notebooks in a kernel of that environment with
 * Jupyter's nbconvert and writes their HTML to test/notebook/build/, where the browser tests
 * (`test/notebook/*.test.ts`) open it. Runs before the browser tests, after `npm run build`.
 *
 * When a tool is missing and this runs as root (CI), it installs Debian's jupyter-nbconvert,
 * python3-ipykernel, python3-numpy, python3-venv, python3-pip, python3-setuptools and
 * python3-wheel with apt-get.
 *
 * Usage: node scripts/prepare-notebook.mjs [notebook.ipynb …]   (default: test/notebook/*.ipynb)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWheel } from './build-wheel.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const notebookDir = path.join(root, 'test', 'notebook');
const outDir = path.join(notebookDir, 'build');
const bundle = path.join(root, 'dist', 'cdn', 'rr-elements.js');
const PACKAGES = [
  'jupyter-nbconvert',
  'python3-ipykernel',
  'python3-numpy',
  'python3-venv',
  'python3-pip',
  'python3-setuptools',
  'python3-wheel',
];

function fail(message) {
  console.error(`prepare-notebook: ${message}`);
  process.exit(1);
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureNbconvert() {
  // Debian's python3 builds the wheel and is the venv's base (which sees numpy and ipykernel).
  const check = 'import numpy, ipykernel, pip, setuptools, wheel, ensurepip';
  const numpy = spawnSync('/usr/bin/python3', ['-c', check], { stdio: 'ignore' }).status === 0;
  if (has('jupyter-nbconvert') && numpy) return;
  if (process.getuid?.() !== 0) {
    fail(
      `jupyter-nbconvert, numpy or the Python build tools are missing; install the Debian packages: sudo apt-get install ${PACKAGES.join(' ')}`,
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

// The wheel, installed offline into a fresh venv, with a Jupyter kernel of that venv.
const pack = path.join(root, '.pack');
const wheel = buildWheel();
const venv = path.join(pack, 'venv');
rmSync(venv, { recursive: true, force: true });
execFileSync('/usr/bin/python3', ['-m', 'venv', '--system-site-packages', venv], {
  stdio: 'inherit',
});
const venvPython = path.join(venv, 'bin', 'python');
execFileSync(
  venvPython,
  ['-m', 'pip', 'install', '--no-index', '--disable-pip-version-check', '-q', wheel],
  { stdio: 'inherit' },
);
const jupyterPath = path.join(pack, 'jupyter');
mkdirSync(path.join(jupyterPath, 'kernels', 'rr-venv'), { recursive: true });
writeFileSync(
  path.join(jupyterPath, 'kernels', 'rr-venv', 'kernel.json'),
  JSON.stringify({
    argv: [venvPython, '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
    display_name: 'rr-elements wheel (.pack/venv)',
    language: 'python',
  }),
);
console.log(
  `prepare-notebook: ${path.relative(root, wheel)} (${(statSync(wheel).size / 1024).toFixed(1)} KB) installed into ${path.relative(root, venv)}`,
);

for (const notebook of notebooks) {
  const name = path.basename(notebook, '.ipynb');
  const started = Date.now();
  // The Debian jupyter scripts run /usr/bin/python3; a PYTHONPATH or virtualenv of another
  // Python would confuse them, so they get a clean environment; the kernel is the venv's.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? '/tmp',
    JUPYTER_PATH: jupyterPath,
    LANG: 'C.UTF-8',
  };
  const result = spawnSync(
    'jupyter-nbconvert',
    [
      '--execute',
      '--ExecutePreprocessor.kernel_name=rr-venv',
      '--to',
      'html',
      '--output-dir',
      outDir,
      '--output',
      name,
      notebook,
    ],
    { cwd: path.dirname(notebook), env, encoding: 'utf8' },
  );
  if (result.status !== 0)
    fail(`executing ${path.relative(root, notebook)} failed:\n${result.stderr || result.error}`);
  console.log(
    `prepare-notebook: ${path.relative(root, notebook)} → ${path.relative(root, path.join(outDir, `${name}.html`))} (${Date.now() - started} ms)`,
  );
}
