/* The graded quiz's panels: intro, the attempt, and the results with a review of each question. */

/** Per module with a quiz: its question forms by id and its three panels; null for the others. */
const quizViews = modules.map((module, moduleIndex) => {
  if (!module.quiz) return null;
  const section = byId(module.quiz.pageId);
  const root = el('div', 'cb-quiz', null, $('.cb-page__content', section));
  const forms = {};
  $$('form.cb-question--graded', section).forEach(form => {
    forms[form.dataset.questionId] = form;
    on(form, 'submit', event => event.preventDefault());
    on(form, 'change', () => recordAnswer(moduleIndex, form));
  });
  const view = { forms, shownAt: Date.now() };
  for (const name of ['intro', 'attempt', 'results']) view[name] = el('div', 'cb-quiz__panel cb-quiz__' + name, null, root);
  view.status = el('p', 'cb-quiz__status', null, root);
  view.status.role = 'status';
  return view;
});

/** Empties a panel and gives it its heading (focusable, so renderQuiz can move focus to it). */
function panelWithHeading(moduleIndex, name, title) {
  const panel = quizViews[moduleIndex][name];
  panel.textContent = '';
  el('h2', 'cb-quiz__heading', title, panel).tabIndex = -1;
  return panel;
}

/** Shows the panel the quiz's state calls for: results after a submit, the attempt while one runs, else the intro. */
function renderQuiz(moduleIndex, focusPanel) {
  const view = quizViews[moduleIndex], record = state.quizzes[moduleIndex];
  view.intro.hidden = view.attempt.hidden = view.results.hidden = true;
  Object.values(view.forms).forEach(form => { form.hidden = true; });
  const panel = record.attempt.submitted ? renderResults(moduleIndex)
    : record.attemptsStarted > 0 ? renderAttempt(moduleIndex)
      : renderIntro(moduleIndex);
  panel.hidden = false;
  if (focusPanel) $('.cb-quiz__heading', panel).focus();
}

function renderIntro(moduleIndex) {
  const module = modules[moduleIndex], record = state.quizzes[moduleIndex];
  const panel = panelWithHeading(moduleIndex, 'intro', 'About this quiz');
  const facts = el('ul', 'cb-facts', null, panel);
  const attemptsLeft = module.attempts ? record.attemptsLeft : 'unlimited';
  for (const [term, value] of [['Questions', module.quiz.draw], ['Pass mark', module.passMark + '%'], ['Attempts left', attemptsLeft]]) {
    const item = el('li', null, null, facts);
    el('span', 'cb-facts__term', term + ': ', item);
    el('strong', null, value, item);
  }
  if (quizLocked(moduleIndex)) {
    const missing = pagesOfModule(moduleIndex, 'lesson').filter(i => !state.visited[i]).map(i => pages[i].title);
    el('p', 'cb-quiz__lock', `The quiz opens once you have visited every lesson. Still to visit: ${missing.join(', ')}.`, panel);
  } else if (record.attemptsLeft > 0 && !lms.review) {
    button('Start the quiz', 'cb-button--primary', () => startAttempt(moduleIndex), panel);
  }
  return panel;
}

function startAttempt(moduleIndex) {
  state.quizzes[moduleIndex].start(Math.floor(Math.random() * 2147483647));
  quizViews[moduleIndex].shownAt = Date.now();
  showQuizChange(moduleIndex);
}

function showQuizChange(moduleIndex) {
  quizViews[moduleIndex].status.textContent = '';
  renderQuiz(moduleIndex, true);
  renderChrome();
  save(true);
}

const REVIEW_LEVELS = ['score', 'items', 'feedback', 'answers'];

/**
 * What the results show of the attempt (docs/runtime.md, "Review policy"). After an attempt that
 * is neither passed nor the last, the quiz's `review` level decides; once the quiz is finished
 * the learner sees at least the items and their feedback. The correct answers (and the
 * explanations, which usually give them away) follow `revealAnswers`.
 */
function reviewOf(record) {
  const quiz = record.module.quiz, level = quiz.review || 'feedback', reveal = quiz.revealAnswers || 'after-pass-or-last';
  const finished = record.finished, exhausted = record.attemptsLeft === 0;
  const shown = Math.max(REVIEW_LEVELS.indexOf(level), finished ? REVIEW_LEVELS.indexOf('feedback') : 0);
  const answers = reveal === 'always'
    || (reveal === 'after-pass-or-last' && finished)
    || (reveal === 'after-last' && exhausted)
    || (reveal !== 'never' && !finished && level === 'answers');
  return { items: shown >= 1, feedback: shown >= 2, answers };
}

const REVEAL_LATER = {
  'after-pass-or-last': 'The correct answers are shown once you pass or have used your last attempt.',
  'after-last': 'The correct answers are shown once you have used your last attempt.',
  never: 'This quiz does not show the correct answers.'
};

/**
 * Puts the drawn questions in order, their choices in the attempt's order, answered as recorded.
 * review: null while answering, else what reviewOf allows.
 */
function layOutQuestions(moduleIndex, container, review) {
  const view = quizViews[moduleIndex], attempt = state.quizzes[moduleIndex].attempt;
  attempt.drawn.forEach(({ question, order }, i) => {
    const form = view.forms[question.id], fieldset = $('fieldset', form), mask = attempt.answers[i], right = attempt.isRight(i);
    order.forEach(c => fieldset.append($(`.cb-choice[data-key="${question.choices[c].key}"]`, form)));
    const number = $('.cb-question__number', form) || form.insertBefore(el('p'), form.firstChild);
    const marked = review && review.items;
    number.textContent = `Question ${i + 1} of ${attempt.drawn.length}` + (marked ? (right ? ' · Correct' : ' · Incorrect') : '');
    number.className = 'cb-question__number' + (marked ? ' cb-question__number--' + (right ? 'right' : 'wrong') : '');
    clearFeedback(form);
    $$('input', form).forEach(input => {
      input.checked = (mask & keyBit(input.value)) > 0;
      input.disabled = !!review || lms.review;
    });
    if (review) {
      markChoices(form, mask, correctMask(question),
        { review: true, correctness: review.feedback, feedback: review.feedback, key: review.answers, explanation: review.answers });
    }
    form.hidden = false;
    container.append(form);
  });
}

function renderAttempt(moduleIndex) {
  const module = modules[moduleIndex], record = state.quizzes[moduleIndex];
  const title = `Attempt ${record.attemptsStarted}` + (module.attempts ? ` of ${module.attempts}` : '');
  const panel = panelWithHeading(moduleIndex, 'attempt', title);
  el('p', 'cb-quiz__hint', `Answer every question, then submit. You need ${module.passMark}% to pass.`, panel);
  layOutQuestions(moduleIndex, el('div', 'cb-quiz__questions', null, panel), null);
  button('Submit answers', 'cb-button--primary', () => submitAttempt(moduleIndex), el('div', 'cb-quiz__actions', null, panel));
  return panel;
}

function recordAnswer(moduleIndex, form) {
  const attempt = state.quizzes[moduleIndex].attempt, index = attempt.indexOf(form.dataset.questionId);
  if (attempt.submitted || index < 0) return;
  attempt.answer(index, chosenMask(form), Date.now() - quizViews[moduleIndex].shownAt);
  save(true);
}

function submitAttempt(moduleIndex) {
  const view = quizViews[moduleIndex], record = state.quizzes[moduleIndex], attempt = record.attempt;
  const missing = attempt.unanswered();
  if (missing.length) {
    view.status.textContent = `Answer every question before you submit. Not answered yet: question ${missing.map(i => i + 1).join(', ')}.`;
    $('input', view.forms[attempt.drawn[missing[0]].question.id]).focus();
    return;
  }
  attempt.drawn.forEach(({ question }, i) => lms.interaction({
    id: `${question.id}_a${record.attemptsStarted}`,
    keys: keysInMask(question, attempt.answers[i]),
    correct: keysInMask(question, correctMask(question)),
    isCorrect: attempt.isRight(i),
    latencyMs: attempt.latencies[i],
    description: question.text
  }));
  record.submit();
  showQuizChange(moduleIndex);
}

function attemptsText(record) {
  const module = record.module, used = `Attempts used: ${record.attemptsStarted}` + (module.attempts ? ` of ${module.attempts}` : '');
  return used + ' · ' + (module.attempts ? `left: ${record.attemptsLeft}` : 'unlimited');
}

/** The whole-course result under a module's result, by the same rule as the LMS report. */
function renderCourseResult(panel) {
  const records = state.quizzes.filter(Boolean);
  let text = `Course result: the mean of the module quizzes' best scores, once every quiz has one. The course pass mark is ${data.passMark}%.`;
  if (records.every(r => r.hasResult)) {
    const mean = Math.round(records.reduce((sum, r) => sum + r.bestScore, 0) / records.length);
    text = `Course result: ${mean}%, the mean of the module quizzes' best scores: ${mean >= data.passMark ? 'passed' : 'not passed'}. ` +
      `The course pass mark is ${data.passMark}%.`;
  }
  el('p', 'cb-quiz__course', text, panel);
}

function renderResults(moduleIndex) {
  const module = modules[moduleIndex], record = state.quizzes[moduleIndex], grade = record.attempt.grade();
  const passedNow = grade.score >= module.passMark, left = record.attemptsLeft;
  const panel = panelWithHeading(moduleIndex, 'results', 'Your result');
  const card = el('div', 'cb-result cb-result--' + (passedNow ? 'passed' : 'failed'), null, panel);
  el('p', 'cb-result__score', grade.score + '%', card);
  el('p', 'cb-result__verdict', passedNow ? 'Passed' : 'Not passed', card);
  el('p', 'cb-result__detail', `You answered ${grade.right} of ${grade.total} questions correctly. The pass mark is ${module.passMark}%.`, card);
  el('p', 'cb-result__attempts', attemptsText(record), card);
  if (!record.passed && left > 0) {
    el('p', null, module.attempts ? `You have ${plural(left, 'attempt')} left.` : 'You can try again as often as you like.', panel);
    if (!lms.review) button('Start a new attempt', 'cb-button--primary', () => startAttempt(moduleIndex), panel);
  } else if (!record.passed) {
    el('p', null, `You have used all your attempts. Your best score, ${record.bestScore}%, is your result.`, panel);
  } else if (!passedNow) {
    el('p', null, `You passed this quiz in an earlier attempt with ${record.bestScore}%; that result stands.`, panel);
  }
  if (data.scope === 'course') renderCourseResult(panel);
  const review = reviewOf(record), reveal = module.quiz.revealAnswers || 'after-pass-or-last';
  if (!review.answers && REVEAL_LATER[reveal]) el('p', 'cb-quiz__reveal', REVEAL_LATER[reveal], panel);
  if (review.items) {
    el('h3', null, 'Review your answers', panel);
    layOutQuestions(moduleIndex, el('div', 'cb-quiz__questions', null, panel), review);
  } else {
    el('p', 'cb-quiz__reveal', 'Only your score is shown after this attempt, so the next one stays a fair test.', panel);
  }
  return panel;
}
