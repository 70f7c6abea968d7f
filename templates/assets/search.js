// docsite search engine, loaded by docsite.js when the reader heads for the search box (and run by
// bench/weights.js under Node). It reads a version's chunked index (see docs/navigation.md, "Search"):
// files of the version's _search/ folder are scripts calling docsiteSearch(name, data): index (the
// manifest), t/<prefix> (terms with their postings, "doc:weight ..." best first; doc is a page number
// or "page.row" for an error-table row) and p/<n> (a page as results show it). A query loads the
// manifest once, the chunks of its words, then the pages of the results it shows. Files are loaded
// with the loader it is given (script tags in a browser), so it works from file:// too.
(function (global) {
  'use strict';

  // Lower case, straight quotes, single spaces (as docsite.js).
  function norm(s) { return s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim(); }

  // Whole words only, longest first (as docsite.js).
  function wordRegExp(words, flags) {
    var escaped = words.slice().sort(function (a, b) { return b.length - a.length; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    return new RegExp('(^|[^\\p{L}\\p{N}])(' + escaped.join('|') + ')(?![\\p{L}\\p{N}])', 'iu' + flags);
  }

  // The engine of one version's index: ready(then, fail) loads the manifest; search(q, done) gives the
  // hits, each audience's best SHOWN described from their page files, the others as counts.
  function searchIndex(manifestUrl, load) {
    var SHOWN = 10;   // results shown per audience: the pages loaded per query are bounded too
    var base = manifestUrl.replace(/[^\/]*$/, '');
    var files = {}, waiting = {}, manifest = null, state = 'idle', readyQueue = [], failQueue = [];
    var registered = global.docsiteSearch;
    global.docsiteSearch = function (name, data) {
      files[name] = data;
      var w = waiting[name] || [];
      delete waiting[name];
      w.forEach(function (f) { f.ok(); });
      if (registered) registered(name, data);
    };

    function fetchAll(names, done, fail) {
      var left = names.length, failed = false;
      if (!left) return done();
      names.forEach(function (name) {
        var finish = function () { if (--left === 0 && !failed) done(); };
        if (files[name]) return finish();
        var first = !waiting[name];
        (waiting[name] = waiting[name] || []).push({ ok: finish });
        if (first) load(base + fileOf(name) + '.js', function () {
          // A script that ran without registering (a stale or foreign file) counts as missing.
          if (!files[name] && waiting[name]) { delete waiting[name]; failed = true; fail(); }
        }, function () { delete waiting[name]; if (!failed) { failed = true; fail(); } });
      });
    }

    // The same rule as SearchIndex.fileName: a-z and 0-9 as they are, anything else as _hex_.
    function fileOf(name) {
      var slash = name.indexOf('/');
      if (slash < 0) return name;
      var out = '';
      for (var ch of name.slice(slash + 1)) out += /[a-z0-9]/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16) + '_';
      return name.slice(0, slash + 1) + out;
    }

    function ready(then, fail) {
      if (state === 'ready') return then();
      if (state === 'failed') return fail();
      readyQueue.push(then); failQueue.push(fail);
      if (state === 'loading') return;
      state = 'loading';
      fetchAll(['index'], function () {
        manifest = files.index;
        state = 'ready';
        var q = readyQueue; readyQueue = []; failQueue = [];
        q.forEach(function (f) { f(); });
      }, function () {
        state = 'failed';
        var q = failQueue; readyQueue = []; failQueue = [];
        q.forEach(function (f) { f(); });
      });
    }

    // The chunk holding a term: its longest prefix that has a chunk.
    function chunkOf(term) {
      var best = null;
      manifest.chunks.forEach(function (c) { if (term.indexOf(c) === 0 && (!best || c.length > best.length)) best = c; });
      return best;
    }

    function search(q, done) {
      var exact = norm(q).replace(/^#/, '');
      var terms = words(q);
      if (!terms.length) return done([]);
      var last = terms.length - 1, names = {};
      terms.forEach(function (t, i) {
        var c = chunkOf(t);
        if (c) names['t/' + c] = true;
        // The word being typed is completed: every chunk of a longer prefix holds completions.
        if (i === last && t.length > 2) manifest.chunks.forEach(function (x) { if (x.length > t.length && x.indexOf(t) === 0) names['t/' + x] = true; });
      });
      fetchAll(Object.keys(names), function () {
        var perTerm = terms.map(function (t, i) { return matches(t, i === last); });
        var hits = combine(perTerm, true);
        if (!hits.length) hits = combine(perTerm, false);
        hits.sort(function (a, b) { return b.score - a.score || (a.doc < b.doc ? -1 : 1); });
        // The best SHOWN of each audience are shown: load their pages.
        var shown = [], perAudience = {}, more = false;
        hits.forEach(function (h) {
          h.audience = manifest.audiences[parseInt(manifest.pages.charAt(h.pageNo), 36)].id;
          perAudience[h.audience] = (perAudience[h.audience] || 0) + 1;
          if (perAudience[h.audience] <= SHOWN) shown.push(h); else more = true;
        });
        var pages = {};
        shown.forEach(function (h) { pages['p/' + h.pageNo] = true; });
        fetchAll(Object.keys(pages), function () {
          var out = hits.map(function (h) {
            var d = shown.indexOf(h) >= 0 ? describe(h, files['p/' + h.pageNo], terms, exact) : { page: null, score: h.score };
            d.audienceId = h.audience;
            return d;
          });
          out.sort(function (a, b) { return b.score - a.score; });
          if (more) out.shownOnly = SHOWN;
          done(out);
        }, function () { done([]); });
      }, function () { done([]); });
    }

    // doc -> weight for one query word: the word itself; the word being typed also by its completions,
    // a longer word also with one or two letters wrong (both count less).
    function matches(t, completing) {
      var out = {};
      var add = function (postings, factor) {
        postings.split(' ').forEach(function (p) {
          var i = p.lastIndexOf(':'), doc = p.slice(0, i), w = +p.slice(i + 1) * factor;
          if (!(doc in out) || out[doc] < w) out[doc] = w;
        });
      };
      var c = chunkOf(t);
      var chunk = c && files['t/' + c];
      if (chunk && chunk[t]) add(chunk[t], 1);
      var maxEdits = t.length > 9 ? 2 : t.length > 4 ? 1 : 0;
      var chunks = [];
      if (completing && t.length > 2) manifest.chunks.forEach(function (x) { if ((x === c || x.indexOf(t) === 0) && files['t/' + x]) chunks.push(files['t/' + x]); });
      else if (chunk) chunks.push(chunk);
      chunks.forEach(function (ch) {
        Object.keys(ch).forEach(function (term) {
          if (term === t) return;
          if (completing && t.length > 2 && term.indexOf(t) === 0) add(ch[term], 0.5);
          else if (maxEdits && Math.abs(term.length - t.length) <= maxEdits && within(term, t, maxEdits)) add(ch[term], 0.3);
        });
      });
      return out;
    }

    function combine(perTerm, all) {
      var scores = {};
      perTerm.forEach(function (m, i) {
        Object.keys(m).forEach(function (doc) {
          var s = scores[doc] || (scores[doc] = { n: 0, score: 0 });
          s.n++; s.score += m[doc];
        });
      });
      var out = [];
      Object.keys(scores).forEach(function (doc) {
        if (all && scores[doc].n < perTerm.length) return;
        var dot = doc.indexOf('.');
        out.push({ doc: doc, pageNo: +(dot < 0 ? doc : doc.slice(0, dot)), row: dot < 0 ? -1 : +doc.slice(dot + 1), score: scores[doc].score });
      });
      return out;
    }

    return { ready: ready, search: search, audiences: function () { return manifest ? manifest.audiences : []; } };
  }

  // Whether a and b differ by at most max edits (Levenshtein, bounded).
  function within(a, b, max) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
        if (cur[j] < low) low = cur[j];
      }
      if (low > max) return false;
      prev = cur;
    }
    return prev[b.length] <= max;
  }

  // The words of a query, as SearchIndex.words reads text: letters and digits with inner '_', '.', '-'.
  function words(s) {
    var out = [], re = /[\p{L}\p{N}]+(?:[_.\-]+[\p{L}\p{N}]+)*/gu, m;
    while ((m = re.exec(s))) if (m[0].length > 1) out.push(m[0].toLowerCase());
    return out;
  }

  // A hit as the results show it, from its page's file.
  function describe(h, p, terms, exact) {
    if (h.row >= 0) {
      var e = p.errors[h.row];
      var isExact = e.id.toLowerCase() === exact || e.anchor === exact;
      // An end users' row is found by its message; what it shows is what the message means and what to do.
      var endUser = e.table === 'end-user';
      return { kind: 'error', page: p, title: e.id, http: e.http, table: e.table, message: e.message, href: p.url + '#' + e.anchor,
        text: endUser ? e.text.slice(e.message.length).replace(/^[\s\u00b7]+/, '') : e.message, terms: terms, score: h.score * (isExact ? 1000 : 1) };
    }
    // Deep link to the heading that holds the most matched words (all of them when there are two or more).
    var heading = null, href = p.url, best = 0, need = Math.min(2, terms.length);
    p.headings.forEach(function (x) {
      var n = terms.filter(function (t) { return wordRegExp([t], '').test(x[1]); }).length;
      if (n >= need && n > best) { best = n; heading = x[1]; href = p.url + '#' + x[0]; }
    });
    return { kind: 'page', page: p, title: p.title, heading: heading, href: href, text: p.summary + ' ' + p.text, terms: terms, score: h.score };
  }

  global.docsiteSearchEngine = searchIndex;
  if (typeof module === 'object' && module.exports) module.exports = { searchIndex: searchIndex };
})(typeof window !== 'undefined' ? window : globalThis);
