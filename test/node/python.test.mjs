// The Python package's unit tests (python/tests/test_layers.py): what each layer writes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const python = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'python');

// The interpreter scripts/build-wheel.mjs uses (numpy installed by scripts/prepare-notebook.mjs in CI).
const python3 =
  process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

test('python -m unittest (rr_elements layers)', () => {
  const run = spawnSync(python3, ['-m', 'unittest', '-v', 'tests/test_layers.py'], {
    cwd: python,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: python },
  });
  assert.equal(run.status, 0, run.stderr + run.stdout);
});
