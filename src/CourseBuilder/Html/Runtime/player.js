/* The learner's player and the state it keeps through lms.js (docs/runtime.md). No dependencies. */
(() => {
'use strict';

const byId = id => document.getElementById(id);
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const on = (target, type, listener) => target.addEventListener(type, listener);
function el(tag, cls, text, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  parent?.append(e);
  return e;
}
// Choice keys are a..z; bit i of a mask stands for key a+i (docs/runtime.md).
const bit = key => 1 << (key.charCodeAt(0) - 97);

const data = JSON.parse(byId('cb-data').textContent), modules = data.modules;
const pages = modules.flatMap((m, mi) => m.pages.map(p => ({ ...p, module: mi, section: byId(p.id) })));
const pageIndex = id => pages.findIndex(p => p.id === id);
const checks = $$('form.cb-question--check');

// State and its compact encoding (docs/runtime.md)
const B64 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const b36 = n => n.toString(36);
const int36 = t => parseInt(t, 36) || 0;
const width = q => Math.ceil(q.choices.length / 6);
// A mask in w characters, six bits each, lowest first; flags go six to a character the same way.
const encodeMask = (mask, w) => Array.from({ length: w }, (_, i) => B64[(mask >> (6 * i)) & 63]).join('');
const decodeMask = text => [...text].reduce((mask, c, i) => mask | B64.indexOf(c) << (6 * i), 0);
const encodeBits = bits => Array.from({ length: Math.ceil(bits.length / 6) },
  (_, c) => encodeMask(bits.slice(6 * c, 6 * c + 6).reduce((v, b, j) => v | b << j, 0), 1)).join('');
const decodeBits = (text, n) => Array.from({ length: n }, (_, i) => (decodeMask(text.charAt(i / 6 | 0)) >> i % 6 & 1) === 1);

const freshQuiz = () => ({ n: 0, best: -1, passed: false, sub: false, seed: 0, ans: [], lat: [] });
const freshState = () => ({
  page: 0, visited: pages.map(() => false), checks: checks.map(() => false), ic: 0,
  quizzes: modules.map(m => m.quiz ? freshQuiz() : null)
});

function encode(s) {
  const quizzes = s.quizzes.map((q, mi) => q ? [b36(q.n), q.best < 0 ? '' : b36(q.best), (q.passed ? 1 : 0) | (q.sub ? 2 : 0), b36(q.seed),
    draw(modules[mi].quiz, q.seed).map((d, i) => encodeMask(q.ans[i] || 0, width(d.question))).join('')].join('.') : '');
  return ['1', b36(s.page), encodeBits(s.visited), encodeBits(s.checks), b36(s.ic), ...quizzes].join('~');
}

function decode(text) {
  const s = freshState();
  if (!text) return s;
  const parts = text.split('~');
  if (parts[0] !== '1' || parts.length !== 5 + modules.length) throw new Error('unknown state format');
  s.page = Math.min(int36(parts[1]), pages.length - 1);
  s.visited = decodeBits(parts[2], pages.length);
  s.checks = decodeBits(parts[3], checks.length);
  s.ic = int36(parts[4]);
  s.quizzes = modules.map((m, mi) => {
    const f = parts[5 + mi].split('.'), q = m.quiz ? freshQuiz() : null;
    if (!q || f.length !== 5) return q;
    Object.assign(q, { n: int36(f[0]), best: f[1] === '' ? -1 : int36(f[1]), passed: (f[2] & 1) > 0, sub: (f[2] & 2) > 0, seed: int36(f[3]) });
    let at = 0;
    draw(m.quiz, q.seed).forEach((d, i) => { q.ans[i] = decodeMask(f[4].slice(at, at += width(d.question))); });
    return q;
  });
  return s;
}

// Drawing and shuffling: seeded (mulberry32), so one number restores an attempt
function random(seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(list, rnd) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
/** The attempt's questions, each with its choice order (pinned choices keep their place). */
function draw(quiz, seed) {
  const rnd = random(seed);
  let pool = [...quiz.questions.keys()];
  if (quiz.shuffle || quiz.draw < pool.length) shuffle(pool, rnd);
  pool = pool.slice(0, quiz.draw);
  if (!quiz.shuffle) pool.sort((a, b) => a - b);
  return pool.map(qi => {
    const q = quiz.questions[qi];
    let order = [...q.choices.keys()];
    if (quiz.shuffle) {
      const free = shuffle(order.filter(i => !q.choices[i].pinned), rnd);
      order = order.map(i => q.choices[i].pinned ? i : free.shift());
    }
    return { question: q, order };
  });
}
const drawnFor = mi => draw(modules[mi].quiz, state.quizzes[mi].seed);
const correctMask = q => q.choices.reduce((mask, c) => c.correct ? mask | bit(c.key) : mask, 0);
const keysOf = (q, mask) => q.choices.filter(c => mask & bit(c.key)).map(c => c.key);
function grade(mi) {
  const q = state.quizzes[mi], drawn = drawnFor(mi);
  const right = drawn.filter((d, i) => (q.ans[i] || 0) === correctMask(d.question)).length;
  return { right, total: drawn.length, score: drawn.length ? Math.round(100 * right / drawn.length) : 0 };
}

// Notices: preview mode, review mode, LMS problems
const noticeBox = byId('cb-notice');
function notice(key, text) {
  if ($(`[data-notice="${key}"]`, noticeBox)) return;
  el('p', 'cb-notice__item', text, noticeBox).dataset.notice = key;
  noticeBox.hidden = false;
}

// Connect and restore
const lms = CBLms.open(`cb:${data.courseId}:${data.moduleId || 'course'}:${data.version}`);
lms.onProblem = () => notice('lms', 'Your progress may not be saved: the learning platform did not accept it. ' +
  'You can keep working; if this message stays, tell your course administrator.');
if (lms.kind === 'preview') notice('preview', 'Preview mode: no learning platform is connected, so your progress is kept in this browser only.');
if (lms.review) notice('review', 'Review mode: you can look through the module; your answers are not recorded.');

let state;
try { state = decode(lms.suspend); } catch (e) {
  console.warn('CourseBuilder: saved progress could not be read; starting afresh', e);
  state = freshState();
}
// An LMS without interactions._count: continue after those this state has written.
if (state.ic > lms.interactionCount) lms.interactionCount = state.ic;
if (pageIndex(lms.location) >= 0) state.page = pageIndex(lms.location);

// Results and saving
const inModule = (mi, kind) => [...pages.keys()].filter(i => pages[i].module === mi && (!kind || pages[i].kind === kind));
const allVisited = (mi, kind) => inModule(mi, kind).every(i => state.visited[i]);
const submitted = q => q.n > 0 && (q.sub || q.n > 1);
const attemptsLeft = mi => modules[mi].attempts ? Math.max(0, modules[mi].attempts - state.quizzes[mi].n) : Infinity;
const quizLocked = mi => modules[mi].quizUnlock === 'all-lessons' && !allVisited(mi, 'lesson');

/** Completion, success and score, by the rules in docs/runtime.md. */
function outcome() {
  let complete = true, done = true, allSubmitted = true, allPassed = true, sum = 0, count = 0;
  state.quizzes.forEach((q, mi) => {
    if (!q) {
      if (!allVisited(mi)) complete = done = false;
    } else if (!submitted(q)) {
      allSubmitted = complete = done = false;
    } else {
      sum += q.best; count++;
      if (!q.passed) { allPassed = false; if (attemptsLeft(mi) > 0 || !q.sub) done = false; }
    }
  });
  const scored = count > 0 && allSubmitted;
  return { complete, passed: scored ? allPassed : null, score: scored ? Math.round(sum / count) : null, done };
}

let reported, finished = false;
const store = () => lms.save(encode(state), pages[state.page].id);
function save(commit) {
  state.ic = Math.max(state.ic, lms.interactionCount);
  store();
  const r = outcome(), key = JSON.stringify(r);
  if (key !== reported) {
    const wasDone = JSON.parse(reported).done;
    reported = key;
    lms.result(r);
    commit = true;
    // Done: commit and end the session now rather than when the page closes.
    if (r.done && !wasDone && !finished && lms.kind !== 'preview') {
      lms.commit();
      return leave();
    }
  }
  if (commit) lms.commit();
}
function leave() {
  if (finished) return;
  store();
  finished = true;
  lms.finish();
}
on(document, 'visibilitychange', () => { if (document.hidden) save(true); });
// pagehide fires wherever unload would; unload listeners are deprecated (they block the back/forward cache).
on(window, 'pagehide', leave);

// Navigation
const prev = byId('cb-prev'), next = byId('cb-next'), toc = byId('cb-toc'), tocToggle = $('.cb-toc-toggle');

function renderChrome() {
  const p = pages[state.page], lessons = inModule(p.module, 'lesson');
  let label = p.kind === 'quiz' ? 'Module quiz' : `Lesson ${lessons.indexOf(state.page) + 1} of ${lessons.length}`;
  if (data.scope === 'course') {
    label = `Module ${p.module + 1} of ${modules.length} · ${label}`;
    $('.cb-header__module').textContent = modules[p.module].title;
  }
  byId('cb-progress-label').textContent = label;
  const visited = state.visited.filter(Boolean).length, bar = $('.cb-progress__bar');
  bar.ariaValueNow = visited;
  bar.ariaValueText = `${visited} of ${pages.length} pages visited`;
  $('.cb-progress__fill').style.width = 100 * visited / pages.length + '%';

  // Contents marks are words as well as symbols, so nothing relies on colour.
  $$('.cb-toc__item').forEach(li => {
    const i = pageIndex(li.dataset.page), x = pages[i], q = state.quizzes[x.module], link = $('a', li);
    const done = x.kind === 'quiz' ? q.passed : state.visited[i] && checks.every((f, ci) => !x.section.contains(f) || state.checks[ci]);
    const [text, cls] = x.kind === 'quiz' && submitted(q) ? (q.passed ? ['Passed', 'done'] : ['Not passed yet', 'failed'])
      : x.kind === 'quiz' && quizLocked(x.module) ? ['Locked', 'locked']
      : done ? ['Completed', 'done'] : state.visited[i] ? ['Visited', 'visited'] : ['', ''];
    $('.cb-toc__state', li).textContent = text;
    li.className = 'cb-toc__item' + (cls && ' cb-toc__item--' + cls) + (i === state.page ? ' cb-toc__item--current' : '');
    link.ariaCurrent = i === state.page ? 'page' : null;
  });
  prev.disabled = state.page === 0;
  next.disabled = state.page === pages.length - 1;
  document.title = `${p.title} – ${data.title}` + (data.scope === 'module' ? ' – ' + data.courseTitle : '');
}

function go(index, focus) {
  state.page = index = Math.max(0, Math.min(pages.length - 1, index));
  state.visited[index] = true;
  pages.forEach((p, i) => { p.section.hidden = i !== index; });
  const page = pages[index];
  if (page.kind === 'quiz') renderQuiz(page.module, false);
  renderChrome();
  openToc(false);
  if (focus) {
    $('.cb-page__title', page.section).focus();
    scrollTo(0, 0);
  }
  save(true);
}

on(prev, 'click', () => go(state.page - 1, true));
on(next, 'click', () => go(state.page + 1, true));
$$('.cb-toc__link').forEach(a => on(a, 'click', e => {
  e.preventDefault();
  go(pageIndex(a.getAttribute('href').slice(1)), true);
}));
function openToc(open) {
  toc.classList.toggle('cb-toc--open', open);
  tocToggle.ariaExpanded = open;
}
on(tocToggle, 'click', () => openToc(!toc.classList.contains('cb-toc--open')));

// Questions
const maskOf = form => $$('input', form).reduce((mask, i) => i.checked ? mask | bit(i.value) : mask, 0);
function resetFeedback(form) {
  $$('.cb-choice', form).forEach(c => c.classList.remove('cb-choice--right', 'cb-choice--wrong', 'cb-choice--key'));
  $$('.cb-choice__marks', form).forEach(m => m.remove());
  $$('.cb-choice__feedback, .cb-question__explanation', form).forEach(x => { x.hidden = true; });
}
/** Marks chosen choices right or wrong in words, not colour alone; shows their feedback and the explanation. */
function markChoices(form, chosen, keyMask, review) {
  $$('.cb-choice', form).forEach(c => {
    const b = bit(c.dataset.key), isChosen = (chosen & b) > 0, isKey = (keyMask & b) > 0, words = [];
    if (isChosen) {
      c.classList.add(isKey ? 'cb-choice--right' : 'cb-choice--wrong');
      words.push(review ? 'Your answer' : isKey ? 'Correct' : 'Incorrect');
    }
    if (review && isKey) { c.classList.add('cb-choice--key'); words.push('Correct answer'); }
    if (words.length) el('span', 'cb-choice__marks', words.join(' · '), $('label', c));
    const fb = $('.cb-choice__feedback', c);
    if (fb) fb.hidden = !isChosen;
  });
  const ex = $('.cb-question__explanation', form);
  if (ex) ex.hidden = false;
}

// Knowledge checks
checks.forEach((form, ci) => {
  const status = $('.cb-question__status', form), actions = $('.cb-question__actions', form), check = $('button', actions);
  const keyMask = $$('.cb-choice[data-correct="true"]', form).reduce((mask, c) => mask | bit(c.dataset.key), 0);
  const again = button('Try again', '', () => {
    resetFeedback(form);
    $$('input', form).forEach(i => { i.disabled = i.checked = false; });
    status.textContent = '';
    status.className = 'cb-question__status';
    again.hidden = true;
    check.hidden = false;
    $('input', form).focus();
  }, actions);
  again.hidden = true;

  on(form, 'submit', e => {
    e.preventDefault();
    const chosen = maskOf(form), right = chosen === keyMask;
    resetFeedback(form);
    if (!chosen) { status.textContent = 'Choose an answer first.'; return; }
    markChoices(form, chosen, keyMask, false);
    status.textContent = right ? 'Correct.' : (chosen & keyMask) === chosen ? 'Partly right: you missed at least one correct answer. Try again.'
      : 'Not quite. Read the feedback and try again.';
    status.className = 'cb-question__status cb-question__status--' + (right ? 'right' : 'wrong');
    $$('input', form).forEach(i => { i.disabled = true; });
    check.hidden = true;
    again.hidden = false;
    again.focus();
    if (right && !state.checks[ci]) { state.checks[ci] = true; renderChrome(); save(false); }
  });
});

// Reflections: kept in this browser only (localStorage), as the page tells the learner
$$('.cb-reflection').forEach(box => {
  const area = $('textarea', box), key = `cb-reflection:${data.courseId}:${box.dataset.reflectionId}`;
  try { area.value = localStorage.getItem(key) || ''; } catch { /* storage blocked: the box still works */ }
  on(area, 'input', () => {
    try { localStorage.setItem(key, area.value); } catch (e) { console.warn('CourseBuilder: cannot keep the reflection', e); }
  });
});

// The graded quiz
function button(text, cls, onClick, parent) {
  const b = el('button', 'cb-button ' + cls, text, parent);
  b.type = 'button';
  on(b, 'click', onClick);
  return b;
}
/** Empties a quiz panel and gives it its heading (focusable, for renderQuiz). */
function panelOf(mi, name, title) {
  const panel = quizzes[mi][name];
  panel.textContent = '';
  el('h2', 'cb-quiz__heading', title, panel).tabIndex = -1;
  return panel;
}

const quizzes = modules.map((m, mi) => {
  if (!m.quiz) return null;
  const section = byId(m.quiz.pageId), root = el('div', 'cb-quiz', null, $('.cb-page__content', section)), forms = {};
  $$('form.cb-question--graded', section).forEach(f => {
    forms[f.dataset.questionId] = f;
    on(f, 'submit', e => e.preventDefault());
    on(f, 'change', () => answer(mi, f));
  });
  const ui = { forms, shownAt: Date.now() };
  ['intro', 'attempt', 'results'].forEach(name => { ui[name] = el('div', 'cb-quiz__panel cb-quiz__' + name, null, root); });
  ui.status = el('p', 'cb-quiz__status', null, root);
  ui.status.role = 'status';
  return ui;
});

function renderQuiz(mi, focusPanel) {
  const ui = quizzes[mi], q = state.quizzes[mi];
  ui.intro.hidden = ui.attempt.hidden = ui.results.hidden = true;
  Object.values(ui.forms).forEach(f => { f.hidden = true; });
  const panel = q.sub ? renderResults(mi) : q.n > 0 ? renderAttempt(mi) : renderIntro(mi);
  panel.hidden = false;
  if (focusPanel) $('.cb-quiz__heading', panel).focus();
}

function renderIntro(mi) {
  const m = modules[mi], panel = panelOf(mi, 'intro', 'About this quiz');
  const facts = el('ul', 'cb-facts', null, panel);
  [['Questions', m.quiz.draw], ['Pass mark', m.passMark + '%'], ['Attempts left', m.attempts ? attemptsLeft(mi) : 'unlimited']]
    .forEach(([term, value]) => {
      const li = el('li', null, null, facts);
      el('span', 'cb-facts__term', term + ': ', li);
      el('strong', null, value, li);
    });
  if (quizLocked(mi)) {
    const missing = inModule(mi, 'lesson').filter(i => !state.visited[i]).map(i => pages[i].title);
    el('p', 'cb-quiz__lock', `The quiz opens once you have visited every lesson. Still to visit: ${missing.join(', ')}.`, panel);
  } else if (attemptsLeft(mi) > 0 && !lms.review) {
    button('Start the quiz', 'cb-button--primary', () => startAttempt(mi), panel);
  }
  return panel;
}

function startAttempt(mi) {
  Object.assign(state.quizzes[mi], { n: state.quizzes[mi].n + 1, sub: false, seed: Math.floor(Math.random() * 2147483647), ans: [], lat: [] });
  quizzes[mi].shownAt = Date.now();
  showChange(mi);
}
function showChange(mi) {
  quizzes[mi].status.textContent = '';
  renderQuiz(mi, true);
  renderChrome();
  save(true);
}

/** The drawn questions in order, their choices in the attempt's order. */
function layOut(mi, container, review) {
  const ui = quizzes[mi], q = state.quizzes[mi], drawn = drawnFor(mi);
  drawn.forEach((d, i) => {
    const form = ui.forms[d.question.id], fieldset = $('fieldset', form), mask = q.ans[i] || 0, key = correctMask(d.question);
    d.order.forEach(ci => fieldset.append($(`.cb-choice[data-key="${d.question.choices[ci].key}"]`, form)));
    const number = $('.cb-question__number', form) || form.insertBefore(el('p'), form.firstChild);
    number.textContent = `Question ${i + 1} of ${drawn.length}` + (review ? (mask === key ? ' · Correct' : ' · Incorrect') : '');
    number.className = 'cb-question__number' + (review ? ' cb-question__number--' + (mask === key ? 'right' : 'wrong') : '');
    resetFeedback(form);
    $$('input', form).forEach(input => {
      input.checked = (mask & bit(input.value)) > 0;
      input.disabled = review || lms.review;
    });
    if (review) markChoices(form, mask, key, true);
    form.hidden = false;
    container.append(form);
  });
}

function renderAttempt(mi) {
  const m = modules[mi], panel = panelOf(mi, 'attempt', `Attempt ${state.quizzes[mi].n}` + (m.attempts ? ` of ${m.attempts}` : ''));
  el('p', 'cb-quiz__hint', `Answer every question, then submit. You need ${m.passMark}% to pass.`, panel);
  layOut(mi, el('div', 'cb-quiz__questions', null, panel), false);
  button('Submit answers', 'cb-button--primary', () => submit(mi), el('div', 'cb-quiz__actions', null, panel));
  return panel;
}

function answer(mi, form) {
  const q = state.quizzes[mi], i = drawnFor(mi).findIndex(d => d.question.id === form.dataset.questionId);
  if (q.sub || i < 0) return;
  q.ans[i] = maskOf(form);
  q.lat[i] = Date.now() - quizzes[mi].shownAt;
  save(true);
}

function submit(mi) {
  const ui = quizzes[mi], q = state.quizzes[mi], drawn = drawnFor(mi), missing = [...drawn.keys()].filter(i => !q.ans[i]);
  if (missing.length) {
    ui.status.textContent = `Answer every question before you submit. Not answered yet: question ${missing.map(i => i + 1).join(', ')}.`;
    $('input', ui.forms[drawn[missing[0]].question.id]).focus();
    return;
  }
  drawn.forEach(({ question }, i) => lms.interaction({
    id: `${question.id}_a${q.n}`,
    keys: keysOf(question, q.ans[i]),
    correct: keysOf(question, correctMask(question)),
    isCorrect: q.ans[i] === correctMask(question),
    latencyMs: q.lat[i] || 0,
    description: question.text
  }));
  const score = grade(mi).score;
  Object.assign(q, { sub: true, best: Math.max(q.best, score), passed: q.passed || score >= modules[mi].passMark });
  showChange(mi);
}

function renderResults(mi) {
  const m = modules[mi], q = state.quizzes[mi], g = grade(mi), passedNow = g.score >= m.passMark, left = attemptsLeft(mi);
  const panel = panelOf(mi, 'results', 'Your result');
  const card = el('div', 'cb-result cb-result--' + (passedNow ? 'passed' : 'failed'), null, panel);
  el('p', 'cb-result__score', g.score + '%', card);
  el('p', 'cb-result__verdict', passedNow ? 'Passed' : 'Not passed', card);
  el('p', 'cb-result__detail', `You answered ${g.right} of ${g.total} questions correctly. The pass mark is ${m.passMark}%.`, card);
  if (!q.passed && left > 0) {
    el('p', null, m.attempts ? `You have ${left} attempt${left === 1 ? '' : 's'} left.` : 'You can try again as often as you like.', panel);
    if (!lms.review) button('Start a new attempt', 'cb-button--primary', () => startAttempt(mi), panel);
  } else if (!q.passed) {
    el('p', null, 'You have used all your attempts.', panel);
  } else if (!passedNow) {
    el('p', null, 'You passed this quiz in an earlier attempt; that result stands.', panel);
  }
  el('h3', null, 'Review your answers', panel);
  layOut(mi, el('div', 'cb-quiz__questions', null, panel), true);
  return panel;
}

// What the LMS already holds is the baseline, so a relaunch reports nothing new
reported = JSON.stringify(outcome());
go(state.page, false);
window.CBPlayer = { state: () => state, encode: () => encode(state), lms };
})();
