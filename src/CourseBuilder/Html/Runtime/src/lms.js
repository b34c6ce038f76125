/* The LMS adapter: one interface over SCORM 2004, SCORM 1.2 and preview (no LMS).
   docs/runtime.md describes the data mapping. */

/** The standard API search: this window and its parents, then the opener and its parents. */
function findApiIn(win, name) {
  for (let depth = 0; win && depth < 500; depth++) {
    try {
      if (win[name]) return win[name];
    } catch {
      // A parent from another origin: keep climbing.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}
const findApi = name => findApiIn(window, name) || findApiIn(window.opener, name);

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** SCORM 1.2 CMITimespan: HHHH:MM:SS, with .SS when withHundredths. */
function timespan12(ms, withHundredths) {
  const cs = Math.round(ms / 10);
  const hours = Math.min(Math.floor(cs / 360000), 9999), minutes = Math.floor(cs / 6000) % 60, seconds = Math.floor(cs / 100) % 60;
  const text = [pad(hours, 4), pad(minutes), pad(seconds)].join(':');
  return withHundredths ? text + '.' + pad(cs % 100) : text;
}

/** SCORM 2004 duration (ISO 8601), e.g. PT1H2M3.5S; PT0S for nothing. */
function duration2004(ms) {
  const cs = Math.round(ms / 10);
  const hours = Math.floor(cs / 360000), minutes = Math.floor(cs / 6000) % 60, seconds = (cs % 6000) / 100;
  let text = 'PT';
  if (hours) text += hours + 'H';
  if (minutes) text += minutes + 'M';
  if (seconds || !(hours || minutes)) text += seconds + 'S';
  return text;
}

/** Local time without a zone: SCORM 2004's time(second,10,0); its clock part is SCORM 1.2's CMITime. */
const localTime = date => new Date(date - date.getTimezoneOffset() * 60000).toISOString().slice(0, 19);

/** What differs between the two SCORM versions. */
const SCORM_VERSIONS = {
  '2004': {
    functionName: name => name,
    core: 'cmi.', mode: 'cmi.mode', location: 'cmi.location',
    response: 'learner_response', separator: '[,]', wrongResult: 'incorrect', suspendMax: 64000,
    // 403: reading an element nobody has set yet, as on a first launch.
    quietErrors: ['0', '403']
  },
  '1.2': {
    functionName: name => 'LMS' + (name === 'Terminate' ? 'Finish' : name),
    core: 'cmi.core.', mode: 'cmi.core.lesson_mode', location: 'cmi.core.lesson_location',
    response: 'student_response', separator: ',', wrongResult: 'wrong', suspendMax: 4096,
    // 401 "not implemented" is allowed for optional elements.
    quietErrors: ['0', '401']
  }
};

/**
 * The LMS the page was launched from, or preview mode (localStorage under previewKey).
 * scorm12Outcome: 'passed-failed' or 'completed-incomplete', how SCORM 1.2 reports a final result.
 */
function openLms(previewKey, scorm12Outcome) {
  const api2004 = findApi('API_1484_11');
  const api = api2004 || findApi('API');
  return api ? scormLms(api2004 ? '2004' : '1.2', api, scorm12Outcome) : previewLms(previewKey);
}

function scormLms(version, api, scorm12Outcome) {
  const V = SCORM_VERSIONS[version], is2004 = version === '2004', startedAt = Date.now();
  const storedInteractionIds = new Set();
  // mode: normal, browse or review; recording: whether this launch writes anything (only normal, for credit).
  const lms = { kind: version, mode: 'normal', review: false, recording: true, suspendData: '', location: '', interactionCount: 0, onProblem: null };
  const run = (name, ...args) => api[V.functionName(name)](...args);

  /** Calls the API; a refusal is logged (a warning: the learner can go on) and reported to the player. */
  function call(what, name, ...args) {
    let result;
    try {
      result = run(name, ...args);
    } catch (e) {
      result = e;
    }
    if (String(result) === 'true') return true;
    let detail = result instanceof Error ? String(result) : '';
    try {
      const code = String(run('GetLastError'));
      detail = `error ${code}: ${run('GetErrorString', code)}; ${run('GetDiagnostic', code)} ${detail}`;
    } catch {
      // Nothing more to learn.
    }
    console.warn(`CourseBuilder LMS: ${what} failed (${detail})`);
    if (lms.onProblem) lms.onProblem(what);
    return false;
  }

  function get(element) {
    let value = '', code = '0';
    try {
      value = run('GetValue', element);
      code = String(run('GetLastError'));
    } catch (e) {
      code = String(e);
    }
    if (!V.quietErrors.includes(code)) console.warn(`CourseBuilder LMS: reading ${element} gave ${code}`);
    return String(value ?? '');
  }

  let live = call('starting the session', 'Initialize', '');
  // A review, browse or no-credit launch writes nothing at all: no score, no status, and no
  // suspend_data that would overwrite the learner's real progress (Moodle stores a browse
  // launch's data in the same attempt).
  const set = (element, value) => !live || !lms.recording || call('saving ' + element, 'SetValue', element, String(value));

  if (live) {
    lms.mode = get(V.mode) || 'normal';
    lms.entry = get(V.core + 'entry');
    lms.credit = get(V.core + 'credit');
    lms.review = lms.mode === 'review';
    lms.recording = lms.mode === 'normal' && lms.credit !== 'no-credit';
    lms.suspendData = get('cmi.suspend_data');
    lms.location = get(V.location);
    // Interactions already stored: new ones go after them, and in 2004 no id is repeated.
    const count = parseInt(get('cmi.interactions._count'), 10);
    lms.interactionCount = isNaN(count) ? -1 : count;
    if (is2004) {
      for (let i = 0; i < count; i++) storedInteractionIds.add(get(`cmi.interactions.${i}.id`));
    }
    if (is2004 && get('cmi.completion_status') !== 'completed') set('cmi.completion_status', 'incomplete');
    if (!is2004 && ['not attempted', ''].includes(get('cmi.core.lesson_status'))) set('cmi.core.lesson_status', 'incomplete');
    set(V.core + 'exit', 'suspend');
  }

  lms.save = (suspendData, location) => {
    if (suspendData.length > V.suspendMax) {
      console.warn(`CourseBuilder LMS: suspend_data is ${suspendData.length} characters, over ${V.suspendMax}`);
    }
    set('cmi.suspend_data', suspendData);
    set(V.location, location);
  };

  /**
   * result: { graded, final, passed (true | false | null), score (0..100 | null) }. Until the
   * result is final the attempt stays open for the LMS: SCORM 1.2 'incomplete', SCORM 2004
   * completion 'incomplete' and success 'unknown', and no score (Moodle's mastery override
   * would otherwise turn a failing score into 'failed' and close its attempt). Exit is always
   * 'suspend', so the LMS returns suspend_data and the learner can come back to the results.
   */
  lms.report = result => {
    if (result.final && result.score != null) {
      const raw = Math.round(result.score);
      if (is2004) set('cmi.score.scaled', raw / 100);
      set(V.core + 'score.min', 0);
      set(V.core + 'score.max', 100);
      set(V.core + 'score.raw', raw);
    }
    if (is2004) {
      set('cmi.completion_status', result.final ? 'completed' : 'incomplete');
      if (result.graded) set('cmi.success_status', !result.final ? 'unknown' : result.passed ? 'passed' : 'failed');
    } else {
      let status = 'incomplete';
      if (result.final) status = !result.graded || scorm12Outcome === 'completed-incomplete' ? 'completed' : result.passed ? 'passed' : 'failed';
      set('cmi.core.lesson_status', status);
    }
    set(V.core + 'exit', 'suspend');
  };

  /** interaction: { id, keys[], correct[], isCorrect, latencyMs, description } */
  lms.interaction = interaction => {
    if (storedInteractionIds.has(interaction.id)) return;
    const n = Math.max(0, lms.interactionCount), prefix = `cmi.interactions.${n}.`, now = localTime(new Date());
    set(prefix + 'id', interaction.id);
    set(prefix + 'type', 'choice');
    if (is2004) {
      set(prefix + 'timestamp', now);
      set(prefix + 'description', interaction.description);
    } else {
      set(prefix + 'time', now.slice(11));
    }
    set(prefix + 'weighting', 1);
    set(prefix + V.response, interaction.keys.join(V.separator));
    set(prefix + 'correct_responses.0.pattern', interaction.correct.join(V.separator));
    set(prefix + 'result', interaction.isCorrect ? 'correct' : V.wrongResult);
    set(prefix + 'latency', is2004 ? duration2004(interaction.latencyMs) : timespan12(interaction.latencyMs, false));
    storedInteractionIds.add(interaction.id);
    lms.interactionCount = n + 1;
  };

  lms.commit = () => {
    if (live && lms.recording) call('saving your progress', 'Commit', '');
  };

  /** Ends the session once: session time, then Terminate / LMSFinish (which commits). */
  lms.finish = () => {
    if (!live) return;
    const ms = Date.now() - startedAt;
    set(V.core + 'session_time', is2004 ? duration2004(ms) : timespan12(ms, true));
    live = false;
    call('ending the session', 'Terminate', '');
  };
  return lms;
}

/** Without an LMS, progress stays in localStorage under one key. */
function previewLms(key) {
  let stored = {};
  try {
    stored = JSON.parse(localStorage.getItem(key)) || {};
  } catch {
    // No storage: nothing to resume.
  }
  const lms = {
    kind: 'preview', mode: 'normal', review: false, recording: true, suspendData: stored.s || '', location: stored.l || '', interactionCount: 0, onProblem: null,
    report() {},
    interaction() {},
    save(suspendData, location) {
      stored = { s: suspendData, l: location };
    },
    commit() {
      try {
        localStorage.setItem(key, JSON.stringify(stored));
      } catch (e) {
        console.warn('CourseBuilder: cannot use localStorage', e);
      }
    },
    finish() {
      lms.commit();
    }
  };
  return lms;
}
