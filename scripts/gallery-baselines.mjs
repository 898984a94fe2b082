// `npm run gallery:baselines`: runs the visual test of the gallery (test/demo/gallery.test.ts)
// with RR_GALLERY_UPDATE=1, so that it writes each page's screenshot as its new baseline in
// test/demo/gallery-baselines/ (through the same server and browser the test uses). Look at
// the pictures before committing them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './gallery-capture.mjs';

const wtr = path.join(root, 'node_modules/.bin/web-test-runner');
const run = spawnSync(wtr, ['--files', 'test/demo/gallery.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, RR_GALLERY_UPDATE: '1' },
});
process.exit(run.status ?? 1);
