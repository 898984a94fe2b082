// Puts the code of every demo scene beside it, highlighted, with a copy button: the scene's
// markup and its script as written in the page's file (fetched with `?raw`, so not what the dev
// server rewrote), so what you read is exactly what runs. A helper the script imports from the
// demo folder (`./env-shared.js`) is written out in place of its import, so the code can be
// copied as it is; a documented snippet it imports (`/docs/snippets/…`) gets a pane of its own.
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';

hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('xml', xml);

const LANGUAGES = { js: 'javascript', mjs: 'javascript', ts: 'typescript', tsx: 'typescript' };

async function source(url) {
  const response = await fetch(`${url}?raw`);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

function dedent(text) {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** `import { a, b } from './helper.js';` → the helper's code, its `export` keywords dropped. */
async function inlineHelpers(code) {
  const pattern = /^import \{[^}]*\} from '(\.\/[\w-]+\.js)';\n/gm;
  let out = code;
  for (const [line, file] of code.matchAll(pattern)) {
    const helper = (await source(new URL(file, location.href).pathname))
      .replace(/^\/\/.*\n+/, '') // the file's own header comment
      .replace(/^export /gm, '');
    out = out.replace(line, '');
    out = `${helper.trim()}\n\n${out}`;
  }
  return out;
}

function pane(title, code, language) {
  const box = document.createElement('div');
  box.className = 'code';
  const bar = document.createElement('div');
  bar.className = 'code-bar';
  const name = Object.assign(document.createElement('span'), { textContent: title });
  const copy = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: 'Copy',
  });
  copy.setAttribute('aria-label', `Copy ${title}`);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Select and copy';
    }
    setTimeout(() => (copy.textContent = 'Copy'), 1500);
  });
  bar.append(name, copy);
  const pre = document.createElement('pre');
  const block = document.createElement('code');
  block.className = 'hljs';
  block.innerHTML = hljs.highlight(code, { language }).value;
  pre.append(block);
  box.append(bar, pre);
  return box;
}

async function scenePanes(raw) {
  const live = raw.querySelector('.live');
  const script = raw.querySelector('script[type="module"]');
  const parts = [];
  if (live) parts.push(dedent(live.innerHTML));
  const code = script ? await inlineHelpers(dedent(script.textContent)) : '';
  if (script) parts.push(`<script type="module">\n${code}\n</script>`);
  const panes = [pane(script ? 'HTML and JavaScript' : 'HTML', parts.join('\n\n').trim(), 'xml')];
  for (const [, file] of code.matchAll(/from '(\/docs\/snippets\/[\w./-]+)'/g)) {
    const ext = file.split('.').pop();
    panes.push(pane(file.slice(1), (await source(file)).trim(), LANGUAGES[ext] ?? 'xml'));
  }
  return panes;
}

const page = new DOMParser().parseFromString(await source(location.pathname), 'text/html');
const rawScenes = [...page.querySelectorAll('section.scene')];
const scenes = [...document.querySelectorAll('section.scene')];
await Promise.all(
  scenes.map(async (scene, i) => {
    const column = document.createElement('div');
    column.className = 'code-column';
    column.append(...(await scenePanes(rawScenes[i])));
    scene.append(column);
  }),
);
document.documentElement.dataset.codeShown = '';
