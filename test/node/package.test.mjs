// The tarball npm would publish: publint and @arethetypeswrong/cli (ESM-only profile) find no
// problem, it holds what the README links to, and no source map points at a missing source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packTarball, root } from './pack.mjs';

const tarball = packTarball();
const bin = (name) => join(root, 'node_modules/.bin', name);
const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((f) => f.replace(/^package\//, ''));

test('publint finds nothing to fix', () => {
  const result = spawnSync(bin('publint'), ['run', tarball, '--strict'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.doesNotMatch(result.stdout, /warning|error|suggestion/i, result.stdout);
});

test('are the types wrong: no problem for ESM consumers (node16, bundler)', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName);
  const entries = tags.filter(Boolean).map((tag) => `./${tag}.js`); // the "./rr-*.js" wildcard
  const result = spawnSync(
    bin('attw'),
    [tarball, '--profile', 'esm-only', '--format', 'json', '--include-entrypoints', ...entries],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  assert.equal(result.status, 0, result.stdout.slice(0, 4000) + result.stderr);
  const { analysis } = JSON.parse(result.stdout);
  const checked = Object.keys(analysis.entrypoints);
  for (const entry of ['.', './react', './anywidget', './vue', './svelte', ...entries])
    assert.ok(checked.includes(entry), `attw checked ${entry}`);
  const problems = Object.values(analysis.problems ?? {})
    .flat()
    .filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind));
  assert.deepEqual(problems, []);
});

test('the package holds its licences, manifest, editor data and the linked docs', () => {
  for (const file of [
    'LICENSE',
    'LICENSE-MIT',
    'LICENSE-APACHE',
    'README.md',
    'custom-elements.json',
    'web-types.json',
    'vscode.html-custom-data.json',
    'dist/vue.d.ts',
    'dist/svelte.d.ts',
  ])
    assert.ok(files.includes(file), `${file} is in the tarball`);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\((?!https?:|#)([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length > 0);
  for (const link of links) assert.ok(files.includes(link), `README links ${link}: not packed`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'license'])
    assert.ok(pkg[field], `package.json has "${field}"`);
});

test('every packed source map carries its sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rr-pack-'));
  try {
    execFileSync('tar', ['xzf', tarball, '-C', dir]);
    const maps = files.filter((f) => f.endsWith('.map'));
    assert.ok(maps.length > 10, `${maps.length} maps`);
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(dir, 'package', map)));
      assert.equal(sourcesContent?.length, sources.length, `${map} has sourcesContent`);
      assert.ok(
        sourcesContent.every((s) => typeof s === 'string' && s.length > 0),
        map,
      );
    }
    assert.ok(!readdirSync(join(dir, 'package')).includes('src'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
