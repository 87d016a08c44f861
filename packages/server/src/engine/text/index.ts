export { CharClass, charClass, INITIALS, initialsOf, normalize } from './normalize.js';
export { intersect, intersectAll, union } from './postings.js';
export { parseQuery, type Term } from './terms.js';
export { type SearchOptions, type SearchResult, type TextDocument, TextIndex } from './text-index.js';
