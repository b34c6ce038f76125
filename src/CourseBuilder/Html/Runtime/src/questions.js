/* Question forms: marking choices, the knowledge checks, and the reflections. */

const chosenMask = form => $$('input', form).reduce((mask, input) => input.checked ? mask | keyBit(input.value) : mask, 0);

function clearFeedback(form) {
  $$('.cb-choice', form).forEach(c => c.classList.remove('cb-choice--right', 'cb-choice--wrong', 'cb-choice--key'));
  $$('.cb-choice__marks', form).forEach(mark => mark.remove());
  $$('.cb-choice__feedback, .cb-question__explanation', form).forEach(x => { x.hidden = true; });
}

/** What a knowledge check shows after "Check answer": everything but the key itself. */
const CHECK_MARKS = { review: false, correctness: true, feedback: true, key: false, explanation: true };

/**
 * Marks the chosen choices in words, not colour alone. show: { review ("Your answer" rather than
 * Correct/Incorrect), correctness (right/wrong styling), feedback (the chosen choices' feedback),
 * key ("Correct answer" on the key), explanation }.
 */
function markChoices(form, chosen, key, show) {
  $$('.cb-choice', form).forEach(choice => {
    const bit = keyBit(choice.dataset.key), isChosen = (chosen & bit) > 0, isKey = (key & bit) > 0, words = [];
    if (isChosen) {
      if (show.correctness) choice.classList.add(isKey ? 'cb-choice--right' : 'cb-choice--wrong');
      words.push(show.review ? 'Your answer' : isKey ? 'Correct' : 'Incorrect');
    }
    if (show.key && isKey) {
      choice.classList.add('cb-choice--key');
      words.push('Correct answer');
    }
    if (words.length) el('span', 'cb-choice__marks', words.join(' · '), $('label', choice));
    const feedback = $('.cb-choice__feedback', choice);
    if (feedback) feedback.hidden = !(isChosen && show.feedback);
  });
  const explanation = $('.cb-question__explanation', form);
  if (explanation) explanation.hidden = !show.explanation;
}

function checkVerdict(chosen, key) {
  if (chosen === key) return 'Correct.';
  if ((chosen & key) === chosen) return 'Partly right: you missed at least one correct answer. Try again.';
  return 'Not quite. Read the feedback and try again.';
}

/** A knowledge check: "Check answer" marks the choice and says why; "Try again" clears it. */
function wireCheck(form, checkIndex) {
  const status = $('.cb-question__status', form), actions = $('.cb-question__actions', form), checkButton = $('button', actions);
  const key = $$('.cb-choice[data-correct="true"]', form).reduce((mask, c) => mask | keyBit(c.dataset.key), 0);
  const again = button('Try again', '', () => {
    clearFeedback(form);
    $$('input', form).forEach(input => { input.disabled = input.checked = false; });
    status.textContent = '';
    status.className = 'cb-question__status';
    again.hidden = true;
    checkButton.hidden = false;
    $('input', form).focus();
  }, actions);
  again.hidden = true;

  on(form, 'submit', event => {
    event.preventDefault();
    const chosen = chosenMask(form), right = chosen === key;
    clearFeedback(form);
    if (!chosen) {
      status.textContent = 'Choose an answer first.';
      return;
    }
    markChoices(form, chosen, key, CHECK_MARKS);
    status.textContent = checkVerdict(chosen, key);
    status.className = 'cb-question__status cb-question__status--' + (right ? 'right' : 'wrong');
    $$('input', form).forEach(input => { input.disabled = true; });
    checkButton.hidden = true;
    again.hidden = false;
    again.focus();
    if (right && !state.checks[checkIndex]) {
      state.checks[checkIndex] = true;
      renderChrome();
      save(false);
    }
  });
}

/** Reflections stay in this browser only (localStorage), as the page tells the learner. */
function wireReflection(box) {
  const area = $('textarea', box), key = `cb-reflection:${data.courseId}:${box.dataset.reflectionId}`;
  try {
    area.value = localStorage.getItem(key) || '';
  } catch {
    // Storage blocked: the box still works.
  }
  on(area, 'input', () => {
    try {
      localStorage.setItem(key, area.value);
    } catch (e) {
      console.warn('CourseBuilder: cannot keep the reflection', e);
    }
  });
}
