/**
 * Whether a format word ("report", "table", "JSON", "list") names the shape of the answer or the material
 * the prompt hands over. "Write a report" and "in a table" ask for a format; "triage this bug report" and
 * "the table below" only name what to work on. The words around the noun decide: its determiner, a word
 * that points at given material, and the verb or preposition in front of the determiner.
 */
import { MATERIAL_CONTEXT, WordClass } from '../text/lexicon';
import type { TokenList } from '../text/tokenize';

const { demonstratives, possessives, pointers, sources, prepositions, producingVerbs, shapesToFollow } = MATERIAL_CONTEXT;
const ARTICLES = new Set(['the', 'a', 'an']);
const PRESENTING = new Set(['is', 'are']);
// "the crash report", "the attached CSV file": a noun phrase has at most this many words before its noun.
const MODIFIERS = 2;

/** Whether token `i` and the next one are in the same clause: nothing but spaces or tabs between them. */
function joined(text: string, tokens: TokenList, i: number): boolean {
  if (i < 0 || i + 1 >= tokens.length) return false;
  for (let at = tokens.end(i); at < tokens.start(i + 1); at += 1) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** The token right before `i` in the same clause, or -1. */
function previous(text: string, tokens: TokenList, i: number): number {
  return joined(text, tokens, i - 1) ? i - 1 : -1;
}

/** Whether the word in front of a determiner presents the noun as given ("Here is a …", "names from a CSV"). */
function presents(text: string, tokens: TokenList, word: number): boolean {
  const lower = tokens.lower(word);
  if (pointers.has(lower) || sources.has(lower)) return true;
  const before = previous(text, tokens, word);
  return PRESENTING.has(lower) && before >= 0 && pointers.has(tokens.lower(before));
}

/** Whether the format word at token `i` names the answer's format rather than material to work on. */
export function namesAnswerFormat(text: string, tokens: TokenList, i: number): boolean {
  if (shapesToFollow.has(tokens.lower(i))) return true;
  let pointed = joined(text, tokens, i) && pointers.has(tokens.lower(i + 1));
  // Walk back over the modifiers ("bug", "attached") to the stop word that opens the noun phrase.
  let opener = previous(text, tokens, i);
  for (let skipped = 0; opener >= 0 && (tokens.classes(opener) & WordClass.stop) === 0; skipped += 1) {
    if (skipped === MODIFIERS) return !pointed;
    pointed ||= pointers.has(tokens.lower(opener));
    opener = previous(text, tokens, opener);
  }
  if (opener < 0) return !pointed;
  const determiner = tokens.lower(opener);
  if (demonstratives.has(determiner)) return false;
  const before = previous(text, tokens, opener);
  const beforeWord = before >= 0 ? tokens.lower(before) : '';
  if (producingVerbs.has(beforeWord) && (possessives.has(determiner) || ARTICLES.has(determiner))) return true;
  if (pointed || possessives.has(determiner)) return false;
  if (!ARTICLES.has(determiner) || before < 0) return true;
  if (presents(text, tokens, before)) return false;
  // "Summarize the report", "errors in the table": after any other verb or these prepositions, the
  // definite article names something that exists; "a X" there is still made ("in a table").
  const otherVerb = (tokens.classes(before) & WordClass.imperative) !== 0;
  return !(determiner === 'the' && (otherVerb || prepositions.has(beforeWord)));
}
