// Puts the code of every demo scene beside it: the scene's markup (as written, captured before
// the elements upgrade) and its script, so what you read is exactly what runs.
for (const scene of document.querySelectorAll('section.scene')) {
  const live = scene.querySelector('.live');
  const script = scene.querySelector('script[type="module"]');
  const parts = [];
  if (live) parts.push(dedent(live.innerHTML));
  if (script) parts.push(`<script type="module">\n${dedent(script.textContent)}\n</script>`);
  const pre = document.createElement('pre');
  pre.textContent = parts.join('\n\n').trim();
  scene.append(pre);
}

function dedent(text) {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
