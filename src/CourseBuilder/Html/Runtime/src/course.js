/* The course as the page describes it: the #cb-data contract (PlayerData.cs) and the page sections. */

const data = JSON.parse(byId('cb-data').textContent);
const modules = data.modules;

/** Every page of the scope in order, with its module's index and its <section>. */
const pages = modules.flatMap((module, moduleIndex) =>
  module.pages.map(page => ({ ...page, module: moduleIndex, section: byId(page.id) })));
const pageIndex = id => pages.findIndex(page => page.id === id);

/** The page indexes of one module, optionally of one kind (lesson or quiz). */
const pagesOfModule = (moduleIndex, kind) =>
  [...pages.keys()].filter(i => pages[i].module === moduleIndex && (!kind || pages[i].kind === kind));

/** The knowledge checks of every page, in document order (their index is their place in the state). */
const checkForms = $$('form.cb-question--check');
