/**
 * Everything the analysis counts word by word, gathered in a single walk over the tokens: content words,
 * vague wording, requirements, prohibitions, sequencing words, statements of context, vocabulary that
 * names a format, an audience or a tone, and proper names.
 */
import { CONTEXT_OPENERS, VAGUE_PHRASES, WORD_CLASSES, WordClass } from '../text/lexicon';
import type { Token } from '../text/tokenize';
import type { Piece } from '../text/tokens';
import type { Finding } from './finding';
import { labelPrefixLength } from './finding';
import { PhraseMatcher } from './phraseMatcher';

/** Word-level facts about a prompt. */
export interface WordStats {
  words: number;
  distinctContentWords: number;
  vague: Finding[];
  requirements: number;
  negatives: number;
  stepWords: number;
  contextOpeners: number;
  formatWord: boolean;
  audienceWord: boolean;
  toneWord: boolean;
  /** Distinct proper names, acronyms, years, identifiers and file names. */
  names: Set<string>;
}

const VAGUE = new PhraseMatcher(VAGUE_PHRASES);
const CONTEXT = new PhraseMatcher(CONTEXT_OPENERS);
const REQUIREMENTS = new PhraseMatcher([
  'must', 'should', 'ensure', 'make sure', 'at least', 'at most', 'no more than', 'no longer than', 'exactly',
  'only', 'limit', 'within', 'require', 'required', 'need to', 'needs to',
]);
const NEGATIVES = new PhraseMatcher([
  'do not', "don't", 'dont', 'never', 'avoid', 'refrain from', 'must not', "mustn't", 'should not', "shouldn't", 'without',
]);
// The judge's reward for distinct content words stops growing at 31 (0.45·√n reaches its cap of 2.5), so
// counting stops a little past that instead of hashing every word of a long prompt into a set.
const CONTENT_WORDS_COUNTED = 64;
const FILE_EXTENSIONS = new Set(['py', 'ts', 'js', 'tsx', 'jsx', 'go', 'rs', 'java', 'cs', 'rb', 'md', 'json', 'yaml', 'yml', 'csv', 'sql', 'html', 'css']);
const YEAR = /^(?:1[5-9]|20)\d{2}$/;
const QUOTED_OR_LINK = /`[^`\n]{1,80}`|"[^"\n]{2,80}"|“[^”\n]{2,80}”|\bhttps?:\/\/\S+|\bwww\.\S+/g;

/** Offsets of tokens capitalised by grammar rather than as names: sentence starts and words after "Label:". */
function grammarCapitals(sentences: readonly Piece[], tokens: readonly Token[]): Set<number> {
  const starts = new Set<number>();
  let next = 0;
  for (const sentence of sentences) {
    while (next < tokens.length && tokens[next]!.start < sentence.start) next += 1;
    if (next < tokens.length) starts.add(tokens[next]!.start);
    const label = labelPrefixLength(sentence.text);
    if (label === 0) continue;
    const after = sentence.start + label;
    let index = next;
    while (index < tokens.length && tokens[index]!.start < after) index += 1;
    if (index < tokens.length) starts.add(tokens[index]!.start);
  }
  return starts;
}

// First words of every phrase any matcher looks for: one lookup rules most tokens out of all of them.
// Word classes plus a flag for the first words of every phrase above: one lookup per token answers both.
const PHRASE_START = 1 << 20;
const CLASSES = new Map(WORD_CLASSES);
for (const matcher of [VAGUE, CONTEXT, REQUIREMENTS, NEGATIVES]) {
  for (const word of matcher.firstWords()) CLASSES.set(word, (CLASSES.get(word) ?? 0) | PHRASE_START);
}

function vagueFindings(text: string, tokens: readonly Token[], classOf: Int32Array): Finding[] {
  const found: Finding[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const phrase = classOf[i]! & PHRASE_START ? VAGUE.matchAt(tokens, i) : 0;
    const last = phrase > 0 ? tokens[i + phrase - 1]! : tokens[i]!;
    if (phrase > 0 || (classOf[i]! & WordClass.vague) !== 0) {
      const span = { start: tokens[i]!.start, end: last.end };
      found.push({ text: text.slice(span.start, span.end), span });
      if (phrase > 0) i += phrase - 1;
    }
  }
  return found;
}

/** Phrase matches without overlap, looked for only where some phrase can start. */
function findPhrases(matcher: PhraseMatcher, tokens: readonly Token[], classOf: Int32Array): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!(classOf[i]! & PHRASE_START)) continue;
    const length = matcher.matchAt(tokens, i);
    if (length > 0) {
      found.push([i, length]);
      i += length - 1;
    }
  }
  return found;
}

/** Walks the tokens once (plus a few phrase scans) and returns the word-level facts. */
export function wordStats(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Piece[],
  shouting: readonly Finding[],
): WordStats {
  const grammar = grammarCapitals(sentences, tokens);
  const inShouting = (token: Token): boolean => shouting.some((s) => token.start >= s.span.start && token.end <= s.span.end);
  const content = new Set<string>();
  const names = new Set<string>();
  let stepWords = 0;
  let formatWord = false;
  let audienceWord = false;
  let toneWord = false;
  const noContent = WordClass.stop | WordClass.filler;
  const classOf = new Int32Array(tokens.length);
  tokens.forEach((token, index) => {
    const { lower } = token;
    const classes = CLASSES.get(lower) ?? 0;
    classOf[index] = classes;
    if ((classes & noContent) === 0 && content.size < CONTENT_WORDS_COUNTED) content.add(lower);
    if (classes & WordClass.step) stepWords += 1;
    formatWord ||= (classes & WordClass.format) !== 0;
    audienceWord ||= (classes & WordClass.audience) !== 0;
    toneWord ||= (classes & WordClass.tone) !== 0;
    const first = lower.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      if (YEAR.test(lower)) names.add(lower);
    } else if (token.allCaps) {
      // Acronyms count as names, but not the words of a shouted rule (NEVER TALK ABOUT PRICES).
      if (token.end - token.start <= 5 && !grammar.has(token.start) && !inShouting(token)) names.add(text.slice(token.start, token.end));
    } else if (token.capitalised) {
      if (!grammar.has(token.start) && (classes & WordClass.stop) === 0) names.add(text.slice(token.start, token.end));
    } else if (token.upperInside) names.add(text.slice(token.start, token.end));
    if (text.charCodeAt(token.end) === 46) {
      const next = tokens[index + 1];
      if (next && next.start === token.end + 1 && FILE_EXTENSIONS.has(next.lower)) names.add(`${lower}.${next.lower}`);
    }
  });
  if (/[`"“]|http|www\./.test(text)) for (const match of text.matchAll(QUOTED_OR_LINK)) names.add(match[0]);
  return {
    words: tokens.length,
    distinctContentWords: content.size,
    vague: vagueFindings(text, tokens, classOf),
    requirements: findPhrases(REQUIREMENTS, tokens, classOf).length,
    negatives: findPhrases(NEGATIVES, tokens, classOf).length,
    stepWords,
    contextOpeners: new Set(findPhrases(CONTEXT, tokens, classOf).map(([i, n]) => tokens.slice(i, i + n).map((t) => t.lower).join(' '))).size,
    formatWord,
    audienceWord,
    toneWord,
    names,
  };
}
