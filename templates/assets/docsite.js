// docsite reader behaviour: navigation toggle, version switcher, copy buttons. No other origin is contacted.
(function () {
  'use strict';
  function ready(fn) { if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn); }
  ready(function () {
    var toggle = document.querySelector('.nav-toggle');
    if (toggle) toggle.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    var switcher = document.querySelector('[data-version-switcher]');
    if (switcher) switcher.addEventListener('change', function () {
      location.href = switcher.value + location.hash;
    });
    document.querySelectorAll('.listingblock pre').forEach(function (pre) {
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'copy-button'; b.textContent = 'Copy';
      b.setAttribute('aria-label', 'Copy code to clipboard');
      b.addEventListener('click', function () {
        var text = pre.innerText;
        var done = function () { b.textContent = 'Copied'; setTimeout(function () { b.textContent = 'Copy'; }, 1500); };
        if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, done); else done();
      });
      pre.parentNode.insertBefore(b, pre);
    });
  });
})();
