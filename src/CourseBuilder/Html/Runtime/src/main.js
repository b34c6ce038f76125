/* Start-up: connect to the LMS, restore the state, wire the page and show the current page. */

const noticeArea = byId('cb-notice');

/** Adds a notice to the status region once per key. */
function notice(key, text) {
  if ($(`[data-notice="${key}"]`, noticeArea)) return;
  el('p', 'cb-notice__item', text, noticeArea).dataset.notice = key;
  noticeArea.hidden = false;
}

const lms = openLms(`cb:${data.courseId}:${data.moduleId || 'course'}:${data.version}`);
lms.onProblem = () => notice('lms', 'Your progress may not be saved: the learning platform did not accept it. ' +
  'You can keep working; if this message stays, tell your course administrator.');
if (lms.kind === 'preview') notice('preview', 'Preview mode: no learning platform is connected, so your progress is kept in this browser only.');
if (lms.review) notice('review', 'Review mode: you can look through the module; your answers are not recorded.');

let state;
try {
  state = decodeState(lms.suspendData);
} catch (e) {
  console.warn('CourseBuilder: saved progress could not be read; starting afresh', e);
  state = freshState();
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
