/* LMS adapter: one interface over SCORM 2004, SCORM 1.2 and preview (no LMS).
   docs/runtime.md describes the data mapping. No dependencies. */
(() => {
'use strict';

// The standard search: this window and its parents, then the opener and its parents.
function scan(win, name) {
  for (let i = 0; win && i < 500; i++) {
    try { if (win[name]) return win[name]; } catch { /* another origin: keep climbing */ }
    if (win.parent === win) break;
    win = win.parent;
  }
}
const findApi = name => scan(window, name) || scan(window.opener, name);

const pad = (n, width = 2) => String(n).padStart(width, '0');
// SCORM 1.2 CMITimespan HHHH:MM:SS(.SS); SCORM 2004 ISO 8601 duration, e.g. PT1H2M3.5S.
function timespan12(ms, decimals) {
  const cs = Math.round(ms / 10), text = [pad(Math.min(cs / 360000 | 0, 9999), 4), pad((cs / 6000 | 0) % 60), pad((cs / 100 | 0) % 60)].join(':');
  return decimals ? text + '.' + pad(cs % 100) : text;
}
function duration2004(ms) {
  const cs = Math.round(ms / 10), h = cs / 360000 | 0, m = (cs / 6000 | 0) % 60, s = (cs % 6000) / 100;
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + (s || !(h || m) ? s + 'S' : '');
}
// Local time without a zone: SCORM 2004's time(second,10,0); its clock part is SCORM 1.2's CMITime.
const localTime = d => new Date(d - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);

// What differs between the versions.
const MODELS = {
  '2004': {
    fn: name => name, core: 'cmi.', mode: 'cmi.mode', location: 'cmi.location',
    response: 'learner_response', separator: '[,]', wrong: 'incorrect', normalExit: 'normal', suspendMax: 64000,
    // 403: reading an element nobody has set yet, as on a first launch.
    quietErrors: ['0', '403']
  },
  '1.2': {
    fn: name => 'LMS' + (name === 'Terminate' ? 'Finish' : name), core: 'cmi.core.', mode: 'cmi.core.lesson_mode',
    location: 'cmi.core.lesson_location', response: 'student_response', separator: ',', wrong: 'wrong', normalExit: '', suspendMax: 4096,
    // 401 "not implemented" is allowed for optional elements.
    quietErrors: ['0', '401']
  }
};

function open(previewKey) {
  const api2004 = findApi('API_1484_11'), api = api2004 || findApi('API');
  return api ? scorm(api2004 ? '2004' : '1.2', api) : preview(previewKey);
}

function scorm(kind, api) {
  const M = MODELS[kind], started = Date.now(), is2004 = kind === '2004', storedIds = {};
  const self = { kind, review: false, suspend: '', location: '', interactionCount: 0 };
  const run = (name, ...args) => api[M.fn(name)](...args);

  // A refusal is logged (a warning: the learner can go on) and the player tells the learner.
  function call(what, name, ...args) {
    let result;
    try { result = run(name, ...args); } catch (e) { result = e; }
    if (String(result) === 'true') return true;
    let detail = result instanceof Error ? String(result) : '';
    try {
      const code = String(run('GetLastError'));
      detail = `error ${code}: ${run('GetErrorString', code)}; ${run('GetDiagnostic', code)} ${detail}`;
    } catch { /* nothing more to learn */ }
    console.warn(`CourseBuilder LMS: ${what} failed (${detail})`);
    self.onProblem?.(what);
    return false;
  }
  function get(element) {
    let value = '', code = '0';
    try { value = run('GetValue', element); code = String(run('GetLastError')); } catch (e) { code = String(e); }
    if (!M.quietErrors.includes(code)) console.warn(`CourseBuilder LMS: reading ${element} gave ${code}`);
    return String(value ?? '');
  }
  const set = (element, value) => !live || self.review || call('saving ' + element, 'SetValue', element, String(value));

  let live = call('starting the session', 'Initialize', '');
  if (live) {
    self.review = get(M.mode) === 'review';
    self.entry = get(M.core + 'entry');
    self.credit = get(M.core + 'credit');
    self.suspend = get('cmi.suspend_data');
    self.location = get(M.location);
    // Interactions already stored: append after them; in 2004, never repeat an id.
    const count = parseInt(get('cmi.interactions._count'), 10);
    self.interactionCount = isNaN(count) ? -1 : count;
    if (is2004) for (let i = 0; i < count; i++) storedIds[get(`cmi.interactions.${i}.id`)] = true;
    if (is2004 && get('cmi.completion_status') !== 'completed') set('cmi.completion_status', 'incomplete');
    if (!is2004 && ['not attempted', ''].includes(get('cmi.core.lesson_status'))) set('cmi.core.lesson_status', 'incomplete');
    set(M.core + 'exit', 'suspend');
  }

  self.save = (suspend, location) => {
    if (suspend.length > M.suspendMax) console.warn(`CourseBuilder LMS: suspend_data is ${suspend.length} characters, over ${M.suspendMax}`);
    set('cmi.suspend_data', suspend);
    set(M.location, location);
  };

  /** r: { complete, passed (true|false|null), score (0..100|null), done } */
  self.result = r => {
    if (r.score != null) {
      if (is2004) set('cmi.score.scaled', Math.round(r.score) / 100);
      set(M.core + 'score.min', 0);
      set(M.core + 'score.max', 100);
      set(M.core + 'score.raw', Math.round(r.score));
    }
    if (is2004) {
      if (r.complete) set('cmi.completion_status', 'completed');
      if (r.passed != null) set('cmi.success_status', r.passed ? 'passed' : 'failed');
    } else if (r.passed != null || r.complete) {
      set('cmi.core.lesson_status', r.passed == null ? 'completed' : r.passed ? 'passed' : 'failed');
    }
    set(M.core + 'exit', r.done ? M.normalExit : 'suspend');
  };

  /** i: { id, keys[], correct[], isCorrect, latencyMs, description } */
  self.interaction = i => {
    if (storedIds[i.id]) return;
    const n = Math.max(0, self.interactionCount), p = `cmi.interactions.${n}.`, now = localTime(new Date());
    set(p + 'id', i.id);
    set(p + 'type', 'choice');
    if (is2004) {
      set(p + 'timestamp', now);
      set(p + 'description', i.description);
    } else set(p + 'time', now.slice(11));
    set(p + 'weighting', 1);
    set(p + M.response, i.keys.join(M.separator));
    set(p + 'correct_responses.0.pattern', i.correct.join(M.separator));
    set(p + 'result', i.isCorrect ? 'correct' : M.wrong);
    set(p + 'latency', is2004 ? duration2004(i.latencyMs) : timespan12(i.latencyMs, false));
    storedIds[i.id] = true;
    self.interactionCount = n + 1;
  };

  self.commit = () => { if (live && !self.review) call('saving your progress', 'Commit', ''); };

  // Ends the session once: session time, then Terminate/LMSFinish (which commits).
  self.finish = () => {
    if (!live) return;
    const ms = Date.now() - started;
    set(M.core + 'session_time', is2004 ? duration2004(ms) : timespan12(ms, true));
    live = false;
    call('ending the session', 'Terminate', '');
  };
  return self;
}

// Without an LMS, progress stays in localStorage under one key.
function preview(key) {
  let stored = {};
  try { stored = JSON.parse(localStorage.getItem(key)) || {}; } catch { /* no storage: nothing to resume */ }
  return {
    kind: 'preview', review: false, suspend: stored.s || '', location: stored.l || '', interactionCount: 0,
    result() {}, interaction() {},
    save(s, l) { stored = { s, l }; },
    commit() {
      try { localStorage.setItem(key, JSON.stringify(stored)); } catch (e) { console.warn('CourseBuilder: cannot use localStorage', e); }
    },
    finish() { this.commit(); }
  };
}

window.CBLms = { open };
})();
