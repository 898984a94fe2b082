#!/usr/bin/env node
/**
 * Builds the Python package's wheel offline: copies the JavaScript bundles (dist/cdn/) into
 * python/rr_elements/static/ and the licences beside pyproject.toml, then runs
 * `pip wheel --no-index --no-build-isolation` with Debian's python3 (setuptools and wheel from
 * Debian: nothing is downloaded). Prints the wheel's path and size.
 *
 * Usage: node scripts/build-wheel.mjs [out-dir]   (default .pack/wheel; after `npm run build`)
 *        PYTHON=/path/to/python3 to use another interpreter (it needs setuptools and wheel).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const python =
  process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** Builds the wheel into `outDir`; returns its path. */
export function buildWheel(outDir = path.join(root, '.pack', 'wheel')) {
  const pkg = path.join(root, 'python');
  const staticDir = path.join(pkg, 'rr_elements', 'static');
  mkdirSync(staticDir, { recursive: true });
  for (const name of ['rr-elements.js', 'rr-elements-anywidget.js']) {
    const file = path.join(root, 'dist', 'cdn', name);
    if (!existsSync(file))
      throw new Error(`dist/cdn/${name} is missing: run \`npm run build\` first`);
    copyFileSync(file, path.join(staticDir, name));
  }
  for (const name of ['LICENSE-MIT', 'LICENSE-APACHE'])
    copyFileSync(path.join(root, name), path.join(pkg, name));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      python,
      [
        '-m',
        'pip',
        'wheel',
        '--no-index',
        '--no-build-isolation',
        '--no-deps',
        '-q',
        '-w',
        outDir,
        pkg,
      ],
      { stdio: 'inherit', env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' } },
    );
  } finally {
    rmSync(path.join(pkg, 'build'), { recursive: true, force: true });
    for (const entry of readdirSync(pkg))
      if (entry.endsWith('.egg-info'))
        rmSync(path.join(pkg, entry), { recursive: true, force: true });
  }
  const wheel = readdirSync(outDir).find((f) => f.endsWith('.whl'));
  if (!wheel) throw new Error(`pip wheel wrote no wheel into ${outDir}`);
  return path.join(outDir, wheel);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wheel = buildWheel(process.argv[2] && path.resolve(process.argv[2]));
  console.log(
    `build-wheel: ${path.relative(root, wheel)} (${(statSync(wheel).size / 1024).toFixed(1)} KB)`,
  );
}
