// Page weight and search bytes per query of a built version folder, with the site's own search engine
// (templates/assets/search.js run under Node: the same chunk choice, scoring and result pages as in a
// browser; a fresh engine per query, as a reader's first query).
//
// Usage: node bench/weights.js SITE/VERSION [QUERY...]
// Prints one line of JSON: pages, page HTML (mean, max), navigation HTML (mean, max), page HTML minus
// the article (mean, max), index files and bytes, and per query the bytes and files it loaded.
'use strict';
const fs = require('fs'), path = require('path'), vm = require('vm');
globalThis.window = globalThis;
const { searchIndex } = require(path.join(__dirname, '..', 'templates', 'assets', 'search.js'));

const dir = process.argv[2];
const queries = process.argv.length > 3 ? process.argv.slice(3)
  : ['policy enrollment', 'token retry', 'device compliance', 'session cache', 'tenant consent', 'network fallback'];

function walk(d, out) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) { if (e.name !== '_search' && e.name !== '_schemas') walk(f, out); }
    else if (e.name.endsWith('.html') && e.name !== 'index.html') out.push(f);
  }
  return out;
}

const stats = (xs) => ({ mean: Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)), max: Math.max(0, ...xs) });
const pages = walk(dir, []).filter((f) => !/http-equiv="refresh"/.test(fs.readFileSync(f, 'utf8').slice(0, 600)));
const html = [], nav = [], chrome = [];
for (const f of pages) {
  const s = fs.readFileSync(f, 'utf8');
  const bytes = Buffer.byteLength(s);
  html.push(bytes);
  const n = s.match(/<nav id="site-nav"[\s\S]*?\n<\/nav>/);
  nav.push(n ? Buffer.byteLength(n[0]) : 0);
  const a = s.match(/<article[\s\S]*<\/article>/);
  chrome.push(bytes - (a ? Buffer.byteLength(a[0]) : 0));
}

let indexBytes = 0, indexFiles = 0;
(function size(d) {
  if (!fs.existsSync(d)) return;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) size(f); else { indexBytes += fs.statSync(f).size; indexFiles++; }
  }
})(path.join(dir, '_search'));

const results = [];
for (const q of queries) {
  let bytes = 0, files = 0, hits = null;
  window.docsiteSearch = undefined;
  const load = (src, done, fail) => {
    let text;
    try { text = fs.readFileSync(path.join(dir, src), 'utf8'); } catch (e) { return fail(); }
    bytes += Buffer.byteLength(text); files++;
    vm.runInThisContext(text);
    done();
  };
  const ix = searchIndex('_search/index.js', load);
  ix.ready(() => ix.search(q, (h) => { hits = h; }), () => { hits = []; });
  results.push({ query: q, bytes, files, results: hits ? hits.length : -1 });
}
console.log(JSON.stringify({ pages: pages.length, html: stats(html), nav: stats(nav), withoutArticle: stats(chrome),
  index: { files: indexFiles, bytes: indexBytes }, queries: results }));
