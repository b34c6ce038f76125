// coursebuilder serve: reloads the page after a build that changed it, and while the content
// has errors shows every diagnostic over the last good build. Served pages only: `build`
// never writes this file into a package.
(function () {
  'use strict';
  // The inspector frames the player and reloads the whole launch itself.
  if (window.top !== window) return;
  var shown = Number(document.currentScript.getAttribute('data-build'));
  var overlay = null;

  function text(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content !== undefined) el.textContent = content;
    return el;
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function show(status) {
    hide();
    overlay = text('section', 'cbs-overlay');
    overlay.id = 'cbs-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.setAttribute('aria-labelledby', 'cbs-overlay-title');
    var box = text('div', 'cbs-overlay__box');
    box.appendChild(text('h2', 'cbs-overlay__title',
      'The content has ' + status.errors + ' error' + (status.errors === 1 ? '' : 's') +
      (status.warnings ? ' and ' + status.warnings + ' warning' + (status.warnings === 1 ? '' : 's') : '')));
    box.lastChild.id = 'cbs-overlay-title';
    // Errors in full; warnings (there may be hundreds) folded below them.
    function list(severity) {
      var ul = text('ul', 'cbs-overlay__list');
      status.diagnostics.filter(function (d) { return d.severity === severity; }).forEach(function (d) {
        var item = text('li', 'cbs-overlay__item cbs-overlay__item--' + d.severity);
        item.appendChild(text('code', null, d.text));
        ul.appendChild(item);
      });
      return ul;
    }
    box.appendChild(list('error'));
    if (status.warnings) {
      var more = text('details', 'cbs-overlay__warnings');
      more.appendChild(text('summary', null, status.warnings + ' warning' + (status.warnings === 1 ? '' : 's')));
      more.appendChild(list('warning'));
      box.appendChild(more);
    }
    box.appendChild(text('p', 'cbs-overlay__note',
      shown > 0 ? 'The page underneath is the last build without errors. Save a fix and this goes away.'
                : 'No build has succeeded yet. Save a fix and the course appears.'));
    var close = text('button', 'cbs-overlay__close', 'Hide');
    close.type = 'button';
    close.addEventListener('click', hide);
    box.appendChild(close);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
  }

  function apply(status) {
    if (status.ok && status.good !== shown) { location.reload(); return; }
    if (status.ok) hide(); else show(status);
  }

  var events = new EventSource('/__cb/events');
  events.addEventListener('status', function (e) { apply(JSON.parse(e.data)); });
  window.addEventListener('pagehide', function () { events.close(); });
})();
