// Live examples, the part every page with a "Try it" or "Paste a response" control loads: it waits for a
// click and only then loads the editor (live-editor.js), which loads the validator and the data it needs.
// Pages without such a control do not load this file at all.
(function () {
  'use strict';
  var me = document.currentScript;
  var live = window.docsiteLive = window.docsiteLive || {};
  live.config = { root: me.getAttribute('data-root'), assets: me.getAttribute('data-assets'), v: me.getAttribute('data-v'), version: me.getAttribute('data-version') };
  var state = 'idle', waiting = [];

  function loadEditor(then) {
    if (state === 'ready') return then(true);
    waiting.push(then);
    if (state === 'loading') return;
    state = 'loading';
    var s = document.createElement('script');
    var finish = function (ok) { state = ok ? 'ready' : 'idle'; var w = waiting; waiting = []; w.forEach(function (f) { f(ok); }); };
    s.src = live.config.assets + 'live-editor.js?v=' + live.config.v;
    s.onload = function () { finish(!!live.toggle); };
    s.onerror = function () { s.remove(); finish(false); };
    document.head.appendChild(s);
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('.live-tools .live-open');
    if (!button) return;
    button.setAttribute('aria-busy', 'true');
    loadEditor(function (ok) {
      button.removeAttribute('aria-busy');
      if (ok) live.toggle(button);
      else {
        var hint = button.parentNode.querySelector('.live-hint');
        if (hint) hint.textContent = 'The checker could not be loaded. Reload the page to try again.';
      }
    });
  });
})();
