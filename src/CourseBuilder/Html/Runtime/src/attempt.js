/* Quiz attempts: the seeded draw, the learner's answers and grading, and one module's quiz record. */

/** mulberry32: a small seeded generator, so one number restores an attempt's draw and order. */
function seededRandom(seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleInPlace(list, random) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/**
 * The pool indexes an attempt draws. With a blueprint, each objective gives its count, chosen at
 * random among its questions, so every attempt covers every objective; otherwise `draw` from the
 * whole pool. Without `shuffle` the drawn questions keep their pool order.
 */
function drawIndexes(quiz, random) {
  const all = [...quiz.questions.keys()];
  let drawn;
  if (quiz.blueprint) {
    drawn = quiz.blueprint.flatMap(({ objective, count }) =>
      shuffleInPlace(all.filter(i => quiz.questions[i].objective === objective), random).slice(0, count));
    if (quiz.shuffle) shuffleInPlace(drawn, random);
  } else {
    if (quiz.shuffle || quiz.draw < all.length) shuffleInPlace(all, random);
    drawn = all.slice(0, quiz.draw);
  }
  if (!quiz.shuffle) drawn.sort((a, b) => a - b);
  return drawn;
}

/** The questions an attempt draws, each with its choice order (pinned choices keep their place). */
function drawQuestions(quiz, seed) {
  const random = seededRandom(seed);
  const pool = drawIndexes(quiz, random);
  return pool.map(questionIndex => {
    const question = quiz.questions[questionIndex];
    let order = [...question.choices.keys()];
    if (quiz.shuffle) {
      const free = shuffleInPlace(order.filter(i => !question.choices[i].pinned), random);
      order = order.map(i => question.choices[i].pinned ? i : free.shift());
    }
    return { question, order };
  });
}

// Choice keys are a..z; bit i of a mask stands for key a+i (docs/runtime.md).
const keyBit = key => 1 << (key.charCodeAt(0) - 97);
const correctMask = question => question.choices.reduce((mask, c) => c.correct ? mask | keyBit(c.key) : mask, 0);
const keysInMask = (question, mask) => question.choices.filter(c => mask & keyBit(c.key)).map(c => c.key);

/** One attempt at a quiz: the seed fixes the drawn questions and their choice order. */
class Attempt {
  constructor(quiz, seed) {
    this.seed = seed;
    this.drawn = drawQuestions(quiz, seed);
    this.answers = this.drawn.map(() => 0);
    // Time from showing the attempt to each question's last change; not kept in suspend_data.
    this.latencies = this.drawn.map(() => 0);
    this.submitted = false;
  }

  indexOf(questionId) {
    return this.drawn.findIndex(d => d.question.id === questionId);
  }

  answer(index, mask, latencyMs) {
    this.answers[index] = mask;
    this.latencies[index] = latencyMs;
  }

  /** Indexes of the drawn questions without an answer. */
  unanswered() {
    return [...this.drawn.keys()].filter(i => !this.answers[i]);
  }

  /** A question scores only when the chosen set equals the key: no partial credit. */
  isRight(index) {
    return this.answers[index] === correctMask(this.drawn[index].question);
  }

  grade() {
    const total = this.drawn.length, right = this.drawn.filter((_, i) => this.isRight(i)).length;
    return { right, total, score: total ? Math.round(100 * right / total) : 0 };
  }
}

/** One module's graded quiz: attempts started, the best score, passed, and the current attempt. */
class QuizRecord {
  constructor(module) {
    this.module = module;
    this.attemptsStarted = 0;
    this.bestScore = null;
    // Before the first attempt the record holds an unstarted attempt of seed 0 (the encoding writes it).
    this.attempt = new Attempt(module.quiz, 0);
  }

  /** At least one attempt has been submitted, so a best score exists. */
  get hasResult() {
    return this.bestScore !== null;
  }

  /** Passed only when the recorded best score reaches the pass mark. */
  get passed() {
    return this.hasResult && this.bestScore >= this.module.passMark;
  }

  /** Nothing more can change: passed, or the last attempt is submitted. */
  get finished() {
    return this.passed || (this.attemptsLeft === 0 && this.attempt.submitted);
  }

  get attemptsLeft() {
    return this.module.attempts ? Math.max(0, this.module.attempts - this.attemptsStarted) : Infinity;
  }

  start(seed) {
    this.attemptsStarted++;
    this.attempt = new Attempt(this.module.quiz, seed);
  }

  /** Grades the current attempt and keeps the best score. */
  submit() {
    const { score } = this.attempt.grade();
    this.attempt.submitted = true;
    this.bestScore = Math.max(this.bestScore ?? 0, score);
    return score;
  }
}
