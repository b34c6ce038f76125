/* LMS adapter: one small interface over SCORM 2004, SCORM 1.2 and preview (no LMS).
   See docs/runtime.md for the data mapping. No dependencies. */
(() => {
  'use strict';

  // The standard search: this window and each parent up to top, then the opener and its parents.
  function scan(win, name) {
    for (let i = 0; win && i < 500; i++) {
      try { if (win[name]) return win[name]; } catch (e) { /* another origin: keep climbing */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  function findApi(name) {
    let api = scan(window, name);
    if (!api) try { if (window.opener) api = scan(window.opener, name); } catch (e) { /* closed or foreign opener */ }
    return api;
  }

  function pad(n, width) { n = String(n); while (n.length < width) n = '0' + n; return n; }

  // SCORM 1.2 CMITimespan, HHHH:MM:SS.SS (decimals optional).
  function timespan12(ms, decimals) {
    let cs = Math.round(ms / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = Math.floor(cs / 100) % 60;
    let text = pad(Math.min(h, 9999), 4) + ':' + pad(m, 2) + ':' + pad(s, 2);
    return decimals ? text + '.' + pad(cs % 100, 2) : text;
  }
  // SCORM 2004 timeinterval (ISO 8601 duration), e.g. PT1H2M3.5S.
  function duration2004(ms) {
    let cs = Math.round(ms / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = (cs % 6000) / 100;
    return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + (s || (!h && !m) ? s + 'S' : '');
  }
  // SCORM 2004 time(second,10,0): local time without a zone.
  function timestamp2004(d) {
    return d.getFullYear() + '-' + pad(d.getMonth() + 1, 2) + '-' + pad(d.getDate(), 2) + 'T' +
      pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2);
  }

  // Element names per version; the rest of the adapter speaks in these roles.
  let MODELS = {
    '2004': {
      api: 'API_1484_11', init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit',
      error: 'GetLastError', errorText: 'GetErrorString', diagnostic: 'GetDiagnostic',
      mode: 'cmi.mode', entry: 'cmi.entry', credit: 'cmi.credit', location: 'cmi.location', suspend: 'cmi.suspend_data',
      exit: 'cmi.exit', sessionTime: 'cmi.session_time', score: 'cmi.score.', interactions: 'cmi.interactions.',
      response: 'learner_response', separator: '[,]', wrong: 'incorrect', normalExit: 'normal', suspendMax: 64000,
      // Reading an element nobody has set yet is error 403 in 2004: expected on a first launch.
      quietErrors: { '0': 1, '403': 1 }
    },
    '1.2': {
      api: 'API', init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
      error: 'LMSGetLastError', errorText: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic',
      mode: 'cmi.core.lesson_mode', entry: 'cmi.core.entry', credit: 'cmi.core.credit', location: 'cmi.core.lesson_location',
      suspend: 'cmi.suspend_data', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time', score: 'cmi.core.score.',
      interactions: 'cmi.interactions.', response: 'student_response', separator: ',', wrong: 'wrong', normalExit: '',
      suspendMax: 4096,
      // 401 "not implemented" is allowed for optional elements in 1.2.
      quietErrors: { '0': 1, '401': 1 }
    }
  };

  function ok(result) { return result === true || result === 'true'; }

  /** Opens the connection: the first API found wins (2004 before 1.2); none means preview mode. */
  function open(previewKey) {
    let kind = findApi(MODELS['2004'].api) ? '2004' : findApi(MODELS['1.2'].api) ? '1.2' : 'preview';
    return kind === 'preview' ? preview(previewKey) : scorm(kind);
  }

  function scorm(kind) {
    let M = MODELS[kind], api = findApi(M.api), started = Date.now(), live = false, finished = false;
    let self = {
      kind: kind, review: false, suspend: '', location: '', interactionCount: 0, interactionIds: {},
      suspendMax: M.suspendMax, onProblem: null, problems: 0
    };

    function problem(what) {
      let code = '', text = '', diag = '';
      try { code = String(api[M.error]()); text = api[M.errorText](code); diag = api[M.diagnostic](code); } catch (e) { text = String(e); }
      console.warn('CourseBuilder LMS: ' + what + ' failed (error ' + code + ': ' + text + (diag ? '; ' + diag : '') + ')');
      self.problems++;
      if (self.onProblem) self.onProblem(what);
    }
    function call(name, args, what) {
      let result;
      try { result = api[name].apply(api, args); } catch (e) { console.warn('CourseBuilder LMS: ' + name + ' threw', e); result = false; }
      if (!ok(result)) problem(what);
      return ok(result);
    }
    function get(element) {
      let value = '';
      try { value = api[M.get](element); } catch (e) { console.warn('CourseBuilder LMS: reading ' + element + ' threw', e); return ''; }
      let code = '0';
      try { code = String(api[M.error]()); } catch (e) { /* nothing more to learn */ }
      if (!M.quietErrors[code]) console.warn('CourseBuilder LMS: reading ' + element + ' gave error ' + code);
      return value == null ? '' : String(value);
    }
    function set(element, value) {
      if (!live || self.review) return true;
      return call(M.set, [element, String(value)], 'saving ' + element);
    }

    live = call(M.init, [''], 'starting the session');
    if (live) {
      let mode = get(M.mode);
      self.review = mode === 'review';
      self.entry = get(M.entry);
      self.credit = get(M.credit);
      self.suspend = get(M.suspend);
      self.location = get(M.location);
      // Interactions already stored (a resumed attempt): append after them, never repeat an id.
      let count = parseInt(get(M.interactions + '_count'), 10);
      self.interactionCount = isNaN(count) ? -1 : count;
      if (kind === '2004') for (let i = 0; i < count; i++) self.interactionIds[get(M.interactions + i + '.id')] = true;
      if (!self.review) {
        if (kind === '2004') {
          if (get('cmi.completion_status') !== 'completed') set('cmi.completion_status', 'incomplete');
        } else {
          let status = get('cmi.core.lesson_status');
          if (status === 'not attempted' || status === '') set('cmi.core.lesson_status', 'incomplete');
        }
        set(M.exit, 'suspend');
      }
    }

    self.save = (suspend, location) => {
      if (suspend.length > M.suspendMax) console.warn('CourseBuilder LMS: suspend_data is ' + suspend.length + ' characters, over ' + M.suspendMax);
      set(M.suspend, suspend);
      set(M.location, location);
    };

    /** r: { complete, passed (true|false|null), score (0..100|null), done } */
    self.result = r => {
      if (r.score != null) {
        if (kind === '2004') set(M.score + 'scaled', String(Math.round(r.score) / 100));
        set(M.score + 'min', '0');
        set(M.score + 'max', '100');
        set(M.score + 'raw', String(Math.round(r.score)));
      }
      if (kind === '2004') {
        if (r.complete) set('cmi.completion_status', 'completed');
        if (r.passed != null) set('cmi.success_status', r.passed ? 'passed' : 'failed');
      } else if (r.passed != null) {
        set('cmi.core.lesson_status', r.passed ? 'passed' : 'failed');
      } else if (r.complete) {
        set('cmi.core.lesson_status', 'completed');
      }
      set(M.exit, r.done ? M.normalExit : 'suspend');
    };

    /** i: { id, keys[], correct[], isCorrect, latencyMs, description } */
    self.interaction = i => {
      if (self.interactionIds[i.id]) return;
      if (self.interactionCount < 0) self.interactionCount = 0;
      let n = self.interactionCount, p = M.interactions + n + '.';
      set(p + 'id', i.id);
      set(p + 'type', 'choice');
      if (kind === '2004') {
        set(p + 'timestamp', timestamp2004(new Date()));
        set(p + 'description', i.description);
      } else {
        let now = new Date();
        set(p + 'time', pad(now.getHours(), 2) + ':' + pad(now.getMinutes(), 2) + ':' + pad(now.getSeconds(), 2));
      }
      set(p + 'weighting', '1');
      set(p + M.response, i.keys.join(M.separator));
      set(p + 'correct_responses.0.pattern', i.correct.join(M.separator));
      set(p + 'result', i.isCorrect ? 'correct' : M.wrong);
      set(p + 'latency', kind === '2004' ? duration2004(i.latencyMs) : timespan12(i.latencyMs, false));
      self.interactionIds[i.id] = true;
      self.interactionCount = n + 1;
    };

    self.commit = () => {
      if (live && !self.review) call(M.commit, [''], 'saving your progress');
    };

    /** Ends the session exactly once: session time, then Terminate/LMSFinish (which commits). */
    self.finish = () => {
      if (!live || finished) return;
      finished = true;
      if (!self.review) {
        let ms = Date.now() - started;
        set(M.sessionTime, kind === '2004' ? duration2004(ms) : timespan12(ms, true));
      }
      call(M.finish, [''], 'ending the session');
      live = false;
    };
    self.connected = () => live;
    return self;
  }

  // Without an LMS the same interface keeps progress in localStorage under one key.
  function preview(key) {
    let stored = {};
    try { stored = JSON.parse(localStorage.getItem(key) || '{}') || {}; } catch (e) { stored = {}; }
    let self = {
      kind: 'preview', review: false, suspend: stored.s || '', location: stored.l || '', interactionCount: 0,
      interactionIds: {}, suspendMax: 64000, onProblem: null, problems: 0,
      save: (s, l) => { stored.s = s; stored.l = l; },
      result: () => {}, interaction: () => {},
      commit: () => {
        try { localStorage.setItem(key, JSON.stringify(stored)); } catch (e) { console.warn('CourseBuilder: cannot use localStorage', e); }
      },
      finish: () => { self.commit(); },
      connected: () => false
    };
    return self;
  }

  window.CBLms = { open: open, timespan12: timespan12, duration2004: duration2004 };
})();
