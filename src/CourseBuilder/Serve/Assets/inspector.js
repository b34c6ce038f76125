// The LMS inspector of `coursebuilder serve`: scorm-again plays the LMS for the module's player
// in the frame, every call is listed as it happens, and the launch can be reset, resumed, put
// in browse or review mode, or made to meet an LMS that refuses a call. Each launch is a fresh
// page load; its settings and the data to resume from wait in sessionStorage meanwhile.
(function () {
  'use strict';
  var me = document.currentScript;
  var key = 'cb-inspector:' + me.getAttribute('data-module');
  var form = document.getElementById('cbi-controls');
  var saved = JSON.parse(sessionStorage.getItem(key) || '{}');
  var settings = { version: saved.version || '1.2', mode: saved.mode || 'normal', refuse: saved.refuse || '' };
  form.elements.version.value = settings.version;
  form.elements.mode.value = settings.mode;
  form.elements.refuse.value = settings.refuse;
  if (me.getAttribute('data-lms') !== '1') {
    Array.prototype.forEach.call(form.elements, function (el) { el.disabled = true; });
    return;
  }

  function relaunch(resume) {
    settings = { version: form.elements.version.value, mode: form.elements.mode.value, refuse: form.elements.refuse.value };
    sessionStorage.setItem(key, JSON.stringify({ version: settings.version, mode: settings.mode, refuse: settings.refuse, resume: resume || null }));
    location.reload();
  }

  var is2004 = settings.version === '2004';
  var api = is2004 ? new window.Scorm2004API({ logLevel: 5, autocommit: false }) : new window.Scorm12API({ logLevel: 5, autocommit: false });
  var start = saved.resume || {};
  if (settings.mode !== 'normal') {
    if (is2004) start.mode = settings.mode;
    else { start.core = start.core || {}; start.core.lesson_mode = settings.mode; }
  }
  if (Object.keys(start).length) api.loadFromJSON(start);

  var calls = [];
  var rows = {};
  var cmiBody = document.querySelector('#cbi-cmi tbody');
  var callList = document.getElementById('cbi-calls');
  var size = document.getElementById('cbi-size');
  var meter = document.getElementById('cbi-size-meter');

  function showSize(value) {
    var length = String(value).length;
    size.textContent = length.toLocaleString('en-US');
    meter.value = Math.min(length, 4096);
    size.className = length > 4096 ? 'cbi-over' : '';
    if (length > 4096) size.textContent += ' — over the limit: a SCORM 1.2 LMS may cut it or refuse it';
  }

  function showElement(element, value) {
    var row = rows[element];
    if (!row) {
      row = rows[element] = document.createElement('tr');
      row.appendChild(document.createElement('td')).textContent = element;
      row.appendChild(document.createElement('td'));
      row.dataset.element = element;
      cmiBody.appendChild(row);
    }
    row.lastChild.textContent = value;
    row.className = 'cbi-changed';
    setTimeout(function () { row.className = ''; }, 1200);
  }

  var names = ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'];
  names.forEach(function (fn) {
    if (!api[fn]) return;
    var real = api[fn].bind(api);
    var base = fn.replace(/^LMS/, '').replace('Finish', 'Terminate');
    api[fn] = function (a, b) {
      var refused = settings.refuse && (settings.refuse === base || settings.refuse === base + ':' + a);
      var result = refused ? 'false' : real(a, b);
      calls.push({ fn: fn, a: a === undefined ? '' : String(a), b: b === undefined ? null : String(b), r: String(result), refused: !!refused });
      if (base !== 'GetValue') {
        var item = document.createElement('li');
        item.textContent = fn + '(' + (a === undefined || a === '' ? '' : JSON.stringify(String(a))) +
          (b === undefined ? '' : ', ' + JSON.stringify(String(b).length > 120 ? String(b).slice(0, 120) + '…' : String(b))) + ') → ' + result +
          (refused ? '  (refused by the inspector)' : '');
        if (refused) item.className = 'cbi-refused';
        callList.appendChild(item);
      }
      if (base === 'SetValue') {
        if (!refused) showElement(String(a), String(b));
        if (a === 'cmi.suspend_data') showSize(b);
      }
      return result;
    };
  });
  window[is2004 ? 'API_1484_11' : 'API'] = api;
  window.cbInspector = { api: api, calls: calls, settings: settings };

  var launch = 'SCORM ' + settings.version + ', ' + settings.mode + ' mode, ' + (saved.resume ? 'resumed (entry = resume)' : 'first launch') +
    (settings.refuse ? '; the LMS refuses ' + form.elements.refuse.selectedOptions[0].textContent : '');
  document.getElementById('cbi-launch').textContent = 'Launched: ' + launch + '.';
  if (saved.resume && saved.resume.suspend_data) showSize(saved.resume.suspend_data);

  // What an LMS hands back on relaunch after the learner left with exit = suspend.
  function resumeData() {
    var cmi = JSON.parse(JSON.stringify(api.cmi));
    if (is2004) {
      return { suspend_data: cmi.suspend_data, location: cmi.location, completion_status: cmi.completion_status,
        success_status: cmi.success_status, entry: 'resume', interactions: cmi.interactions };
    }
    return { suspend_data: cmi.suspend_data, interactions: cmi.interactions,
      core: { lesson_location: cmi.core.lesson_location, lesson_status: cmi.core.lesson_status, entry: 'resume' } };
  }

  form.addEventListener('change', function () { relaunch(null); });
  document.getElementById('cbi-reset').addEventListener('click', function () { relaunch(null); });
  document.getElementById('cbi-resume').addEventListener('click', function () {
    // Removing the frame is the learner leaving: the player saves and finishes on pagehide.
    var frame = document.getElementById('cbi-sco');
    frame.remove();
    relaunch(resumeData());
  });

  document.getElementById('cbi-sco').src = me.getAttribute('data-player');
})();
