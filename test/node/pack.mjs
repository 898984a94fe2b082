// The package as npm would publish it: `npm pack` of the built dist/ into .pack/ (no prepack
// build: `npm test` has built already). Shared by the Node tests, packed once per build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;

/** Path of the tarball of the current build. */
export function packTarball() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dir = join(root, '.pack');
  const tarball = join(dir, `${pkg.name}-${pkg.version}.tgz`);
  const inputs = ['dist/index.js', 'dist/cdn/rr-elements.js', 'package.json', 'README.md'];
  if (!existsSync(join(root, 'dist/cdn/rr-elements.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const fresh =
    existsSync(tarball) &&
    inputs.every((f) => statSync(join(root, f)).mtimeMs <= statSync(tarball).mtimeMs);
  if (!fresh) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return tarball;
}
