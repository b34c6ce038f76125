/* What the LMS is told: completion, success and score from the state, and when it is saved.
   Uses `state` and `lms`, which main.js sets up before anything runs. */

const allVisited = (moduleIndex, kind) => pagesOfModule(moduleIndex, kind).every(i => state.visited[i]);
const quizLocked = moduleIndex => modules[moduleIndex].quizUnlock === 'all-lessons' && !allVisited(moduleIndex, 'lesson');

/** Completion, success and score of the scope, by the rules in docs/runtime.md. */
function outcome() {
  let complete = true, done = true, allSubmitted = true, allPassed = true, sum = 0, count = 0;
  state.quizzes.forEach((record, moduleIndex) => {
    if (!record) {
      if (!allVisited(moduleIndex)) complete = done = false;
    } else if (!record.hasResult) {
      allSubmitted = complete = done = false;
    } else {
      sum += record.bestScore;
      count++;
      if (!record.passed) {
        allPassed = false;
        // Not done while another attempt can start or one is in progress.
        if (record.attemptsLeft > 0 || !record.attempt.submitted) done = false;
      }
    }
  });
  const scored = count > 0 && allSubmitted;
  return { complete, passed: scored ? allPassed : null, score: scored ? Math.round(sum / count) : null, done };
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
    const wasDone = JSON.parse(reportedOutcome).done;
    reportedOutcome = key;
    lms.report(result);
    commit = true;
    // Done: commit and end the session now rather than when the page closes.
    if (result.done && !wasDone && !sessionFinished && lms.kind !== 'preview') {
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
