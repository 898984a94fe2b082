#!/usr/bin/env node
// `npm run docs:api`: writes the API reference, demo/api.html, from custom-elements.json (every
// tag, attribute, property, method, event, slot, part and CSS property: a new element appears
// by itself once `npm run analyze` has seen it) and from the TypeScript sources (every interface
// and type alias the package exports from src/index.ts, as declared, with its comments: the
// rows `log()` takes among them).
// `node scripts/api-docs.mjs --check` fails when demo/api.html is not what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import ts from 'typescript';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const OUT = path.join(root, 'demo/api.html');

const escape = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Descriptions: `code` spans, no references to a spec the reader does not have. */
function prose(text = '') {
  const clean = text
    .replace(/\s*\((?:see )?SPEC §[\d.]+\)/g, '')
    .replace(/,?\s*SPEC §[\d.]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return escape(clean).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const code = (text) => (text ? `<code>${escape(text)}</code>` : '');

function table(headings, rows) {
  if (!rows.length) return '';
  const head = headings.map((h) => `<th>${h}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

const inherited = (member) =>
  member.inheritedFrom
    ? ` <span class="from">(from ${escape(member.inheritedFrom.name)})</span>`
    : '';

function elementSection(element) {
  const tag = element.tagName;
  const members = (element.members ?? []).filter(
    (m) => !m.privacy && !m.static && !m.name.startsWith('_') && !m.name.startsWith('#'),
  );
  const fields = members.filter((m) => m.kind === 'field');
  const methods = members.filter((m) => m.kind === 'method');
  const parts = [`<section class="element" id="${tag}">`, `<h2><code>&lt;${tag}&gt;</code></h2>`];
  parts.push(`<p>${prose(element.description)}</p>`);
  const block = (title, html) => html && parts.push(`<h3>${title}</h3>`, html);
  block(
    'Attributes',
    table(
      ['Attribute', 'Type', 'Default', 'Description'],
      (element.attributes ?? []).map((a) => [
        code(a.name),
        code(a.type?.text),
        code(a.default),
        prose(a.description) + inherited(a),
      ]),
    ),
  );
  block(
    'Properties',
    table(
      ['Property', 'Attribute', 'Type', 'Description'],
      fields.map((f) => [
        code(f.name) + (f.readonly ? ' <span class="from">read-only</span>' : ''),
        code(f.attribute),
        code(f.type?.text),
        prose(f.description) + inherited(f),
      ]),
    ),
  );
  block(
    'Methods',
    table(
      ['Method', 'Description'],
      methods.map((m) => {
        const params = (m.parameters ?? [])
          .map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`)
          .join(', ');
        return [
          code(`${m.name}(${params}): ${m.return?.type?.text ?? 'void'}`),
          prose(m.description) + inherited(m),
        ];
      }),
    ),
  );
  block(
    'Events',
    table(
      ['Event', 'Description'],
      (element.events ?? []).map((e) => [code(e.name), prose(e.description) + inherited(e)]),
    ),
  );
  block(
    'Slots',
    table(
      ['Slot', 'Description'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)]),
    ),
  );
  block(
    'CSS parts',
    table(
      ['Part', 'Description'],
      (element.cssParts ?? []).map((p) => [code(p.name), prose(p.description)]),
    ),
  );
  block(
    'CSS custom properties',
    table(
      ['Property', 'Description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), prose(p.description)]),
    ),
  );
  parts.push('</section>');
  return parts.join('\n');
}

/** Every interface and type alias src/index.ts exports, as declared (comments included). */
function exportedTypes() {
  const entry = path.join(root, 'src/index.ts');
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry));
  const types = [];
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const decl of target.declarations ?? []) {
      if (!ts.isInterfaceDeclaration(decl) && !ts.isTypeAliasDeclaration(decl)) continue;
      const file = decl.getSourceFile();
      const text = file.text.slice(docStart(decl), decl.getEnd());
      types.push({
        name: symbol.name,
        file: path.relative(root, file.fileName).split(path.sep).join('/'),
        text: text.replace(/^export /m, ''),
      });
    }
  }
  return types.sort((a, b) => a.name.localeCompare(b.name));
}

/** Where a declaration starts, its JSDoc block included. */
function docStart(decl) {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  const last = ranges[ranges.length - 1];
  return last && text.startsWith('/**', last.pos) ? last.pos : decl.getStart();
}

const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));
const types = exportedTypes().map((t) => ({ ...t, text: t.text.replace(/SPEC §[\d.]+/g, '') }));
const LOG_TYPES = ['ArchetypeRow', 'LogOptions', 'ImageFormatInput', 'AnnotationContextData'];

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>rr-elements · API reference</title>
<link rel="icon" href="favicon.svg" />
<link rel="stylesheet" href="demo.css" />
</head>
<body>
<!-- Generated by scripts/api-docs.mjs (npm run docs:api) from custom-elements.json and src/: do not edit. -->
<main class="api">
<nav class="top"><a href="./">← Gallery</a></nav>
<h1><code>rr-elements</code> API reference</h1>
<p class="lead">Every element with its attributes, properties, methods, events, slots, CSS parts and
CSS custom properties (from <code>custom-elements.json</code>), then every TypeScript type the
package exports. Rows for <code>log()</code>: ${LOG_TYPES.map((t) => `<a href="#type-${t}"><code>${t}</code></a>`).join(', ')}.</p>
<nav class="toc">
<strong>Elements</strong>
${elements.map((e) => `<a href="#${e.tagName}"><code>&lt;${e.tagName}&gt;</code></a>`).join('\n')}
<strong>Types</strong>
<a href="#types">${types.length} exported types</a>
</nav>
${elements.map(elementSection).join('\n')}
<section id="types">
<h2>TypeScript types</h2>
<p>As declared in the sources (<code>import type { … } from 'rr-elements'</code>).</p>
${types
  .map(
    (t) =>
      `<h3 id="type-${t.name}"><code>${t.name}</code> <span class="from">${t.file}</span></h3>\n<pre class="type">${escape(t.text)}</pre>`,
  )
  .join('\n')}
</section>
</main>
</body>
</html>
`;

const formatted = await prettier.format(page, {
  ...(await prettier.resolveConfig(OUT)),
  filepath: OUT,
});
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    // missing
  }
  if (current !== formatted) {
    console.error('demo/api.html is out of date: run `npm run docs:api` and commit it.');
    process.exit(1);
  }
  console.log(`demo/api.html is up to date (${elements.length} elements, ${types.length} types).`);
} else {
  writeFileSync(OUT, formatted);
  console.log(`wrote demo/api.html (${elements.length} elements, ${types.length} types)`);
}
