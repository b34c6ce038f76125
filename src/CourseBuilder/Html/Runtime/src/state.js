/* The learner's state and its compact encoding into suspend_data (docs/runtime.md, "State"). */

const STATE_VERSION = '1';
const BITS_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

const toBase36 = n => n.toString(36);
const fromBase36 = text => parseInt(text, 36) || 0;

/** Characters one question's answer mask takes: six choices per character. */
const maskWidth = question => Math.ceil(question.choices.length / 6);

/** A mask in `width` characters, six bits each, lowest first. */
const encodeMask = (mask, width) =>
  Array.from({ length: width }, (_, i) => BITS_ALPHABET[(mask >> (6 * i)) & 63]).join('');
const decodeMask = text => [...text].reduce((mask, c, i) => mask | BITS_ALPHABET.indexOf(c) << (6 * i), 0);

/** Flags go six to a character, the same way as masks. */
const encodeBits = bits => Array.from({ length: Math.ceil(bits.length / 6) },
  (_, c) => encodeMask(bits.slice(6 * c, 6 * c + 6).reduce((value, bit, j) => value | bit << j, 0), 1)).join('');
const decodeBits = (text, count) =>
  Array.from({ length: count }, (_, i) => (decodeMask(text.charAt(Math.floor(i / 6))) >> i % 6 & 1) === 1);

/**
 * page: current page index; visited and checks: one flag per page and per knowledge check;
 * interactionsWritten: for an LMS without interactions._count; quizzes: a QuizRecord per module
 * with a quiz, null for the others.
 */
function freshState() {
  return {
    page: 0,
    visited: pages.map(() => false),
    checks: checkForms.map(() => false),
    interactionsWritten: 0,
    quizzes: modules.map(module => module.quiz ? new QuizRecord(module) : null)
  };
}

const FLAG_PASSED = 1, FLAG_SUBMITTED = 2;

function encodeQuiz(record) {
  if (!record) return '';
  const attempt = record.attempt;
  const flags = (record.passed ? FLAG_PASSED : 0) | (attempt.submitted ? FLAG_SUBMITTED : 0);
  const answers = attempt.drawn.map((d, i) => encodeMask(attempt.answers[i], maskWidth(d.question))).join('');
  return [toBase36(record.attemptsStarted), record.hasResult ? toBase36(record.bestScore) : '', flags, toBase36(attempt.seed), answers].join('.');
}

function encodeState(state) {
  return [STATE_VERSION, toBase36(state.page), encodeBits(state.visited), encodeBits(state.checks),
    toBase36(state.interactionsWritten), ...state.quizzes.map(encodeQuiz)].join('~');
}

/** Saved state that does not decode, or contradicts itself; main.js starts over with a notice. */
class StateError extends Error {}

function expect(condition, problem) {
  if (!condition) throw new StateError(problem);
}

const BASE36 = /^[0-9a-z]+$/;
const isBits = (text, count) => text.length === Math.ceil(count / 6) && [...text].every(c => BITS_ALPHABET.includes(c));

function decodeQuiz(module, field) {
  if (!module.quiz) {
    expect(field === '', `module ${module.id} has no quiz but its state has one`);
    return null;
  }
  const parts = field.split('.');
  expect(parts.length === 5, `the quiz state of ${module.id} has ${parts.length} parts`);
  const [started, best, flags, seed, answers] = parts;
  expect(BASE36.test(started) && BASE36.test(seed) && /^[0-3]$/.test(flags) && (best === '' || BASE36.test(best)),
    `the quiz state of ${module.id} is malformed`);
  const record = new QuizRecord(module);
  record.attemptsStarted = fromBase36(started);
  record.bestScore = best === '' ? null : fromBase36(best);
  record.attempt = new Attempt(module.quiz, fromBase36(seed));
  record.attempt.submitted = (flags & FLAG_SUBMITTED) > 0;
  const widths = record.attempt.drawn.map(d => maskWidth(d.question));
  expect(answers.length === widths.reduce((a, b) => a + b, 0) && isBits(answers, 6 * answers.length),
    `the answers of ${module.id} do not fit its draw`);
  let at = 0;
  record.attempt.drawn.forEach(({ question }, i) => {
    const mask = decodeMask(answers.slice(at, at += widths[i]));
    expect(mask < 1 << question.choices.length, `an answer of ${module.id} names a choice that does not exist`);
    record.attempt.answers[i] = mask;
  });

  // What the player can never have written together.
  const limit = module.attempts || Infinity;
  expect(record.attemptsStarted <= limit, `${module.id}: ${record.attemptsStarted} attempts of ${module.attempts}`);
  expect(record.bestScore === null || record.bestScore <= 100, `${module.id}: a best score over 100`);
  expect((record.attemptsStarted === 0) === (fromBase36(seed) === 0 && !record.attempt.submitted && !answers.replace(/0/g, '')),
    `${module.id}: answers or a seed without an attempt`);
  expect(record.hasResult === (record.attemptsStarted > 1 || record.attempt.submitted),
    `${module.id}: a best score without a submitted attempt, or the reverse`);
  expect(((flags & FLAG_PASSED) > 0) === record.passed, `${module.id}: "passed" does not match the best score`);
  if (record.attempt.submitted) {
    expect(record.attempt.unanswered().length === 0, `${module.id}: a submitted attempt with unanswered questions`);
    expect(record.attempt.grade().score <= record.bestScore, `${module.id}: the best score is below a submitted attempt's`);
  }
  return record;
}

/**
 * The state suspend_data holds; an empty text is a first launch. Throws a StateError for
 * another format or a state that contradicts itself (docs/runtime.md, "State").
 */
function decodeState(text) {
  const state = freshState();
  if (!text) return state;
  const fields = text.split('~');
  expect(fields[0] === STATE_VERSION, 'an unknown state version');
  expect(fields.length === 5 + modules.length, `${fields.length - 5} quiz fields for ${modules.length} modules`);
  expect(BASE36.test(fields[1]) && fromBase36(fields[1]) < pages.length, 'the current page does not exist');
  expect(isBits(fields[2], pages.length) && isBits(fields[3], checkForms.length), 'the page or check flags do not fit');
  expect(BASE36.test(fields[4]), 'the interaction count is malformed');
  state.page = fromBase36(fields[1]);
  state.visited = decodeBits(fields[2], pages.length);
  state.checks = decodeBits(fields[3], checkForms.length);
  state.interactionsWritten = fromBase36(fields[4]);
  state.quizzes = modules.map((module, i) => decodeQuiz(module, fields[5 + i]));
  expect(state.visited[state.page], 'the current page was never visited');
  return state;
}
