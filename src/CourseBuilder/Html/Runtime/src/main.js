/* Start-up: connect to the LMS, restore the state, wire the page and show the current page. */

const noticeArea = byId('cb-notice');

/** Adds a notice to the status region once per key. */
function notice(key, text) {
  if ($(`[data-notice="${key}"]`, noticeArea)) return;
  el('p', 'cb-notice__item', text, noticeArea).dataset.notice = key;
  noticeArea.hidden = false;
}

const lms = openLms(`cb:${data.courseId}:${data.moduleId || 'course'}:${data.version}`, data.scorm12Outcome);
lms.onProblem = () => notice('lms', 'Your progress may not be saved: the learning platform did not accept it. ' +
  'You can keep working; if this message stays, tell your course administrator.');
if (lms.kind === 'preview') notice('preview', 'Preview mode: no learning platform is connected, so your progress is kept in this browser only.');

const scopeName = data.scope === 'course' ? 'course' : 'module';
let state;
try {
  state = decodeState(lms.suspendData);
} catch (e) {
  console.warn('CourseBuilder: saved progress could not be read; starting afresh', e);
  notice('state', `Your saved progress in this ${scopeName} could not be read, so it starts again from the beginning.`);
  state = freshState();
}
if (lms.review) notice('review', reviewModeNotice());
else if (!lms.recording) {
  notice('browse', `This launch does not count (${lms.mode === 'browse' ? 'browse mode' : 'no credit'}): ` +
    'you can look through everything and try the quiz, but nothing is recorded.');
}
// An LMS without interactions._count: continue after the interactions this state has written.
if (state.interactionsWritten > lms.interactionCount) lms.interactionCount = state.interactionsWritten;
// The bookmark wins over the page in suspend_data.
if (pageIndex(lms.location) >= 0) state.page = pageIndex(lms.location);

wireNavigation();
checkForms.forEach(wireCheck);
$$('.cb-reflection').forEach(wireReflection);
on(document, 'visibilitychange', () => { if (document.hidden) save(true); });
// pagehide fires wherever unload would; unload listeners are deprecated (they block the back/forward cache).
on(window, 'pagehide', endSession);

reportedOutcome = JSON.stringify(outcome());
goToPage(state.page, false);
window.CBPlayer = { state: () => state, encode: () => encodeState(state), lms };
