// Fails when the committed custom-elements.json is not what the analyzer generates from the
// sources now. The manifest is the elements' documentation (editors, Storybook, the README's
// tables read it), so it is committed and must not drift. Fix: `npm run analyze` and commit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const committed = join(root, 'custom-elements.json');
const dir = mkdtempSync(join(tmpdir(), 'rr-cem-'));

try {
  // The same command as `npm run analyze`, only writing elsewhere (the analyzer takes --outdir
  // relative to the working directory, even when it is absolute).
  const outdir = relative(root, dir);
  const result = spawnSync('npm', ['run', '--silent', 'analyze', '--', '--outdir', outdir], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    console.error('custom-elements.json check: the analyzer failed (see above).');
    process.exit(1);
  }
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  if (!existsSync(committed)) {
    console.error(
      'custom-elements.json is missing. Run `npm run analyze` and commit custom-elements.json.',
    );
    process.exit(1);
  }
  if (readFileSync(committed, 'utf8') !== fresh) {
    const diff = spawnSync('diff', ['-u', committed, join(dir, 'custom-elements.json')], {
      encoding: 'utf8',
    });
    const lines = (diff.stdout ?? '').split('\n');
    if (lines.length > 1) {
      console.error(lines.slice(0, 60).join('\n'));
      if (lines.length > 60) console.error(`… (${lines.length - 60} more lines of diff)`);
    }
    console.error(
      'custom-elements.json is stale: it differs from what the analyzer generates from src/ now ' +
        '(diff above: committed → fresh). Run `npm run analyze` and commit custom-elements.json.',
    );
    process.exit(1);
  }
  // Complete, too: every public attribute, property, method, event, part, CSS property and slot
  // of every element has a description (the JSDoc is the documentation).
  const manifest = JSON.parse(fresh);
  const undocumented = [];
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement || !decl.tagName) continue;
      for (const kind of [
        'attributes',
        'members',
        'events',
        'cssParts',
        'cssProperties',
        'slots',
      ]) {
        for (const item of decl[kind] ?? []) {
          const hidden =
            kind === 'members' &&
            (item.privacy === 'private' ||
              item.privacy === 'protected' ||
              item.static ||
              item.name.startsWith('#'));
          if (!hidden && !item.description)
            undocumented.push(`<${decl.tagName}> ${kind}: ${item.name || '(default)'}`);
        }
      }
    }
  }
  if (undocumented.length) {
    console.error(
      `custom-elements.json: ${undocumented.length} undocumented item(s); add JSDoc:\n  ${undocumented.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(
    'custom-elements.json is up to date and documents every attribute, property, event, part and CSS property.',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
