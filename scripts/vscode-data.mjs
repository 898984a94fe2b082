#!/usr/bin/env node
/**
 * Generates VS Code's HTML custom data (vscode.html-custom-data.json) from custom-elements.json,
 * so the editor completes and documents the rr-* tags and their attributes in HTML files.
 * Use it with `"html.customData": ["./node_modules/rr-elements/vscode.html-custom-data.json"]`.
 *
 * Usage: node scripts/vscode-data.mjs [manifest] [output]   (run `npm run analyze` first)
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VALUES } from './manifest-values.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = path.resolve(process.argv[2] ?? path.join(root, 'custom-elements.json'));
const outputPath = path.resolve(process.argv[3] ?? path.join(root, 'vscode.html-custom-data.json'));

if (!existsSync(manifestPath)) {
  console.error(
    `vscode-data: ${path.relative(root, manifestPath)} is missing: run \`npm run analyze\` first`,
  );
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const list = (title, items, name = (i) => i.name) =>
  items?.length
    ? `\n\n**${title}:** ${items.map((i) => `\`${name(i)}\`${i.description ? ` – ${i.description.replace(/\.$/, '')}` : ''}`).join('; ')}`
    : '';

const tags = [];
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.customElement || !decl.tagName) continue;
    const description =
      (decl.description ?? decl.summary ?? '') +
      list('Events', decl.events) +
      list('CSS parts', decl.cssParts) +
      list('CSS properties', decl.cssProperties) +
      list('Slots', decl.slots, (s) => s.name || '(default)');
    tags.push({
      name: decl.tagName,
      description: { kind: 'markdown', value: description.trim() },
      attributes: (decl.attributes ?? []).map((attr) => {
        const out = { name: attr.name, description: attr.description ?? '' };
        if (attr.default !== undefined) out.description += ` Default: \`${attr.default}\`.`;
        const type = attr.type?.text ?? '';
        if (/^boolean\b/.test(type)) out.valueSet = 'v';
        else if (VALUES[attr.name]) out.values = VALUES[attr.name].map((name) => ({ name }));
        return out;
      }),
      references: [
        { name: 'rr-elements API', url: 'https://github.com/rr-elements/rr-elements#readme' },
      ],
    });
  }
}
tags.sort((a, b) => a.name.localeCompare(b.name));

writeFileSync(outputPath, `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`);
console.log(
  `vscode-data: ${tags.length} tags (${tags.map((t) => t.name).join(', ')}) → ${path.relative(root, outputPath)}`,
);
