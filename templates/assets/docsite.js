// docsite reader behaviour: navigation toggle, version switcher, search, error lookup, copy buttons and
// scrollable tables. Only this site's own files are loaded, by relative URL, with <script> tags rather
// than fetch(), so everything works on any static host, offline and from file://.
(function () {
  'use strict';
  var doc = document;

  function ready(fn) { if (doc.readyState !== 'loading') fn(); else doc.addEventListener('DOMContentLoaded', fn); }

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function debounce(fn, ms) {
    var t;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  function loadScript(src, done, fail) {
    var s = el('script', { src: src });
    s.onload = done;
    s.onerror = fail;
    doc.head.appendChild(s);
  }

  // Lower case, straight quotes, single spaces: pasted text matches what the page shows.
  function norm(s) { return s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim(); }

  function editable(t) { return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)); }

  // One polite live region for short announcements ("Code copied").
  var announcer;
  function announce(text) {
    if (!announcer) { announcer = el('p', { class: 'visually-hidden', role: 'status' }); doc.body.appendChild(announcer); }
    announcer.textContent = '';
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  ready(function () {
    breakableIds();
    navToggle();
    versionSwitcher();
    copyButtons();
    scrollableTables();
    errorLookup();
    search();
  });

  function navToggle() {
    var toggle = doc.querySelector('.nav-toggle');
    if (toggle) toggle.addEventListener('click', function () {
      var open = doc.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  // The server side already chose each option's target: this page in that version, or its nearest parent.
  // The #fragment is carried over only when the target is this very page.
  function versionSwitcher() {
    var sel = doc.querySelector('[data-version-switcher]');
    if (sel) {
      sel.addEventListener('change', function () {
        var opt = sel.options[sel.selectedIndex];
        location.href = opt.value + (opt.getAttribute('data-exact') === 'true' ? location.hash : '');
      });
      // Coming back with the Back button restores the page from cache: show its own version again.
      window.addEventListener('pageshow', function () {
        for (var i = 0; i < sel.options.length; i++) if (sel.options[i].defaultSelected) sel.selectedIndex = i;
      });
    }
    doc.querySelectorAll('a[data-keep-hash]').forEach(function (a) {
      a.addEventListener('click', function () { if (location.hash) a.setAttribute('href', a.getAttribute('href').split('#')[0] + location.hash); });
    });
  }

  function copyButtons() {
    doc.querySelectorAll('.listingblock pre').forEach(function (pre) {
      var b = el('button', { type: 'button', class: 'copy-button' }, 'Copy');
      b.appendChild(el('span', { class: 'visually-hidden' }, ' code'));
      b.addEventListener('click', function () {
        var text = pre.innerText;
        var done = function () {
          b.firstChild.nodeValue = 'Copied';
          announce('Code copied to the clipboard');
          setTimeout(function () { b.firstChild.nodeValue = 'Copy'; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, function () { legacyCopy(text) && done(); });
        else if (legacyCopy(text)) done();
      });
      pre.parentNode.insertBefore(b, pre);
      pre.parentNode.classList.add('has-copy');
    });
  }

  // file:// and plain-http pages have no async clipboard API; a selected hidden textarea still copies.
  function legacyCopy(text) {
    var ta = el('textarea', { 'aria-hidden': 'true', tabindex: '-1', class: 'copy-buffer' });
    ta.value = text;
    doc.body.appendChild(ta);
    ta.select();
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
    ta.remove();
    return ok;
  }

  // Error ids are long: let them wrap after each '.' rather than inside a word (ids in the reference carry <wbr> already).
  function breakableIds() {
    doc.querySelectorAll('a.error-ref code').forEach(breakable);
  }

  function breakable(c) {
    if (c.children.length) return c;
    var parts = c.textContent.split(/(?<=[.])/);
    if (parts.length < 2) return c;
    c.textContent = '';
    parts.forEach(function (p, i) { if (i) c.appendChild(doc.createElement('wbr')); c.appendChild(doc.createTextNode(p)); });
    c.classList.add('breakable');
    return c;
  }

  // A table wider than the screen scrolls inside its own box; keyboard users need to reach that box.
  function scrollableTables() {
    var boxes = doc.querySelectorAll('.table-scroll, .error-table');
    if (!boxes.length) return;
    var update = function () {
      boxes.forEach(function (b) {
        var scrolls = b.scrollWidth > b.clientWidth + 1;
        b.classList.toggle('is-scrollable', scrolls);
        if (scrolls) {
          var caption = b.querySelector('caption');
          b.setAttribute('tabindex', '0');
          b.setAttribute('role', 'region');
          b.setAttribute('aria-label', (caption ? caption.textContent.trim() : 'Table') + ' (scrolls sideways)');
        } else {
          b.removeAttribute('tabindex');
          b.removeAttribute('role');
          b.removeAttribute('aria-label');
        }
      });
    };
    update();
    window.addEventListener('resize', debounce(update, 100));
  }

  // ---- error lookup --------------------------------------------------------------------------------

  function errorLookup() {
    var tables = [].slice.call(doc.querySelectorAll('div.error-table'));
    if (!tables.length) return;
    var rows = [].slice.call(doc.querySelectorAll('div.error-table [data-error-id]'));
    var texts = rows.map(function (r) { return norm(r.getAttribute('data-error-id') + ' ' + r.id + ' ' + r.textContent); });
    var box = el('div', { class: 'error-lookup', role: 'search', 'aria-label': 'Error lookup' });
    // End users' tables show messages, not ids or statuses: ask for what the reader has in front of them.
    var endUser = tables.every(function (t) { return t.getAttribute('data-audience') === 'end-user'; });
    var label = el('label', { for: 'error-lookup-input' }, endUser ? 'Find a message' : 'Find an error');
    var input = el('input', { id: 'error-lookup-input', type: 'search', autocomplete: 'off', spellcheck: 'false',
      placeholder: endUser ? 'Words from the message' : 'ID, message or HTTP status',
      'aria-describedby': 'error-lookup-status' });
    var status = el('p', { id: 'error-lookup-status', class: 'error-lookup-status', role: 'status' });
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    tables[0].parentNode.insertBefore(box, tables[0]);

    var total = rows.length;
    // End users look for messages; administrators for errors.
    function noun(n) { return (endUser ? 'message' : 'error') + (n === 1 ? '' : 's'); }
    function apply() {
      var q = input.value;
      var test = errorMatcher(q);
      var shown = 0;
      rows.forEach(function (r, i) {
        var ok = !test || test(r, texts[i]);
        r.hidden = !ok;
        if (ok) shown++;
      });
      tables.forEach(function (t) { t.hidden = !!test && !t.querySelector('[data-error-id]:not([hidden])'); });
      var what = noun(total);
      status.textContent = !test ? 'All ' + total + ' ' + what + ' shown.'
        : shown === 0 ? 'No ' + noun(1) + ' matches \u201c' + q.trim() + '\u201d.'
        : shown + ' of ' + total + ' ' + what + ' match \u201c' + q.trim() + '\u201d.';
    }
    input.addEventListener('input', debounce(apply, 80));
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); apply(); } });
    status.textContent = 'All ' + total + ' ' + noun(total) + ' shown.';

    function highlight() {
      rows.forEach(function (r) { r.classList.remove('highlight'); });
      var id = decodeURIComponent(location.hash.slice(1));
      var row = id && doc.getElementById(id);
      if (!row || rows.indexOf(row) < 0) return;
      if (row.hidden) { input.value = ''; apply(); }
      row.classList.add('highlight');
      row.setAttribute('tabindex', '-1');
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'center' });
    }
    window.addEventListener('hashchange', highlight);
    highlight();
  }

  // What a query means: an HTTP status ("403"), a status class ("4xx", "50"), an anchor or URL ("#err-…"),
  // a pasted response or log line (its error id), or words that must all appear in the row.
  function errorMatcher(raw) {
    var q = norm(raw);
    if (!q) return null;
    var m;
    if ((m = q.match(/^(\d{1,3})(x*)$/))) {
      var digits = m[1];
      return function (r) { var h = r.getAttribute('data-http') || ''; return digits.length === 3 ? h === digits : h.indexOf(digits) === 0; };
    }
    if ((m = q.match(/#?(err-[a-z0-9_-]+)/))) {
      var anchor = m[1];
      return function (r) { return r.id === anchor; };
    }
    var ids = q.match(/[a-z0-9_]+(\.[a-z0-9_]+){2,}/g);
    if (ids && q.indexOf(' ') >= 0 || ids && /["{:]/.test(q)) {
      return function (r) { var id = r.getAttribute('data-error-id').toLowerCase(); return ids.indexOf(id) >= 0; };
    }
    var words = q.split(' ');
    return function (r, text) { return words.every(function (w) { return text.indexOf(w) >= 0; }); };
  }

  // ---- search --------------------------------------------------------------------------------------

  function search() {
    var form = doc.querySelector('form.search');
    if (!form) return;
    var input = form.querySelector('input[type=search]');
    var root = form.getAttribute('data-root') || '';
    var here = form.getAttribute('data-audience');
    var status = el('p', { id: 'search-status', class: 'visually-hidden', role: 'status' });
    var panel = el('div', { id: 'search-panel', class: 'search-panel', hidden: '' });
    var summary = el('p', { class: 'search-summary' });
    var filters = el('div', { class: 'search-filters', role: 'group', 'aria-label': 'Show results for' });
    var results = el('div', { class: 'search-results' });
    panel.appendChild(summary);
    panel.appendChild(filters);
    panel.appendChild(results);
    form.appendChild(status);
    form.appendChild(panel);
    input.setAttribute('aria-controls', 'search-panel');

    var index = null, engineState = 'idle', engineWaiting = [], filter = 'all', lastQuery = null, current = 0;

    // The engine (search.js) and the index's manifest load when the reader heads for the box; a query
    // loads the chunks of its words and the pages of the results it shows.
    function load(then) {
      var fail = function () { show(); summary.textContent = 'Search could not be loaded.'; status.textContent = summary.textContent; };
      if (engineState === 'ready') return index.ready(then, fail);
      if (engineState === 'failed') return fail();
      engineWaiting.push(then);
      if (engineState === 'loading') return;
      engineState = 'loading';
      loadScript(form.getAttribute('data-engine'), function () {
        if (!window.docsiteSearchEngine) { engineState = 'failed'; return fail(); }
        index = window.docsiteSearchEngine(form.getAttribute('data-index'), loadScript);
        engineState = 'ready';
        var w = engineWaiting; engineWaiting = [];
        w.forEach(function (f) { index.ready(f, fail); });
      }, function () { engineState = 'failed'; fail(); });
    }

    function show() { panel.hidden = false; }
    function hide() { panel.hidden = true; }

    function run() {
      var q = input.value.trim();
      if (!q) { hide(); status.textContent = ''; lastQuery = null; return; }
      if (q === lastQuery) return;
      var ticket = ++current;
      load(function () {
        index.search(q, function (hits) {
          // A slower earlier query must not overwrite a later one.
          if (ticket !== current || q !== input.value.trim()) return;
          lastQuery = q;
          render(q, hits);
        });
      });
    }

    function render(q, hits) {
      results.textContent = '';
      filters.textContent = '';
      var groups = {};
      hits.forEach(function (h) { (groups[h.audienceId] = groups[h.audienceId] || []).push(h); });
      var order = (index ? index.audiences() : []).slice().sort(function (a, b) { return (b.id === here) - (a.id === here); });
      if (filter !== 'all' && !groups[filter]) filter = 'all';
      var n = hits.length;
      summary.textContent = n === 0 ? 'No results for \u201c' + q + '\u201d.' : n + (n === 1 ? ' result' : ' results') + ' for \u201c' + q + '\u201d';
      if (hits.shownOnly) summary.textContent += ' (the best ' + hits.shownOnly + ' of each group shown)';
      status.textContent = summary.textContent;
      if (n > 0) {
        addFilter('all', 'All', n);
        order.forEach(function (a) { if (groups[a.id]) addFilter(a.id, a.title, groups[a.id].length); });
      }
      order.forEach(function (a) {
        var list = groups[a.id];
        if (!list) return;
        var section = el('div', { class: 'search-group', 'data-audience': a.id });
        var labelId = 'search-group-' + a.id;
        section.appendChild(el('p', { class: 'search-group-title', id: labelId }, a.title));
        var ul = el('ul', { 'aria-labelledby': labelId });
        list.forEach(function (h) { if (h.page) ul.appendChild(item(h)); });
        section.appendChild(ul);
        section.hidden = filter !== 'all' && filter !== a.id;
        results.appendChild(section);
      });
      show();
    }

    function addFilter(id, title, count) {
      var b = el('button', { type: 'button', 'aria-pressed': String(filter === id), 'data-filter': id }, title + ' (' + count + ')');
      b.addEventListener('click', function () {
        filter = id;
        filters.querySelectorAll('button').forEach(function (x) { x.setAttribute('aria-pressed', String(x === b)); });
        results.querySelectorAll('.search-group').forEach(function (g) { g.hidden = id !== 'all' && g.getAttribute('data-audience') !== id; });
        var visible = results.querySelectorAll('.search-group:not([hidden]) li').length;
        status.textContent = visible + (visible === 1 ? ' result' : ' results') + (id === 'all' ? '' : ' for ' + title);
      });
      filters.appendChild(b);
    }

    function item(h) {
      var li = el('li', { class: 'search-hit search-hit-' + h.kind });
      var a = el('a', { href: root + h.href });
      if (h.kind === 'error' && h.table === 'end-user') {
        a.appendChild(el('span', { class: 'search-hit-title' }, h.message));
        a.appendChild(el('span', { class: 'search-hit-context' }, 'Message \u00b7 ' + h.page.title));
      } else if (h.kind === 'error') {
        a.appendChild(breakable(el('code', { class: 'search-hit-title' }, h.title)));
        a.appendChild(el('span', { class: 'search-hit-context' }, (h.http ? 'HTTP ' + h.http + ' \u00b7 ' : '') + h.page.title));
      } else {
        a.appendChild(el('span', { class: 'search-hit-title' }, h.title));
        if (h.heading) a.appendChild(el('span', { class: 'search-hit-context' }, '\u203a ' + h.heading));
      }
      if (h.text) a.appendChild(snippet(h.text, h.terms));
      li.appendChild(a);
      return li;
    }

    input.addEventListener('input', debounce(run, 120));
    // Start loading the engine as soon as the reader heads for the box; reopen closed results on click.
    input.addEventListener('focus', function () { load(function () {}); });
    input.addEventListener('click', function () { if (input.value.trim() && lastQuery) show(); });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var q = input.value.trim();
      if (!q) return;
      load(function () {
        index.search(q, function (hits) {
          lastQuery = q;
          render(q, hits);
          var first = results.querySelector('.search-group:not([hidden]) a');
          if (first) location.href = first.href;
        });
      });
    });
    form.addEventListener('keydown', function (e) {
      var links = [].slice.call(results.querySelectorAll('.search-group:not([hidden]) a'));
      var i = links.indexOf(doc.activeElement);
      if (e.key === 'Escape') {
        if (!panel.hidden) { hide(); input.focus(); e.preventDefault(); }
      } else if (e.key === 'ArrowDown' && (doc.activeElement === input || i >= 0) && !panel.hidden && links.length) {
        links[Math.min(i + 1, links.length - 1)].focus();
        e.preventDefault();
      } else if (e.key === 'ArrowUp' && i >= 0) {
        (i === 0 ? input : links[i - 1]).focus();
        e.preventDefault();
      }
    });
    doc.addEventListener('click', function (e) { if (!form.contains(e.target)) hide(); });
    form.addEventListener('focusout', function (e) { if (e.relatedTarget && !form.contains(e.relatedTarget)) hide(); });
    doc.addEventListener('keydown', function (e) {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !editable(e.target)) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
    var initial = new URLSearchParams(location.search).get('q');
    if (initial) { input.value = initial; run(); }
  }

  // Whole words only, longest first: "in" is not found inside "Intune" or "sign". Group 2 is the word.
  function wordRegExp(words, flags) {
    var escaped = words.slice().sort(function (a, b) { return b.length - a.length; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    return new RegExp('(^|[^\\p{L}\\p{N}])(' + escaped.join('|') + ')(?![\\p{L}\\p{N}])', 'iu' + flags);
  }

  // A short excerpt around the first matched word, matched words marked.
  function snippet(text, terms) {
    var words = terms.filter(function (t) { return t.length > 1; });
    var first = words.length ? wordRegExp(words, '').exec(text) : null;
    var at = first ? first.index + first[1].length : -1;
    var start = at < 60 ? 0 : text.lastIndexOf(' ', at - 40) + 1;
    var end = Math.min(text.length, start + 160);
    if (end < text.length) { var sp = text.lastIndexOf(' ', end); if (sp > start + 80) end = sp; }
    var s = (start > 0 ? '\u2026' : '') + text.slice(start, end) + (end < text.length ? '\u2026' : '');
    var out = el('span', { class: 'search-hit-snippet' });
    if (!words.length) { out.textContent = s; return out; }
    var re = wordRegExp(words, 'g'), last = 0, m;
    while ((m = re.exec(s))) {
      var word = m.index + m[1].length;
      out.appendChild(doc.createTextNode(s.slice(last, word)));
      out.appendChild(el('mark', null, m[2]));
      last = word + m[2].length;
    }
    out.appendChild(doc.createTextNode(s.slice(last)));
    return out;
  }
})();
