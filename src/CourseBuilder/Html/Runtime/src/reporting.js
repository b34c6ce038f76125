/* What the LMS is told: completion, success and score from the state, and when it is saved.
   Uses `state` and `lms`, which main.js sets up before anything runs. */

const allVisited = (moduleIndex, kind) => pagesOfModule(moduleIndex, kind).every(i => state.visited[i]);
const quizLocked = moduleIndex => modules[moduleIndex].quizUnlock === 'all-lessons' && !allVisited(moduleIndex, 'lesson');

/** The pass mark of the scope: the module's, or for the whole course course.yml's. */
const scopePassMark = () => data.scope === 'course' ? data.passMark : modules[0].passMark;

/**
 * The scope's result, by one rule for a module and for the whole course (docs/runtime.md,
 * "Outcome"): the score is the mean of the module quizzes' best scores, rounded, once every quiz
 * has one; passed when it reaches the scope's pass mark. The result is final, and only then
 * reported as passed or failed with its score, when it is passed or no quiz can improve it any
 * more, and every module without a quiz has been read.
 */
function outcome() {
  const records = state.quizzes.filter(Boolean);
  const readingDone = modules.every((module, i) => module.quiz || allVisited(i));
  if (!records.length) return { graded: false, final: readingDone, passed: null, score: null };
  const scored = records.every(r => r.hasResult);
  const score = scored ? Math.round(records.reduce((sum, r) => sum + r.bestScore, 0) / records.length) : null;
  const passed = scored && score >= scopePassMark();
  const final = scored && readingDone && (passed || records.every(r => r.finished));
  return { graded: true, final, passed: final ? passed : null, score: final ? score : null };
}

/** The outcome last reported, as JSON; the LMS's own data is the baseline, so a relaunch reports nothing new. */
let reportedOutcome = null;
let sessionFinished = false;

const storeState = () => lms.save(encodeState(state), pages[state.page].id);

/** Saves the state, reports a changed outcome, and commits when asked or when the outcome changed. */
function save(commit) {
  state.interactionsWritten = Math.max(state.interactionsWritten, lms.interactionCount);
  storeState();
  const result = outcome(), key = JSON.stringify(result);
  if (key !== reportedOutcome) {
    const wasFinal = JSON.parse(reportedOutcome).final;
    reportedOutcome = key;
    lms.report(result);
    commit = true;
    // Final: commit and end the session now rather than when the page closes.
    if (result.final && !wasFinal && !sessionFinished && lms.kind !== 'preview') {
      lms.commit();
      endSession();
      return;
    }
  }
  if (commit) lms.commit();
}

function endSession() {
  if (sessionFinished) return;
  storeState();
  sessionFinished = true;
  lms.finish();
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** In review mode (Moodle's after a finished attempt): what the result is and what the learner can do next. */
function reviewModeNotice() {
  const start = 'Review mode: nothing you do here is recorded.';
  const records = state.quizzes.filter(Boolean);
  if (!records.length) return start + ' You can look through every page.';
  const result = outcome();
  if (result.final) {
    return `${start} Your result, ${result.score}%, is recorded: ${result.passed ? 'passed' : 'not passed, and no attempts are left'}. ` +
      'You can look through every page and review your answers.';
  }
  const open = records.filter(r => !r.finished);
  const left = open.reduce((sum, r) => sum + r.attemptsLeft, 0);
  const attempts = left === Infinity ? 'attempts left' : `${plural(left, 'attempt')} left`;
  return `${start} You still have ${attempts}: to use one, close this review and open the activity again as a normal attempt.`;
}
