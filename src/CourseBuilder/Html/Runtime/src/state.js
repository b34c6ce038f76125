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

function decodeQuiz(module, field) {
  if (!module.quiz) return null;
  const record = new QuizRecord(module), parts = field.split('.');
  if (parts.length !== 5) return record;
  const [started, best, flags, seed, answers] = parts;
  record.attemptsStarted = fromBase36(started);
  record.bestScore = best === '' ? null : fromBase36(best);
  record.passed = (flags & FLAG_PASSED) > 0;
  record.attempt = new Attempt(module.quiz, fromBase36(seed));
  record.attempt.submitted = (flags & FLAG_SUBMITTED) > 0;
  let at = 0;
  record.attempt.drawn.forEach((d, i) => {
    record.attempt.answers[i] = decodeMask(answers.slice(at, at += maskWidth(d.question)));
  });
  return record;
}

/** The state suspend_data holds; an empty text is a first launch. Throws on another format. */
function decodeState(text) {
  const state = freshState();
  if (!text) return state;
  const fields = text.split('~');
  if (fields[0] !== STATE_VERSION || fields.length !== 5 + modules.length) throw new Error('unknown state format');
  state.page = Math.min(fromBase36(fields[1]), pages.length - 1);
  state.visited = decodeBits(fields[2], pages.length);
  state.checks = decodeBits(fields[3], checkForms.length);
  state.interactionsWritten = fromBase36(fields[4]);
  state.quizzes = modules.map((module, i) => decodeQuiz(module, fields[5 + i]));
  return state;
}
