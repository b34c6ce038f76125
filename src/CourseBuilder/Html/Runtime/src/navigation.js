/* Moving between pages: the pager, the contents with its marks, the progress label and bar. */

const prevButton = byId('cb-prev'), nextButton = byId('cb-next');
const contents = byId('cb-toc'), contentsToggle = $('.cb-toc-toggle');

/** A lesson is completed when visited and each of its knowledge checks was answered correctly once. */
function lessonCompleted(index) {
  const section = pages[index].section;
  return state.visited[index] && checkForms.every((form, i) => !section.contains(form) || state.checks[i]);
}

/** The contents mark of one page, in words (so nothing relies on colour) and a class for its symbol. */
function contentsMark(index) {
  const page = pages[index], record = state.quizzes[page.module];
  if (page.kind === 'quiz') {
    if (record.hasResult) return record.passed ? ['Passed', 'done'] : ['Not passed yet', 'failed'];
    if (quizLocked(page.module)) return ['Locked', 'locked'];
    if (record.passed) return ['Completed', 'done'];
  } else if (lessonCompleted(index)) {
    return ['Completed', 'done'];
  }
  return state.visited[index] ? ['Visited', 'visited'] : ['', ''];
}

function renderProgressLabel(page) {
  const lessons = pagesOfModule(page.module, 'lesson');
  let label = page.kind === 'quiz' ? 'Module quiz' : `Lesson ${lessons.indexOf(state.page) + 1} of ${lessons.length}`;
  if (data.scope === 'course') {
    label = `Module ${page.module + 1} of ${modules.length} · ${label}`;
    $('.cb-header__module').textContent = modules[page.module].title;
  }
  byId('cb-progress-label').textContent = label;
}

function renderProgressBar() {
  const visited = state.visited.filter(Boolean).length, bar = $('.cb-progress__bar');
  bar.ariaValueNow = visited;
  bar.ariaValueText = `${visited} of ${pages.length} pages visited`;
  $('.cb-progress__fill').style.width = 100 * visited / pages.length + '%';
}

function renderContents() {
  $$('.cb-toc__item').forEach(item => {
    const index = pageIndex(item.dataset.page), [text, modifier] = contentsMark(index), current = index === state.page;
    $('.cb-toc__state', item).textContent = text;
    item.className = 'cb-toc__item' + (modifier && ' cb-toc__item--' + modifier) + (current ? ' cb-toc__item--current' : '');
    $('a', item).ariaCurrent = current ? 'page' : null;
  });
}

/** Everything around the page that depends on the state. */
function renderChrome() {
  const page = pages[state.page];
  renderProgressLabel(page);
  renderProgressBar();
  renderContents();
  prevButton.disabled = state.page === 0;
  nextButton.disabled = state.page === pages.length - 1;
  document.title = `${page.title} – ${data.title}` + (data.scope === 'module' ? ' – ' + data.courseTitle : '');
}

/** Shows page `index`; with focus, moves focus to its heading (after a learner's move). */
function goToPage(index, focus) {
  index = Math.max(0, Math.min(pages.length - 1, index));
  state.page = index;
  state.visited[index] = true;
  pages.forEach((page, i) => { page.section.hidden = i !== index; });
  const page = pages[index];
  if (page.kind === 'quiz') renderQuiz(page.module, false);
  renderChrome();
  openContents(false);
  if (focus) {
    $('.cb-page__title', page.section).focus();
    scrollTo(0, 0);
  }
  save(true);
}

function openContents(open) {
  contents.classList.toggle('cb-toc--open', open);
  contentsToggle.ariaExpanded = open;
}

function wireNavigation() {
  on(prevButton, 'click', () => goToPage(state.page - 1, true));
  on(nextButton, 'click', () => goToPage(state.page + 1, true));
  $$('.cb-toc__link').forEach(link => on(link, 'click', event => {
    event.preventDefault();
    goToPage(pageIndex(link.getAttribute('href').slice(1)), true);
  }));
  on(contentsToggle, 'click', () => openContents(!contents.classList.contains('cb-toc--open')));
}
