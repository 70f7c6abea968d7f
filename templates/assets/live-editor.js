// Live examples, loaded by live.js when a reader first opens "Try it" or "Paste a response".
// "Try it": the reader edits a JSON example (or pastes their own) and it is checked in the page against
// the schema the build used (<version>/_schemas/NAME.js) by the vendored validator; each problem is shown
// at its line, in plain words. "Paste a response": an error body or a log line is matched to this
// version's catalog (<version>/errors.js). Everything is loaded with <script> tags from this site, so it
// works offline and from file://, and nothing leaves the page.
(function () {
  'use strict';
  var doc = document;
  var live = window.docsiteLive;
  var cfg = live.config;
  var loaded = {}, count = 0;

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function debounce(fn, ms) { var t; return function () { clearTimeout(t); t = setTimeout(fn, ms); }; }

  // Checks the text once typing pauses. Until then a result that a check will replace is marked out of
  // date (aria-busy): the verdict it shows is for the text before the change.
  function checkWhenTypingPauses(area, result, run, canCheck) {
    var later = debounce(run, 200);
    area.addEventListener('input', function () { if (canCheck()) result.setAttribute('aria-busy', 'true'); later(); });
  }

  // Each script once; callbacks wait for it.
  function load(src, then) {
    var l = loaded[src];
    if (l && l.done) return then(l.ok);
    if (!l) {
      l = loaded[src] = { done: false, ok: false, waiting: [] };
      var s = el('script', { src: src });
      var finish = function (ok) { l.done = true; l.ok = ok; l.waiting.forEach(function (f) { f(ok); }); l.waiting = []; };
      s.onload = function () { finish(true); };
      s.onerror = function () { finish(false); };
      doc.head.appendChild(s);
    }
    l.waiting.push(then);
  }

  function loadAll(srcs, then) {
    var left = srcs.length, ok = true;
    srcs.forEach(function (s) { load(s, function (r) { ok = ok && r; if (--left === 0) then(ok); }); });
  }

  function schemaScript(name) { return cfg.root + '_schemas/' + encodeURIComponent(name) + '.js'; }
  var VALIDATOR = cfg.assets + 'vendor/json-schema.min.js?v=' + cfg.v;

  // ---- JSON with positions ---------------------------------------------------------------------------

  // A JSON parser that remembers, for every value, the line it is written on (for a property: the line
  // of its name), keyed by JSON pointer. The validator reports where a problem is as a pointer; this
  // turns it into a line. Syntax errors come back in plain words with their line.
  function parseJson(text) {
    var i = 0, line = 1, n = text.length, lines = {}, endLine = 1;
    function fail(message, at) { var e = new Error(message); e.line = at || line; throw e; }
    function ws() {
      while (i < n) {
        var c = text.charCodeAt(i);
        if (c === 10) { line++; i++; } else if (c === 32 || c === 9 || c === 13) i++;
        else if (c === 47 && (text[i + 1] === '/' || text[i + 1] === '*')) fail('comments are not allowed in JSON');
        else break;
      }
    }
    function what(c) { return c === undefined ? 'the end of the text' : '\u201c' + c + '\u201d'; }
    function value(ptr, at) {
      ws();
      lines[ptr] = at || line;
      var c = text[i], v;
      if (c === '{') v = object(ptr);
      else if (c === '[') v = array(ptr);
      else if (c === '"') v = string();
      else if (c === '-' || (c >= '0' && c <= '9')) v = number();
      else if (text.startsWith('true', i)) { i += 4; v = true; }
      else if (text.startsWith('false', i)) { i += 5; v = false; }
      else if (text.startsWith('null', i)) { i += 4; v = null; }
      else if (c === "'") fail('text must be in double quotes (") in JSON, not single quotes');
      else if (c === undefined) fail('the text ends where a value was expected');
      else if (/[A-Za-z]/.test(c)) fail('text must be in double quotes: ' + text.slice(i).match(/^[A-Za-z_]\w*/)[0] + ' is not a JSON value (true, false and null are)');
      else fail('unexpected ' + what(c) + ' where a value was expected');
      endLine = line;
      return v;
    }
    function object(ptr) {
      var o = {}, start = line;
      i++; ws();
      if (text[i] === '}') { i++; return o; }
      for (;;) {
        ws();
        if (text[i] === '}') fail('a comma before \u201c}\u201d is not allowed in JSON: remove the last comma', endLine);
        if (text[i] !== '"') fail(text[i] === "'" ? 'property names must be in double quotes ("), not single quotes' : 'expected a property name in double quotes, found ' + what(text[i]));
        var at = line, key = string();
        if (Object.prototype.hasOwnProperty.call(o, key)) fail('\u201c' + key + '\u201d appears twice in the same object');
        ws();
        if (text[i] !== ':') fail('expected \u201c:\u201d after the property name \u201c' + key + '\u201d');
        i++;
        o[key] = value(ptr + '/' + key.replace(/~/g, '~0').replace(/\//g, '~1'), at);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return o; }
        if (text[i] === undefined) fail('the object that starts on line ' + start + ' is not closed: add \u201c}\u201d', endLine);
        fail('expected a comma or \u201c}\u201d after the value of \u201c' + key + '\u201d', endLine);
      }
    }
    function array(ptr) {
      var a = [], start = line;
      i++; ws();
      if (text[i] === ']') { i++; return a; }
      for (;;) {
        ws();
        if (text[i] === ']') fail('a comma before \u201c]\u201d is not allowed in JSON: remove the last comma', endLine);
        a.push(value(ptr + '/' + a.length));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return a; }
        if (text[i] === undefined) fail('the list that starts on line ' + start + ' is not closed: add \u201c]\u201d', endLine);
        fail('expected a comma or \u201c]\u201d after item ' + a.length + ' of the list', endLine);
      }
    }
    function string() {
      var start = ++i, out = '';
      for (;;) {
        var c = text[i];
        if (c === undefined || c === '\n') fail('a text value is not closed: add the closing double quote');
        if (c === '"') { i++; return out + text.slice(start, i - 1); }
        if (c === '\\') {
          out += text.slice(start, i);
          var e = text[i + 1], m;
          if (e === 'u' && (m = /^[0-9a-fA-F]{4}/.exec(text.slice(i + 2, i + 6)))) { out += String.fromCharCode(parseInt(m[0], 16)); i += 6; }
          else if ('"\\/bfnrt'.indexOf(e) >= 0 && e) { out += JSON.parse('"\\' + e + '"'); i += 2; }
          else fail('\u201c\\' + (e || '') + '\u201d is not a valid escape in a JSON text value');
          start = i;
        } else if (c < ' ') fail('a control character (such as a tab) must be escaped inside a text value');
        else i++;
      }
    }
    function number() {
      var re = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
      re.lastIndex = i;
      var m = re.exec(text);
      if (!m) fail('\u201c' + text.slice(i, i + 8).split(/\s/)[0] + '\u201d is not a valid number');
      i = re.lastIndex;
      if (/[0-9.]/.test(text[i] || '')) fail('\u201c' + text.slice(m.index, i + 1) + '\u201d is not a valid number (no leading zeros)');
      return Number(m[0]);
    }
    ws();
    if (i >= n) fail('the text is empty: type or paste a JSON document');
    var result = value('');
    ws();
    if (i < n) fail('unexpected ' + what(text[i]) + ' after the end of the JSON document');
    return { value: result, lines: lines };
  }

  // ---- schema validation in plain words ---------------------------------------------------------------

  // Keywords that only say "something inside failed": their inner errors say what.
  var WRAPPERS = ['properties', 'patternProperties', '$ref', '$dynamicRef', '$recursiveRef', 'if', 'then', 'else', 'allOf',
    'items', 'prefixItems', 'additionalItems', 'dependentSchemas', 'contains', 'propertyNames', 'unevaluatedItems'];

  function unescape(t) { return t.replace(/~1/g, '/').replace(/~0/g, '~'); }
  function tokens(pointer) {
    return decodeURI(pointer.replace(/^#/, '')).split('/').slice(1).map(unescape);
  }
  function at(root, pointer) {
    var node = root;
    tokens(pointer).forEach(function (t) { node = node == null ? undefined : node[t]; });
    return node;
  }
  function ref(schema, r) {
    if (typeof r !== 'string') return undefined;
    var hash = r.indexOf('#');
    var base = hash < 0 ? r : r.slice(0, hash);
    if (base && base !== schema.$id) return undefined;
    return at(schema, hash < 0 ? '' : r.slice(hash));
  }
  // The subschema holding a keyword, following $ref the way the validator's keywordLocation does.
  function keywordParent(schema, location) {
    var node = schema, parent = null;
    tokens(location).forEach(function (t) {
      parent = node;
      if (node == null) return;
      node = t === '$ref' && typeof node.$ref === 'string' ? ref(schema, node.$ref) : node[t];
      if (t === '$ref') parent = null;
    });
    return parent;
  }

  var TYPES = { boolean: 'true or false', string: 'text in double quotes', number: 'a number', integer: 'a whole number',
    object: 'an object ({ \u2026 })', array: 'a list ([ \u2026 ])', 'null': 'null' };

  function describe(schema, s) {
    if (!s || typeof s !== 'object') return 'a value this schema allows';
    if (s.$ref) return describe(schema, ref(schema, s.$ref));
    if (s.description) return s.description;
    if ('const' in s) return s.const === '' ? 'empty ("")' : JSON.stringify(s.const);
    if (s.enum) return 'one of ' + s.enum.map(function (x) { return JSON.stringify(x); }).join(', ');
    if (s.type) return [].concat(s.type).map(function (t) { return TYPES[t] || t; }).join(' or ');
    return 'a value this schema allows';
  }

  function nameOf(pointer) {
    var t = tokens(pointer);
    return t.length ? '\u201c' + t[t.length - 1] + '\u201d' : 'The document';
  }

  function found(doc, pointer) {
    var v = at(doc, pointer);
    if (v === undefined) return '';
    var s = JSON.stringify(v);
    return ' (it is ' + (s.length > 40 ? s.slice(0, 37) + '\u2026' : s) + ')';
  }

  // For a rule under if/then: "when “Enable” is true", read from the if's const properties.
  function condition(schema, location) {
    var i = location.lastIndexOf('/then/');
    if (i < 0) return '';
    var holder = keywordParent(schema, location.slice(0, i) + '/then');
    var props = holder && holder.if && holder.if.properties;
    if (!props) return '';
    var parts = Object.keys(props).filter(function (k) { return props[k] && 'const' in props[k]; })
      .map(function (k) { return '\u201c' + k + '\u201d is ' + JSON.stringify(props[k].const); });
    return parts.length ? ' when ' + parts.join(' and ') : '';
  }

  function plain(schema, doc, e) {
    var loc = e.instanceLocation, who = nameOf(loc), m, parent, when = condition(schema, e.keywordLocation);
    switch (e.keyword) {
      case 'required':
        m = /required property "(.*)"/.exec(e.error);
        return { pointer: loc, text: who + ' needs \u201c' + (m ? m[1] : '?') + '\u201d' + when + '.' };
      case 'type':
        m = /Instance type "(\w+)" is invalid\. Expected "(.*)"/.exec(e.error);
        return { text: who + ' must be ' + (m ? m[2].split(/", "|","/).map(function (t) { return TYPES[t] || t; }).join(' or ') : 'of another type') + ', not ' + (m ? TYPES[m[1]] || m[1] : 'this') + '.' };
      case 'enum': case 'const': case 'pattern': case 'anyOf': case 'oneOf':
        parent = keywordParent(schema, e.keywordLocation);
        var expected = !parent ? null
          : e.keyword === 'anyOf' || e.keyword === 'oneOf' ? parent[e.keyword].map(function (b) { return describe(schema, b); }).join(e.keyword === 'oneOf' ? ', or exactly one of: ' : ' or ')
          : e.keyword === 'pattern' ? parent.description || 'text matching ' + parent.pattern
          : describe(schema, e.keyword === 'enum' ? { enum: parent.enum } : { const: parent.const });
        return { text: who + (expected ? ' must be ' + expected : ' has a value this schema does not allow') + when + found(doc, loc) + '.' };
      case 'additionalProperties':
        m = /Property "(.*)" does not match/.exec(e.error);
        parent = keywordParent(schema, e.keywordLocation);
        var known = parent && parent.properties ? Object.keys(parent.properties) : [];
        var key = m ? m[1] : '?';
        return { pointer: loc + '/' + key.replace(/~/g, '~0').replace(/\//g, '~1'),
          text: '\u201c' + key + '\u201d is not allowed ' + (tokens(loc).length ? 'in ' + who : 'at the top level') + (known.length ? ': expected ' + known.join(', ') : '') + '.' };
      case 'false':
        return { text: who + ' is not allowed here.' };
      default:
        return { text: who + ': ' + e.error.replace(/^Instance /, '').replace(/\.$/, '') + '.' };
    }
  }

  // The validator's verdict, and its errors as one plain message per problem, each with its line.
  function check(text, schemaName) {
    var schema = (window.docsiteSchemas || {})[schemaName];
    if (!schema || !window.CfworkerJsonSchema) throw new Error('schema ' + schemaName + ' is not loaded');
    var parsed;
    try { parsed = parseJson(text); } catch (err) {
      if (err.line == null) throw err;
      return { valid: false, syntax: true, problems: [{ line: err.line, text: 'Not valid JSON: ' + err.message + '.' }] };
    }
    var validator = live.validators[schemaName] || (live.validators[schemaName] = new window.CfworkerJsonSchema.Validator(schema, '2020-12', false));
    var r = validator.validate(parsed.value);
    if (r.valid) return { valid: true, problems: [] };
    var errors = r.errors.filter(function (e) { return WRAPPERS.indexOf(e.keyword) < 0; });
    if (!errors.length) errors = r.errors;
    // anyOf/oneOf speak for their branches.
    var groups = errors.filter(function (e) { return e.keyword === 'anyOf' || e.keyword === 'oneOf'; }).map(function (e) { return e.keywordLocation + '/'; });
    var objects = errors.filter(function (e) { return e.keyword === 'additionalProperties'; }).map(function (e) { return e.instanceLocation + '/'; });
    var seen = {}, problems = [];
    errors.forEach(function (e) {
      if (groups.some(function (g) { return e.keywordLocation.indexOf(g) === 0; })) return;
      if (e.keyword === 'false' && objects.some(function (o) { return e.instanceLocation.indexOf(o) === 0; })) return;
      var p = plain(schema, parsed.value, e);
      // One message per value (the first is the most specific); an object may miss several properties.
      var key = e.keyword === 'required' || e.keyword === 'additionalProperties' ? p.text : e.instanceLocation;
      if (seen[key]) return;
      seen[key] = true;
      var ptr = decodeURI((p.pointer || e.instanceLocation).replace(/^#/, ''));
      problems.push({ line: parsed.lines[ptr] || 1, text: p.text, pointer: ptr });
    });
    problems.sort(function (a, b) { return a.line - b.line; });
    return { valid: false, problems: problems };
  }

  live.validators = live.validators || {};
  live.check = check;
  live.parseJson = parseJson;

  // ---- "Try it" ----------------------------------------------------------------------------------------

  function tryIt(tools, button) {
    var schemaName = tools.getAttribute('data-live-schema');
    var block = tools.previousElementSibling;
    var code = block && block.querySelector('pre');
    var original = code ? code.textContent.replace(/\n$/, '') : '';
    var id = 'live-' + (++count);
    var panel = el('div', { class: 'live-panel', id: id, role: 'group', 'aria-labelledby': id + '-label' });
    var label = el('label', { id: id + '-label', for: id + '-text' }, 'Your JSON, checked against the schema ');
    label.appendChild(el('code', null, schemaName));
    var editor = el('div', { class: 'live-editor' });
    var gutter = el('div', { class: 'live-gutter', 'aria-hidden': 'true' });
    var area = el('textarea', { id: id + '-text', class: 'live-text', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
      wrap: 'off', rows: String(Math.max(6, original.split('\n').length + 1)), 'aria-describedby': id + '-result' });
    area.value = original;
    editor.appendChild(gutter);
    editor.appendChild(area);
    var actions = el('div', { class: 'live-actions' });
    var reset = el('button', { type: 'button', class: 'live-reset' }, 'Reset');
    reset.appendChild(el('span', { class: 'visually-hidden' }, ' the example'));
    actions.appendChild(reset);
    var result = el('div', { class: 'live-result', id: id + '-result', role: 'status', 'aria-live': 'polite' }, 'Loading the checker\u2026');
    panel.appendChild(label);
    panel.appendChild(editor);
    panel.appendChild(actions);
    panel.appendChild(result);
    tools.parentNode.insertBefore(panel, tools.nextSibling);
    button.setAttribute('aria-controls', id);

    var ready = false;
    function numbers(bad) {
      var count = area.value.split('\n').length, out = [];
      for (var l = 1; l <= count; l++) out.push('<span' + (bad[l] ? ' class="bad"' : '') + '>' + l + '</span>');
      gutter.innerHTML = out.join('');
      gutter.scrollTop = area.scrollTop;
    }
    function goTo(line) {
      var lines = area.value.split('\n');
      var start = lines.slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
      area.focus();
      area.setSelectionRange(start, start + (lines[line - 1] || '').length);
    }
    function run() {
      if (!ready) return numbers({});
      var r = check(area.value, schemaName), bad = {};
      result.removeAttribute('aria-busy');
      result.textContent = '';
      panel.classList.toggle('is-valid', r.valid);
      panel.classList.toggle('is-invalid', !r.valid);
      area.setAttribute('aria-invalid', String(!r.valid));
      if (r.valid) {
        result.appendChild(el('p', { class: 'live-ok' }, 'Valid: this JSON matches the schema ' + schemaName + '.'));
      } else {
        result.appendChild(el('p', { class: 'live-bad' }, r.problems.length === 1 ? '1 problem:' : r.problems.length + ' problems:'));
        var list = el('ul', { class: 'live-problems' });
        r.problems.forEach(function (p) {
          bad[p.line] = true;
          var li = el('li', { 'data-line': String(p.line) });
          var go = el('button', { type: 'button', class: 'live-line', title: 'Select line ' + p.line + ' in the editor' }, 'Line ' + p.line);
          go.addEventListener('click', function () { goTo(p.line); });
          li.appendChild(go);
          li.appendChild(doc.createTextNode(' ' + p.text));
          list.appendChild(li);
        });
        result.appendChild(list);
      }
      numbers(bad);
    }
    checkWhenTypingPauses(area, result, run, function () { return ready; });
    area.addEventListener('scroll', function () { gutter.scrollTop = area.scrollTop; });
    reset.addEventListener('click', function () { area.value = original; area.scrollTop = 0; run(); area.focus(); });
    numbers({});
    loadAll([VALIDATOR, schemaScript(schemaName)], function (ok) {
      if (!ok || !window.CfworkerJsonSchema || !(window.docsiteSchemas || {})[schemaName]) {
        result.textContent = 'The checker could not be loaded. Reload the page to try again.';
        return;
      }
      ready = true;
      panel.setAttribute('data-ready', 'true');
      run();
    });
    return area;
  }

  // ---- "Paste a response" ------------------------------------------------------------------------------

  // Error ids look like ent.intune.login.account_not_found.app_error: three or more dotted words.
  var ID = /[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+){2,}/g;

  // The catalog entry a pasted text is about: the "id" of a JSON body, else the first id of the catalog
  // found in the text (a log line), else the first #err- anchor.
  function findEntry(text, errors) {
    var byId = {}, byAnchor = {};
    errors.forEach(function (e) { byId[e.id.toLowerCase()] = e; byAnchor[e.anchor] = e; });
    var candidates = [];
    try { var body = JSON.parse(text); if (body && typeof body.id === 'string') candidates.push(body.id); } catch (ignored) { /* not JSON: a log line */ }
    candidates = candidates.concat(text.match(ID) || []);
    for (var i = 0; i < candidates.length; i++) if (byId[candidates[i].toLowerCase()]) return { entry: byId[candidates[i].toLowerCase()] };
    var a = /err-[a-z0-9_-]+/.exec(text);
    if (a && byAnchor[a[0]]) return { entry: byAnchor[a[0]] };
    return { unknown: candidates.filter(function (c) { return !/^\d/.test(c); })[0] };
  }

  function pasteResponse(tools, button) {
    var id = 'live-' + (++count);
    var panel = el('div', { class: 'live-panel live-paste', id: id, role: 'group', 'aria-labelledby': id + '-label' });
    var label = el('label', { id: id + '-label', for: id + '-text' }, 'Paste an error response body or a log line');
    var area = el('textarea', { id: id + '-text', class: 'live-text', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
      rows: '6', placeholder: '{"id": "\u2026", "message": "\u2026", "status_code": 400}', 'aria-describedby': id + '-result' });
    var actions = el('div', { class: 'live-actions' });
    var clear = el('button', { type: 'button', class: 'live-reset' }, 'Clear');
    actions.appendChild(clear);
    var result = el('div', { class: 'live-result', id: id + '-result', role: 'status', 'aria-live': 'polite' }, 'Loading the catalog\u2026');
    panel.appendChild(label);
    panel.appendChild(area);
    panel.appendChild(actions);
    panel.appendChild(result);
    tools.parentNode.insertBefore(panel, tools.nextSibling);
    button.setAttribute('aria-controls', id);
    var errors = null;

    function row(dl, term, value) {
      if (value == null || value === '') return;
      dl.appendChild(el('dt', null, term));
      dl.appendChild(el('dd', null, value));
    }
    function run() {
      if (!errors) return;
      result.removeAttribute('aria-busy');
      result.textContent = '';
      var text = area.value.trim();
      if (!text) { result.appendChild(el('p', null, 'Paste a response body or a log line above.')); return; }
      var r = findEntry(text, errors);
      if (!r.entry) {
        result.appendChild(el('p', { class: 'live-bad' }, r.unknown
          ? '\u201c' + r.unknown + '\u201d is not an error of the catalog for version ' + cfg.version + '.'
          : 'No error id found in this text. An error id looks like ent.intune.login.account_not_found.app_error.'));
        return;
      }
      var e = r.entry;
      var card = el('div', { class: 'live-entry', 'data-error-id': e.id });
      var title = el('p', { class: 'live-entry-title' });
      title.appendChild(el('code', null, e.id));
      card.appendChild(title);
      var dl = el('dl');
      row(dl, 'HTTP status', e.http != null ? String(e.http) : null);
      row(dl, 'Scenario', e.scenario);
      row(dl, 'What users see', e.silent ? 'Nothing: ' + (e.fallback === 'web-sso' ? 'the app falls back to the standard sign-in.' : 'no message is shown.')
        : (e.user_title ? e.user_title + ': ' : '') + e.user_message);
      row(dl, 'Cause', e.cause);
      row(dl, 'Resolution', e.resolution);
      card.appendChild(dl);
      if (e.url) card.appendChild(el('a', { href: cfg.root + e.url, class: 'live-entry-link' }, 'Open its row in the error table'));
      result.appendChild(card);
    }
    checkWhenTypingPauses(area, result, run, function () { return errors !== null; });
    clear.addEventListener('click', function () { area.value = ''; run(); area.focus(); });
    load(cfg.root + 'errors.js', function (ok) {
      if (!ok || !window.docsiteErrors) { result.textContent = 'The catalog could not be loaded. Reload the page to try again.'; return; }
      errors = window.docsiteErrors.errors;
      panel.setAttribute('data-ready', 'true');
      run();
    });
    return area;
  }

  // Opens (first time: builds) or closes the panel of a control.
  live.toggle = function (button) {
    var tools = button.parentNode;
    var panel = button.getAttribute('aria-controls') && doc.getElementById(button.getAttribute('aria-controls'));
    if (panel) {
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) panel.querySelector('textarea').focus();
      return;
    }
    var area = tools.getAttribute('data-live') === 'response' ? pasteResponse(tools, button) : tryIt(tools, button);
    button.setAttribute('aria-expanded', 'true');
    area.focus();
  };
})();
