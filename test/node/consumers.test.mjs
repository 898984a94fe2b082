/* global document, customElements -- page.evaluate() callbacks run in the page */
// Real consumer builds: the packed tarball installed into minimal Vite apps (React 19, Vue 3,
// Svelte 5; test/consumers/), each type-checked in strict mode and built with `vite build`, the
// build served on 127.0.0.1 and checked in Chromium: exact pixels of Rerun's image_simple and an
// rr-hover reaching the app's own handler. Prints what each app gains (KB) from rr-elements.
//
// One `npm install` of the tarball for the three apps (.pack/consumers/node_modules); Vite, the
// framework plugins, the frameworks and the type checkers come from the repository's
// devDependencies (found by Node's resolution from .pack/, inside the repository).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROME_ARGS, findChrome } from '../../scripts/chrome.mjs';
import { packTarball, root } from './pack.mjs';

const work = join(root, '.pack', 'consumers');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const APPS = {
  react: [process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.']],
  vue: [bin('vue-tsc'), ['-p', '.']],
  svelte: [bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']],
};

let browser;
const sizes = [];

before(async () => {
  const tarball = packTarball();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({
      name: 'rr-elements-consumers',
      private: true,
      type: 'module',
      dependencies: { 'rr-elements': `file:${tarball}` },
    }),
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline', '--silent'],
    { cwd: work, stdio: 'inherit' },
  );
  // Users install neither apache-arrow nor @bufbuild/protobuf (the package has its own copies,
  // loaded lazily), and so no @types/node that would leak into a browser app's types.
  for (const name of ['apache-arrow', '@bufbuild/protobuf', '@types/node'])
    assert.ok(!existsSync(join(work, 'node_modules', name)), `${name} was installed`);
  for (const app of Object.keys(APPS)) {
    cpSync(join(root, 'test/consumers', app), join(work, app), { recursive: true });
    cpSync(join(root, 'test/consumers/shared/scene.ts'), join(work, app, 'src/scene.ts'));
    writeFileSync(join(work, app, 'package.json'), '{ "private": true, "type": "module" }\n');
  }
  browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: CHROME_ARGS,
  });
});

after(async () => {
  await browser?.close();
  if (sizes.length) {
    console.log('\nWhat each app gains from rr-elements (entry chunk; lazy chunks load on use):');
    for (const s of sizes)
      console.log(
        `  ${s.app.padEnd(7)} ≈ +${s.gainGzipKB.toFixed(1)} KB gzipped (${s.gainKB.toFixed(1)} KB of module code before minification; the app's entry chunk: ${s.entryGzipKB.toFixed(1)} KB gzipped)`,
      );
  }
});

/** Serves `dir` on 127.0.0.1 (a free port). */
async function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** rr-elements and every package it depends on, as installed for the apps. */
function libraryPackages() {
  const names = new Set();
  const visit = (name) => {
    if (names.has(name)) return;
    const file = join(work, 'node_modules', name, 'package.json');
    if (!existsSync(file)) return; // an optional peer the app does not use
    names.add(name);
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  visit('rr-elements');
  return names;
}

/** The KB rr-elements (with its dependencies) adds to the app's entry chunk. */
function gain(app, output) {
  const packages = [...libraryPackages()];
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  let library = 0;
  let total = 0;
  for (const [id, info] of Object.entries(entry.modules)) {
    total += info.renderedLength;
    if (packages.some((name) => id.includes(`/.pack/consumers/node_modules/${name}/`)))
      library += info.renderedLength;
  }
  // Arrow and the .rrd reader stay out of the entry chunk: lazy chunks, loaded on first use.
  const eager = Object.keys(entry.modules).filter((id) => /\/dist\/io\/(vendor|rrd)/.test(id));
  assert.deepEqual(eager, [], 'Arrow / .rrd modules in the entry chunk');
  const lazy = output.filter((c) => c.type === 'chunk' && !c.isEntry).map((c) => c.name);
  assert.ok(
    lazy.some((name) => name.startsWith('apache-arrow')),
    `lazy chunks: ${lazy}`,
  );
  const entryGzip = gzipSync(entry.code).length;
  return {
    app,
    gainKB: library / 1024,
    // gzip shares the entry's compression ratio out in proportion to the minified bytes
    gainGzipKB: (entryGzip * library) / total / 1024,
    entryGzipKB: entryGzip / 1024,
  };
}

for (const [app, [checker, args]] of Object.entries(APPS)) {
  describe(`${app} app`, () => {
    const dir = join(work, app);

    test('type-checks in strict mode', () => {
      try {
        execFileSync(checker, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        assert.fail(`${app} type check failed:\n${error.stdout}\n${error.stderr}`);
      }
    });

    test('vite build, served: exact pixels and rr-hover in its own handler', async () => {
      const [result] = [].concat(
        await build({ root: dir, configFile: join(dir, 'vite.config.ts'), logLevel: 'warn' }),
      );
      sizes.push(gain(app, result.output));
      const { server, url } = await serve(join(dir, 'dist'));
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      try {
        await page.goto(url);
        await page.waitForSelector('rr-image');
        const pixels = await page.evaluate(async () => {
          await customElements.whenDefined('rr-image');
          const el = document.querySelector('rr-image');
          await el.renderComplete();
          const shot = await el.snapshot();
          let wrong = 0;
          for (let y = 0; y < shot.height; y++) {
            for (let x = 0; x < shot.width; x++) {
              const green = x >= 50 && x < 150 && y >= 50 && y < 150;
              const want = green ? [0, 255, 0, 255] : [255, 0, 0, 255];
              const i = (y * shot.width + x) * 4;
              if (want.some((v, c) => shot.data[i + c] !== v)) wrong += 1;
            }
          }
          const box = el.getBoundingClientRect();
          return { size: [shot.width, shot.height], wrong, box: [box.x, box.y, box.width] };
        });
        assert.deepEqual(pixels.size, [300, 200]);
        assert.equal(pixels.wrong, 0, 'pixels that differ from image_simple');
        // A real pointer a third across, half way down: the green square at scene (100, 100).
        const [x, y, width] = pixels.box;
        await page.mouse.move(x + width / 3, y + (width * 2) / 3 / 2);
        await page.waitForFunction(() => document.getElementById('hover')?.textContent, {
          timeout: 10000,
        });
        const text = await page.$eval('#hover', (p) => p.textContent);
        assert.equal(text, '/image: 0,255,0');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
        server.close();
      }
    });
  });
}
