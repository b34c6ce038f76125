/* The learner's player: navigation, knowledge checks, the graded quiz, reflections, and the
   state it keeps through lms.js. See docs/runtime.md. No dependencies. */
(() => {
  'use strict';

  let data = JSON.parse(document.getElementById('cb-data').textContent);
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => [...(root || document).querySelectorAll(sel)];
  function el(tag, cls, text) {
    let e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // ---- The page list, across modules for a whole-course package ----
  let pages = [];
  data.modules.forEach((m, mi) => {
    m.pages.forEach(p => {
      pages.push({ id: p.id, kind: p.kind, title: p.title, module: mi, section: document.getElementById(p.id) });
    });
  });
  let checks = $$('form.cb-question--check');

  // ---- State and its compact encoding (docs/runtime.md, "suspend_data") ----
  let B64 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  function encodeBits(bits) {
    let out = '';
    for (let i = 0; i < bits.length; i += 6) {
      let v = 0;
      for (let j = 0; j < 6 && i + j < bits.length; j++) if (bits[i + j]) v |= 1 << j;
      out += B64[v];
    }
    return out;
  }
  function decodeBits(text, n) {
    let bits = [];
    for (let i = 0; i < n; i++) bits.push(((B64.indexOf(text.charAt(i / 6 | 0)) >> (i % 6)) & 1) === 1);
    return bits;
  }
  function width(q) { return Math.ceil(q.choices.length / 6); }
  function encodeMask(mask, w) {
    let out = '';
    for (let i = 0; i < w; i++) out += B64[(mask >> (6 * i)) & 63];
    return out;
  }
  function decodeMask(text) {
    let mask = 0;
    for (let i = 0; i < text.length; i++) mask |= B64.indexOf(text.charAt(i)) << (6 * i);
    return mask;
  }

  function freshQuiz() { return { n: 0, best: -1, passed: false, sub: false, seed: 0, ans: [], lat: [] }; }
  function freshState() {
    return {
      page: 0, visited: pages.map(() => false), checks: checks.map(() => false), ic: 0,
      quizzes: data.modules.map(m => m.quiz ? freshQuiz() : null)
    };
  }

  function encode(s) {
    let parts = ['1', s.page.toString(36), encodeBits(s.visited), encodeBits(s.checks), s.ic.toString(36)];
    s.quizzes.forEach((q, mi) => {
      if (!q) { parts.push(''); return; }
      let drawn = draw(data.modules[mi].quiz, q.seed), ans = '';
      drawn.forEach((d, i) => { ans += encodeMask(q.ans[i] || 0, width(d.question)); });
      parts.push([q.n.toString(36), q.best < 0 ? '' : q.best.toString(36), (q.passed ? 1 : 0) | (q.sub ? 2 : 0), q.seed.toString(36), ans].join('.'));
    });
    return parts.join('~');
  }

  function decode(text) {
    let s = freshState();
    if (!text) return s;
    let parts = text.split('~');
    if (parts[0] !== '1' || parts.length !== 5 + data.modules.length) throw new Error('unknown state format');
    s.page = Math.min(parseInt(parts[1], 36) || 0, pages.length - 1);
    s.visited = decodeBits(parts[2], pages.length);
    s.checks = decodeBits(parts[3], checks.length);
    s.ic = parseInt(parts[4], 36) || 0;
    s.quizzes = data.modules.map((m, mi) => {
      let f = parts[5 + mi].split('.');
      if (!m.quiz || f.length !== 5) return m.quiz ? freshQuiz() : null;
      let q = freshQuiz();
      q.n = parseInt(f[0], 36) || 0;
      q.best = f[1] === '' ? -1 : parseInt(f[1], 36);
      q.passed = (f[2] & 1) === 1;
      q.sub = (f[2] & 2) === 2;
      q.seed = parseInt(f[3], 36) || 0;
      let at = 0;
      draw(m.quiz, q.seed).forEach((d, i) => {
        let w = width(d.question);
        q.ans[i] = decodeMask(f[4].substr(at, w));
        at += w;
      });
      return q;
    });
    return s;
  }

  // ---- Drawing and shuffling: a seeded generator, so one number in the state restores an attempt ----
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
      let j = Math.floor(rnd() * (i + 1)), t = list[i];
      list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  let drawCache = {};
  /** The questions of the attempt with this seed, each with its choice order (pinned choices keep their place). */
  function draw(quiz, seed) {
    let key = quiz.pageId + ':' + seed;
    if (drawCache[key]) return drawCache[key];
    let rnd = random(seed), pool = quiz.questions.map((_, i) => i);
    if (quiz.shuffle || quiz.draw < pool.length) shuffle(pool, rnd);
    pool = pool.slice(0, quiz.draw);
    if (!quiz.shuffle) pool.sort((a, b) => a - b);
    return (drawCache[key] = pool.map(qi => {
      let q = quiz.questions[qi], order = q.choices.map((_, i) => i);
      if (quiz.shuffle) {
        let free = shuffle(order.filter(i => !q.choices[i].pinned), rnd);
        order = order.map(i => q.choices[i].pinned ? i : free.shift());
      }
      return { question: q, order: order };
    }));
  }
  function correctMask(q) {
    let mask = 0;
    q.choices.forEach((c, i) => { if (c.correct) mask |= 1 << i; });
    return mask;
  }
  function keysOf(q, mask) {
    return q.choices.filter((c, i) => mask & (1 << i)).map(c => c.key);
  }
  function grade(mi) {
    let q = state.quizzes[mi], drawn = draw(data.modules[mi].quiz, q.seed), right = 0;
    drawn.forEach((d, i) => { if ((q.ans[i] || 0) === correctMask(d.question)) right++; });
    return { right: right, total: drawn.length, score: drawn.length ? Math.round(100 * right / drawn.length) : 0 };
  }

  // ---- Notices (preview mode, LMS problems), announced through a status region ----
  let noticeBox = document.getElementById('cb-notice');
  function notice(key, text) {
    if ($('[data-notice="' + key + '"]', noticeBox)) return;
    let p = el('p', 'cb-notice__item', text);
    p.setAttribute('data-notice', key);
    noticeBox.appendChild(p);
    noticeBox.hidden = false;
  }

  // ---- Connect and restore ----
  let lms = window.CBLms.open('cb:' + data.courseId + ':' + (data.moduleId || 'course') + ':' + data.version);
  lms.onProblem = () => {
    notice('lms', 'Your progress may not be saved: the learning platform did not accept it. You can keep working; ' +
      'if this message stays, tell your course administrator.');
  };
  if (lms.kind === 'preview') notice('preview', 'Preview mode: no learning platform is connected, so your progress is kept in this browser only.');
  if (lms.review) notice('review', 'Review mode: you can look through the module; your answers are not recorded.');

  let state;
  try { state = decode(lms.suspend); } catch (e) {
    console.warn('CourseBuilder: saved progress could not be read; starting afresh', e);
    state = freshState();
  }
  if (state.ic > lms.interactionCount && lms.kind !== 'preview') lms.interactionCount = state.ic;
  let atLoad = pages.map(p => p.id).indexOf(lms.location);
  if (atLoad >= 0) state.page = atLoad;

  // ---- Saving and reporting ----
  function modulePages(mi) { return pages.filter(p => p.module === mi); }
  function lessonsVisited(mi) {
    return pages.every((p, i) => p.module !== mi || p.kind !== 'lesson' || state.visited[i]);
  }
  function submittedCount(q) { return q.n - (q.sub ? 0 : 1); }
  function attemptsLeft(mi) {
    let max = data.modules[mi].attempts, q = state.quizzes[mi];
    return max === 0 ? Infinity : Math.max(0, max - q.n);
  }
  /** The overall result: completion, success and score, by the rules in docs/runtime.md. */
  function outcome() {
    let complete = true, done = true, anyQuiz = false, allSubmitted = true, allPassed = true, sum = 0, count = 0;
    data.modules.forEach((m, mi) => {
      let q = state.quizzes[mi];
      if (!q) {
        let seen = pages.every((p, i) => p.module !== mi || state.visited[i]);
        complete = complete && seen; done = done && seen;
        return;
      }
      anyQuiz = true;
      let submitted = q.n > 0 && submittedCount(q) > 0;
      if (!submitted) { allSubmitted = false; complete = false; done = false; return; }
      sum += q.best; count++;
      if (!q.passed) { allPassed = false; if (attemptsLeft(mi) > 0 || !q.sub) done = false; }
    });
    let scored = anyQuiz && allSubmitted;
    return {
      complete: complete,
      passed: scored ? allPassed : null,
      score: scored ? Math.round(sum / count) : null,
      done: done && (!anyQuiz || allPassed || scored)
    };
  }

  let reported = '', finished = false;
  function save(commit) {
    state.ic = Math.max(state.ic, lms.interactionCount);
    lms.save(encode(state), pages[state.page].id);
    let r = outcome(), key = JSON.stringify(r);
    if (key !== reported) {
      let wasDone = reported && JSON.parse(reported).done;
      reported = key;
      lms.result(r);
      commit = true;
      if (r.done && !wasDone && !finished && lms.kind !== 'preview') {
        lms.commit();
        finished = true;
        lms.finish();
        return;
      }
    }
    if (commit) lms.commit();
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(true); });
  function leave() { if (!finished) { save(false); finished = true; lms.finish(); } }
  window.addEventListener('pagehide', leave);
  window.addEventListener('unload', leave);

  // ---- Navigation ----
  let prev = document.getElementById('cb-prev'), next = document.getElementById('cb-next');
  let tocItems = {};
  $$('.cb-toc__item').forEach(li => { tocItems[li.getAttribute('data-page')] = li; });

  function pageDone(i) {
    let p = pages[i];
    if (p.kind === 'quiz') return state.quizzes[p.module] && state.quizzes[p.module].passed;
    if (!state.visited[i]) return false;
    return checks.every((f, ci) => !p.section.contains(f) || state.checks[ci]);
  }
  function quizLocked(mi) { return data.modules[mi].quizUnlock === 'all-lessons' && !lessonsVisited(mi); }

  function renderChrome() {
    let p = pages[state.page], m = data.modules[p.module];
    let lessons = modulePages(p.module).filter(x => x.kind === 'lesson');
    let label = p.kind === 'quiz' ? 'Module quiz' : 'Lesson ' + (lessons.indexOf(p) + 1) + ' of ' + lessons.length;
    if (data.scope === 'course') label = 'Module ' + (p.module + 1) + ' of ' + data.modules.length + ' · ' + label;
    document.getElementById('cb-progress-label').textContent = label;
    let visited = state.visited.filter(Boolean).length;
    let bar = $('.cb-progress__bar');
    bar.setAttribute('aria-valuenow', String(visited));
    bar.setAttribute('aria-valuemax', String(pages.length));
    bar.setAttribute('aria-valuetext', visited + ' of ' + pages.length + ' pages visited');
    $('.cb-progress__fill').style.width = (100 * visited / pages.length) + '%';
    let moduleTitle = $('.cb-header__module');
    if (moduleTitle && data.scope === 'course') moduleTitle.textContent = m.title;

    pages.forEach((x, i) => {
      let li = tocItems[x.id];
      if (!li) return;
      let link = $('a', li), mark = $('.cb-toc__state', li), q = state.quizzes[x.module], text = '', cls = '';
      if (x.kind === 'quiz' && q && q.n > 0 && submittedCount(q) > 0) { text = q.passed ? 'Passed' : 'Not passed yet'; cls = q.passed ? 'done' : 'failed'; }
      else if (x.kind === 'quiz' && quizLocked(x.module)) { text = 'Locked'; cls = 'locked'; }
      else if (pageDone(i)) { text = 'Completed'; cls = 'done'; }
      else if (state.visited[i]) { text = 'Visited'; cls = 'visited'; }
      mark.textContent = text;
      li.className = 'cb-toc__item' + (cls ? ' cb-toc__item--' + cls : '') + (i === state.page ? ' cb-toc__item--current' : '');
      if (i === state.page) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    });
    prev.disabled = state.page === 0;
    next.disabled = state.page === pages.length - 1;
    document.title = p.title + ' – ' + data.title + (data.scope === 'module' ? ' – ' + data.courseTitle : '');
  }

  function go(index, focus) {
    index = Math.max(0, Math.min(pages.length - 1, index));
    state.page = index;
    state.visited[index] = true;
    pages.forEach((p, i) => { p.section.hidden = i !== index; });
    let p = pages[index];
    if (p.kind === 'quiz') renderQuiz(p.module, false);
    renderChrome();
    closeToc();
    if (focus) {
      let h = $('.cb-page__title', p.section);
      h.focus();
      window.scrollTo(0, 0);
    }
    save(true);
  }

  prev.addEventListener('click', () => { go(state.page - 1, true); });
  next.addEventListener('click', () => { go(state.page + 1, true); });
  $$('.cb-toc__link').forEach(a => {
    a.addEventListener('click', e => {
      e.preventDefault();
      let id = a.getAttribute('href').slice(1);
      go(pages.map(p => p.id).indexOf(id), true);
    });
  });

  let toc = document.getElementById('cb-toc'), tocToggle = $('.cb-toc-toggle');
  function closeToc() { toc.classList.remove('cb-toc--open'); tocToggle.setAttribute('aria-expanded', 'false'); }
  tocToggle.addEventListener('click', () => {
    let open = !toc.classList.contains('cb-toc--open');
    toc.classList.toggle('cb-toc--open', open);
    tocToggle.setAttribute('aria-expanded', String(open));
  });

  // ---- Knowledge checks: check, per-choice feedback, explanation, try again ----
  function maskOf(form) {
    let mask = 0;
    $$('input', form).forEach(input => {
      if (input.checked) mask |= 1 << (input.value.charCodeAt(0) - 97);
    });
    return mask;
  }
  function resetFeedback(form) {
    $$('.cb-choice', form).forEach(c => {
      c.classList.remove('cb-choice--right', 'cb-choice--wrong', 'cb-choice--key');
      let marks = $('.cb-choice__marks', c);
      if (marks) marks.remove();
    });
    $$('.cb-choice__feedback, .cb-question__explanation', form).forEach(x => { x.hidden = true; });
  }
  /** Marks chosen choices right or wrong in words (not colour alone) and shows their feedback. */
  function markChoices(form, chosen, keyMask, showKey) {
    $$('.cb-choice', form).forEach(c => {
      let bit = 1 << (c.getAttribute('data-key').charCodeAt(0) - 97), words = [];
      let isChosen = (chosen & bit) !== 0, isKey = (keyMask & bit) !== 0;
      if (isChosen) {
        c.classList.add(isKey ? 'cb-choice--right' : 'cb-choice--wrong');
        words.push(showKey ? 'Your answer' : isKey ? 'Correct' : 'Incorrect');
      }
      if (showKey && isKey) { c.classList.add('cb-choice--key'); words.push('Correct answer'); }
      if (words.length) {
        let marks = el('span', 'cb-choice__marks', words.join(' · '));
        $('label', c).appendChild(marks);
      }
      let fb = $('.cb-choice__feedback', c);
      if (fb) fb.hidden = !isChosen;
    });
    let ex = $('.cb-question__explanation', form);
    if (ex) ex.hidden = false;
  }

  checks.forEach((form, ci) => {
    let keyMask = 0, status = $('.cb-question__status', form), actions = $('.cb-question__actions', form);
    $$('.cb-choice', form).forEach(c => {
      if (c.getAttribute('data-correct') === 'true') keyMask |= 1 << (c.getAttribute('data-key').charCodeAt(0) - 97);
    });
    let checkButton = $('button', actions);
    let again = el('button', 'cb-button', 'Try again');
    again.type = 'button';
    again.hidden = true;
    actions.appendChild(again);

    form.addEventListener('submit', e => {
      e.preventDefault();
      let chosen = maskOf(form);
      resetFeedback(form);
      if (!chosen) { status.textContent = 'Choose an answer first.'; return; }
      markChoices(form, chosen, keyMask, false);
      let right = chosen === keyMask;
      let missed = !right && (chosen & keyMask) === chosen;
      status.textContent = right ? 'Correct.' : missed ? 'Partly right: you missed at least one correct answer. Try again.' : 'Not quite. Read the feedback and try again.';
      status.className = 'cb-question__status cb-question__status--' + (right ? 'right' : 'wrong');
      $$('input', form).forEach(i => { i.disabled = true; });
      checkButton.hidden = true;
      again.hidden = false;
      again.focus();
      if (right && !state.checks[ci]) { state.checks[ci] = true; renderChrome(); save(false); }
    });
    again.addEventListener('click', () => {
      resetFeedback(form);
      $$('input', form).forEach(i => { i.disabled = false; i.checked = false; });
      status.textContent = '';
      status.className = 'cb-question__status';
      again.hidden = true;
      checkButton.hidden = false;
      $('input', form).focus();
    });
  });

  // ---- Reflections: kept in this browser only (localStorage), as the page tells the learner ----
  $$('.cb-reflection').forEach(box => {
    let area = $('textarea', box), key = 'cb-reflection:' + data.courseId + ':' + box.getAttribute('data-reflection-id');
    try { area.value = localStorage.getItem(key) || ''; } catch (e) { /* storage blocked: the box still works */ }
    area.addEventListener('input', () => {
      try { localStorage.setItem(key, area.value); } catch (e) { console.warn('CourseBuilder: cannot keep the reflection', e); }
    });
  });

  // ---- The graded quiz: intro, attempt, results with review ----
  let quizzes = data.modules.map((m, mi) => {
    if (!m.quiz) return null;
    let section = document.getElementById(m.quiz.pageId), content = $('.cb-page__content', section), forms = {};
    $$('form.cb-question--graded', section).forEach(f => { forms[f.getAttribute('data-question-id')] = f; });
    let root = el('div', 'cb-quiz');
    let intro = el('div', 'cb-quiz__panel cb-quiz__intro');
    let attempt = el('div', 'cb-quiz__panel cb-quiz__attempt');
    let results = el('div', 'cb-quiz__panel cb-quiz__results');
    let status = el('p', 'cb-quiz__status');
    status.setAttribute('role', 'status');
    root.appendChild(intro); root.appendChild(attempt); root.appendChild(results); root.appendChild(status);
    content.appendChild(root);
    let ui = { section: section, forms: forms, intro: intro, attempt: attempt, results: results, status: status, shownAt: Date.now() };

    Object.keys(forms).forEach(id => {
      forms[id].addEventListener('submit', e => { e.preventDefault(); });
      forms[id].addEventListener('change', () => { answer(mi, id); });
    });
    return ui;
  });

  function heading(level, text) {
    let h = el('h' + level, 'cb-quiz__heading', text);
    h.tabIndex = -1;
    return h;
  }
  function button(text, cls, onClick) {
    let b = el('button', 'cb-button' + (cls ? ' ' + cls : ''), text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function fact(list, term, value) {
    let li = el('li');
    li.appendChild(el('span', 'cb-facts__term', term + ': '));
    li.appendChild(el('strong', null, value));
    list.appendChild(li);
  }

  /** Shows the panel for the quiz's state; focusPanel moves focus to its heading (after Start or Submit). */
  function renderQuiz(mi, focusPanel) {
    let ui = quizzes[mi], q = state.quizzes[mi];
    ui.intro.hidden = ui.attempt.hidden = ui.results.hidden = true;
    Object.keys(ui.forms).forEach(id => { ui.forms[id].hidden = true; });
    let panel;
    if (q.n > 0 && !q.sub) panel = renderAttempt(mi);
    else if (q.sub) panel = renderResults(mi);
    else panel = renderIntro(mi);
    panel.hidden = false;
    if (focusPanel) $('.cb-quiz__heading', panel).focus();
  }

  function renderIntro(mi) {
    let ui = quizzes[mi], m = data.modules[mi], panel = ui.intro;
    panel.textContent = '';
    panel.appendChild(heading(2, 'About this quiz'));
    let facts = el('ul', 'cb-facts');
    fact(facts, 'Questions', String(m.quiz.draw));
    fact(facts, 'Pass mark', m.passMark + '%');
    fact(facts, 'Attempts left', m.attempts === 0 ? 'unlimited' : String(attemptsLeft(mi)));
    panel.appendChild(facts);
    if (quizLocked(mi)) {
      let missing = pages.filter((p, i) => p.module === mi && p.kind === 'lesson' && !state.visited[i]);
      panel.appendChild(el('p', 'cb-quiz__lock', 'The quiz opens once you have visited every lesson. Still to visit: ' +
        missing.map(p => p.title).join(', ') + '.'));
    } else if (attemptsLeft(mi) > 0) {
      panel.appendChild(button('Start the quiz', 'cb-button--primary', () => { startAttempt(mi); }));
    }
    return panel;
  }

  function startAttempt(mi) {
    let q = state.quizzes[mi];
    q.n++;
    q.sub = false;
    q.seed = Math.floor(Math.random() * 2147483647);
    q.ans = [];
    q.lat = [];
    quizzes[mi].shownAt = Date.now();
    quizzes[mi].status.textContent = '';
    renderQuiz(mi, true);
    renderChrome();
    save(true);
  }

  /** Lays out the drawn questions in order with their choices in the attempt's order. */
  function layOut(mi, container, review) {
    let ui = quizzes[mi], q = state.quizzes[mi], drawn = draw(data.modules[mi].quiz, q.seed);
    container.textContent = '';
    drawn.forEach((d, i) => {
      let form = ui.forms[d.question.id], fieldset = $('fieldset', form), choices = {};
      $$('.cb-choice', form).forEach(c => { choices[c.getAttribute('data-key')] = c; });
      d.order.forEach(ci => { fieldset.appendChild(choices[d.question.choices[ci].key]); });
      let number = $('.cb-question__number', form) || form.insertBefore(el('p', 'cb-question__number'), form.firstChild);
      let mask = q.ans[i] || 0, right = mask === correctMask(d.question);
      number.textContent = 'Question ' + (i + 1) + ' of ' + drawn.length + (review ? (right ? ' · Correct' : ' · Incorrect') : '');
      number.className = 'cb-question__number' + (review ? ' cb-question__number--' + (right ? 'right' : 'wrong') : '');
      resetFeedback(form);
      $$('input', form).forEach(input => {
        input.checked = (mask & (1 << (input.value.charCodeAt(0) - 97))) !== 0;
        input.disabled = review || lms.review;
      });
      if (review) markChoices(form, mask, correctMask(d.question), true);
      form.classList.toggle('cb-question--review', review);
      form.hidden = false;
      container.appendChild(form);
    });
  }

  function renderAttempt(mi) {
    let ui = quizzes[mi], m = data.modules[mi], q = state.quizzes[mi], panel = ui.attempt;
    panel.textContent = '';
    panel.appendChild(heading(2, m.attempts === 0 ? 'Attempt ' + q.n : 'Attempt ' + q.n + ' of ' + m.attempts));
    panel.appendChild(el('p', 'cb-quiz__hint', 'Answer every question, then submit. You need ' + m.passMark + '% to pass.'));
    let list = el('div', 'cb-quiz__questions');
    panel.appendChild(list);
    layOut(mi, list, false);
    let actions = el('div', 'cb-quiz__actions');
    actions.appendChild(button('Submit answers', 'cb-button--primary', () => { submit(mi); }));
    panel.appendChild(actions);
    return panel;
  }

  function answer(mi, questionId) {
    let q = state.quizzes[mi];
    if (q.sub) return;
    let drawn = draw(data.modules[mi].quiz, q.seed);
    drawn.forEach((d, i) => {
      if (d.question.id !== questionId) return;
      q.ans[i] = maskOf(quizzes[mi].forms[questionId]);
      q.lat[i] = Date.now() - quizzes[mi].shownAt;
    });
    save(true);
  }

  function submit(mi) {
    let ui = quizzes[mi], q = state.quizzes[mi], m = data.modules[mi], drawn = draw(m.quiz, q.seed);
    let missing = [];
    drawn.forEach((d, i) => { if (!q.ans[i]) missing.push(i + 1); });
    if (missing.length) {
      ui.status.textContent = 'Answer every question before you submit. Not answered yet: question ' + missing.join(', ') + '.';
      let first = ui.forms[drawn[missing[0] - 1].question.id];
      $('input', first).focus();
      return;
    }
    let g = grade(mi);
    drawn.forEach((d, i) => {
      let key = correctMask(d.question);
      lms.interaction({
        id: d.question.id + '_a' + q.n,
        keys: keysOf(d.question, q.ans[i]),
        correct: keysOf(d.question, key),
        isCorrect: q.ans[i] === key,
        latencyMs: q.lat[i] || 0,
        description: d.question.text
      });
    });
    q.sub = true;
    q.best = Math.max(q.best, g.score);
    q.passed = q.passed || g.score >= m.passMark;
    ui.status.textContent = '';
    renderQuiz(mi, true);
    renderChrome();
    save(true);
  }

  function renderResults(mi) {
    let ui = quizzes[mi], m = data.modules[mi], q = state.quizzes[mi], panel = ui.results, g = grade(mi);
    let passedNow = g.score >= m.passMark;
    panel.textContent = '';
    panel.appendChild(heading(2, 'Your result'));
    let card = el('div', 'cb-result cb-result--' + (passedNow ? 'passed' : 'failed'));
    card.appendChild(el('p', 'cb-result__score', g.score + '%'));
    card.appendChild(el('p', 'cb-result__verdict', passedNow ? 'Passed' : 'Not passed'));
    card.appendChild(el('p', 'cb-result__detail', 'You answered ' + g.right + ' of ' + g.total + ' questions correctly. The pass mark is ' + m.passMark + '%.'));
    panel.appendChild(card);
    let left = attemptsLeft(mi);
    if (!q.passed && left > 0) {
      panel.appendChild(el('p', null, m.attempts === 0 ? 'You can try again as often as you like.' :
        'You have ' + left + (left === 1 ? ' attempt' : ' attempts') + ' left.'));
      if (!lms.review) panel.appendChild(button('Start a new attempt', 'cb-button--primary', () => { startAttempt(mi); }));
    } else if (!q.passed) {
      panel.appendChild(el('p', null, 'You have used all your attempts.'));
    } else if (!passedNow) {
      panel.appendChild(el('p', null, 'You passed this quiz in an earlier attempt; that result stands.'));
    }
    panel.appendChild(el('h3', 'cb-quiz__review-heading', 'Review your answers'));
    let list = el('div', 'cb-quiz__questions');
    panel.appendChild(list);
    layOut(mi, list, true);
    return panel;
  }

  // ---- Start: what the LMS already holds is the baseline, so a relaunch reports nothing new ----
  reported = JSON.stringify(outcome());
  go(state.page, false);
  window.CBPlayer = { state: () => state, encode: () => encode(state), lms: lms };
})();
