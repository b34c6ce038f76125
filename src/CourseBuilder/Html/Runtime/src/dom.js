/* DOM helpers shared by every part of the player. */

const byId = id => document.getElementById(id);
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const on = (target, type, listener) => target.addEventListener(type, listener);

/** A new element with an optional class and text, appended to parent when one is given. */
function el(tag, className, text, parent) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text != null) element.textContent = text;
  if (parent) parent.append(element);
  return element;
}

/** A type="button" button (never a form submit) that calls onClick. */
function button(text, className, onClick, parent) {
  const b = el('button', 'cb-button ' + className, text, parent);
  b.type = 'button';
  on(b, 'click', onClick);
  return b;
}
