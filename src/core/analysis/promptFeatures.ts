/**
 * One read of a prompt that both the judge and the engine use: what the prompt asks, what it already has
 * (role, context, input data, output format, constraints, examples, steps …), and what weakens it (vague
 * words, ambiguous references, shouting, negative-only rules, filler). Linear in the text length.
 */
import { FILLER_WORDS, REASONING_PHRASES, STOP_WORDS, UNIT_WORDS, VAGUE_WORDS } from '../text/lexicon';
import { flattened } from '../text/flatten';
import type { TokenList } from '../text/tokenize';
import { Shape, tokenize } from '../text/tokenize';
import type { Piece } from '../text/tokens';
import { splitSentences } from '../text/tokens';
import type { TextSpan } from '../types';
import { fillerFindings, tokensOutside, withoutFiller } from './filler';
import type { Finding } from './finding';
import type { Layout } from './sections';
import { PROMPT_VOCABULARY } from './promptVocabulary';
import { analyzeLayout } from './sections';
import { codeFences, templateVariables } from './templateTokens';
import { sentenceAsks, startsNegative } from './sentenceAsks';
import { wordStats } from './wordStats';

export type { Finding } from './finding';

/** Everything the judge scores and the engine builds on. */
export interface PromptFeatures {
  /** Words in the prompt, filler sentences excluded. */
  words: number;
  /** Distinct words that are neither function words nor filler, counted up to 64 (the judge's reward saturates at 31). */
  distinctContentWords: number;
  /** Sentences that carry only politeness or enthusiasm. */
  filler: Finding[];
  /** Sentences that open with an instruction verb. */
  instructions: number;
  /** Distinct instruction verbs used. */
  distinctVerbs: number;
  questions: number;
  vague: Finding[];
  /** "this"/"it" with nothing in the prompt it could point to. */
  ambiguousReference?: Finding;
  /** Runs of capitalised words (DO NOT …). */
  shouting: Finding[];
  /** "don't", "never", "avoid" … instructions. */
  negatives: number;
  /** Rules phrased only as prohibitions: a sentence that opens with "don't", "never", "avoid" …, or a shouted one. */
  negativeRules: number;
  /** A negative rule that also says what to do instead. */
  positiveAlternative: boolean;
  /** Numbers tied to a unit ("3 bullet points", "2-3 sentences"). */
  quantities: Finding[];
  /** Proper names, identifiers, years, quoted terms. */
  namedTerms: number;
  outputFormat: boolean;
  audience: boolean;
  tone: boolean;
  role: boolean;
  /** Statements of the user's situation, goal or data. */
  contextStatements: number;
  /** Sequencing words (first, then, finally, next) and numbered items. */
  stepMarkers: number;
  reasoning: boolean;
  /** "If … respond/say/ask/return …": what to do in the unhappy case. */
  fallback: boolean;
  /** "must", "should", "ensure", "at least" … */
  requirements: number;
  examples: boolean;
  questionsPolicy: boolean;
  /** Data the prompt works on: a delimited block, a labelled field, or a variable standing for it. */
  inputData: boolean;
  /** Data laid out as a block of its own (which delimiters should fence), not a variable inside a sentence. */
  dataBlock: boolean;
  variables: string[];
  codeFences: number;
  layout: Layout;
}

const POSITIVE_ALTERNATIVE = /\b(?:instead|rather than|in place of|refer (?:the user|them|him|her) to)\b/i;
const SHOUTING = /\b[A-Z]{2,}(?:['’][A-Z]+)?(?:\s+[A-Z]{2,}(?:['’][A-Z]+)?)+\b/g;
// A unit word standing as a whole run of letters (and %): one test of a number's words instead of
// splitting them into an array.
const escaped = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_WORD = new RegExp(`(?<![\\p{L}%])(?:${[...UNIT_WORDS].map(escaped).join('|')})(?![\\p{L}%])`, 'u');
// A number (or range) and up to three following words; disjoint character classes keep it linear.
const QUANTITY = /\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or)\s*\d+(?:[.,]\d+)?)?(?:[\s-]+[\p{L}%]+){1,3}/gu;
const YOU_ARE = /^(?:you are|you're) (?:an?|the|my|our) ([\p{L}-]+)(?: ([\p{L}-]+))?/u;
const ROLE = /\b(?:act as|acting as|as an? (?:experienced|senior|expert|professional)|your role)/i;
const FALLBACK_VERBS = ['respond', 'reply', 'say', 'answer', 'return', 'ask', 'output', 'write', 'state', 'tell', 'flag', 'list', 'use', 'leave', 'mark', 'point', 'refer', 'redirect', 'suggest', 'escalate'];
const FALLBACK = new RegExp(`\\b(?:if|when|whenever|unless)\\b[^.\\n]{0,120}\\b(?:${FALLBACK_VERBS.join('|')})\\b|\\botherwise\\b|\\bif (?:unsure|unclear|unknown|not sure|in doubt)\\b`, 'i');
// Words one of FALLBACK's branches needs besides its "if": a prompt with none of them skips the pattern,
// which would otherwise look 120 characters ahead of every "if" (on 100 KB of "if if if …" it took about 67 ms of each improve).
// NOTE: the commonest words first: a prompt usually has one of them early, and the scans stop there (in
// the order of the pattern, rare words first, the scans cost realistic prompts 15–25% of judge throughput).
const FALLBACK_NEEDS = [...new Set(['use', 'write', 'list', 'output', 'answer', 'return', 'ask', 'state', 'say', 'sure', 'point', ...FALLBACK_VERBS, 'otherwise', 'unclear', 'unknown', 'doubt'])];
const QUESTIONS_POLICY = /\b(?:clarifying questions?|ask (?:me|the user)?\s*(?:for|about|questions?)|state (?:your )?assumptions|reasonable assumptions|if (?:any )?(?:information|details?|context) (?:is|are) missing)\b/i;
const EXAMPLE = /\b(?:for example|for instance|e\.g\.|such as|example:|examples:|like this:)|<example>/i;
const DEFINITION = /\([^()\n]{8,120}\)/g;
const INPUT_LABEL = /^(?:text|input|data|document|article|email|message|transcript|notes|code|context|passage|content|question|customer|user|q|headline|review|query|list|table)\b/i;
const SENTENCE_BOUNDARY = /[.!?。！？\n]/;
const AMBIGUOUS = /\b(?:this|that|it|these|those)\b\s*(?:do|does|did|mean|means|work|works|is|are|and|or|but|,|[?.!]|$)/i;
const PRONOUN_ONLY_OBJECT = /\b(?:fix|explain|improve|check|review|summari[sz]e|translate|rewrite|describe)\s+(?:this|it|that)\s*[.?!]?\s*$/i;
const OUTPUT_AS = /\bformat\b|\boutput\b[^.\n]{0,40}\bas\b/i;
const AUDIENCE_PHRASE = /\bfor (?:a|an|my|our) [\p{L}-]+ (?:audience|readers?|students?|team)|\bto an? [\p{L} -]{0,30}(?:student|child|beginner|expert|engineer|manager|reader)/u;

/**
 * Whether SHOUTING can match: a token of two capitals or more ("NOT" in "DO NOT") with only white space
 * between it and a capital before it. Most prompts have acronyms (FAQ, EUR) but no two capital words in
 * a row, and skip the pattern.
 */
function mayShout(text: string, tokens: TokenList): boolean {
  const capitalsAhead = Shape.capitalised | Shape.upperInside;
  for (let i = 0; i < tokens.length; i += 1) {
    if ((tokens.shape(i) & capitalsAhead) !== capitalsAhead) continue;
    // Back over white space (any character outside ASCII might be some); what comes before must be a capital.
    let at = tokens.start(i) - 1;
    for (let code = text.charCodeAt(at); code === 32 || (code >= 9 && code <= 13) || code >= 128; code = text.charCodeAt(at)) at -= 1;
    const before = text.charCodeAt(at);
    if (before >= 65 && before <= 90) return true;
  }
  return false;
}

/** Curly apostrophes made straight (the word lists spell "don't" with a straight one). */
function foldApostrophes(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

function findAll(pattern: RegExp, text: string): Finding[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((match) => ({
    text: match[0],
    span: { start: match.index, end: match.index + match[0].length },
  }));
}

function quantities(text: string): Finding[] {
  const found: Finding[] = [];
  if (!/\d/.test(text)) return found;
  QUANTITY.lastIndex = 0;
  for (let match = QUANTITY.exec(text); match; match = QUANTITY.exec(text)) {
    if (UNIT_WORD.test(match[0].toLowerCase())) found.push({ text: match[0], span: { start: match.index, end: match.index + match[0].length } });
  }
  return found;
}

/** Data standing as a block of its own: a labelled field, a variable alone on its line, a table. */
function hasDataBlock(text: string, layout: Layout, variables: readonly string[]): boolean {
  const alone = new Set(variables);
  return layout.sections.some((section) => section.kind === 'label' && !section.rubric && INPUT_LABEL.test(section.name))
    || text.includes('\t') || (alone.size > 0 && text.split('\n').some((line) => alone.has(line.trim())));
}

function ambiguousReference(text: string, sentences: readonly Piece[], inputData: boolean): Finding | undefined {
  if (inputData || sentences.length > 2) return undefined;
  for (const sentence of sentences) {
    const match = AMBIGUOUS.exec(sentence.text) ?? PRONOUN_ONLY_OBJECT.exec(sentence.text);
    if (match) {
      const start = sentence.start + match.index;
      const length = match[0].trim().length;
      return { text: text.slice(start, start + length), span: { start, end: start + length } };
    }
  }
  return undefined;
}

/** "You are a …" with a real role noun ("a food critic"), not praise ("the best", "a great help"). */
function hasRoleStatement(lowered: string): boolean {
  // NOTE: found with indexOf and matched on a short slice: a case-insensitive Unicode pattern run over
  // the whole text cost about 100 µs per 16 KB.
  for (const opener of ['you are ', "you're "]) {
    for (let at = lowered.indexOf(opener); at !== -1; at = lowered.indexOf(opener, at + opener.length)) {
      if (at > 0 && /[\p{L}]/u.test(lowered[at - 1]!)) continue;
      const match = YOU_ARE.exec(lowered.slice(at, at + 80));
      const words = [match?.[1], match?.[2]].filter((w): w is string => Boolean(w));
      if (words.some((word) => !FILLER_WORDS.has(word) && !VAGUE_WORDS.has(word) && !STOP_WORDS.has(word))) return true;
    }
  }
  return false;
}

/** Whether a span is exactly one of the sentences (which are in order of their offsets). */
function isWholeSentence(sentences: readonly Piece[], span: TextSpan): boolean {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sentences[mid]!.start < span.start) low = mid + 1;
    else high = mid;
  }
  const sentence = sentences[low];
  return sentence !== undefined && sentence.start === span.start && sentence.start + sentence.text.length === span.end;
}

/**
 * The sentences of the text with filler blanked out. A filler sentence blanked whole leaves the
 * boundaries of every other sentence as they were (blanks only join it to the white space around it), so
 * it is simply left out. Otherwise, when no filler span holds a sentence boundary, the boundaries are the
 * original ones and only the sentences that overlap filler need their text redone.
 */
function sentencesWithoutFiller(original: string, text: string, sentences: readonly Piece[], filler: readonly Finding[]): readonly Piece[] {
  if (filler.length === 0) return sentences;
  if (filler.every((f) => isWholeSentence(sentences, f.span))) {
    const blanked = new Set(filler.map((f) => f.span.start));
    return sentences.filter((s) => !blanked.has(s.start));
  }
  if (filler.some((f) => SENTENCE_BOUNDARY.test(original.slice(f.span.start, f.span.end)))) return splitSentences(text);
  const pieces: Piece[] = [];
  for (const sentence of sentences) {
    const end = sentence.start + sentence.text.length;
    if (!filler.some((f) => f.span.start < end && f.span.end > sentence.start)) {
      pieces.push(sentence);
      continue;
    }
    const raw = text.slice(sentence.start, end);
    const trimmed = raw.trim();
    if (trimmed) pieces.push({ text: trimmed, start: sentence.start + raw.indexOf(trimmed) });
  }
  return pieces;
}

/** Reads a prompt once and returns what it has and lacks. */
export function analyzePrompt(original: string): PromptFeatures {
  // NOTE: filler is removed before anything is measured, so padding can never add a point anywhere.
  const allTokens = tokenize(original, PROMPT_VOCABULARY);
  const allSentences = splitSentences(original);
  const filler = fillerFindings(original, allSentences, allTokens);
  const text = withoutFiller(original, filler);
  const tokens = tokensOutside(allTokens, filler);
  const sentences = sentencesWithoutFiller(original, text, allSentences, filler);
  const layout = analyzeLayout(text, tokens);
  const lowered = flattened(foldApostrophes(text.toLowerCase()));
  const shouting = mayShout(text, tokens) ? findAll(SHOUTING, text).filter((f) => f.text.replace(/[^A-Z]/g, '').length >= 6) : [];
  const stats = wordStats(text, tokens, sentences, shouting);
  // A cheap substring test before a costlier pattern: most prompts never mention the words it needs.
  const mentions = (...words: string[]): boolean => words.some((word) => lowered.includes(word));

  const { instructions, verbs, questions } = sentenceAsks(sentences, tokens);

  const variables = templateVariables(text);
  const dataBlock = hasDataBlock(text, layout, variables);
  const inputData = dataBlock || layout.delimiterPairs > 0 || variables.length > 0;
  return {
    words: stats.words,
    distinctContentWords: stats.distinctContentWords,
    filler,
    instructions,
    distinctVerbs: verbs.size,
    questions,
    vague: stats.vague,
    ambiguousReference: ambiguousReference(text, sentences, inputData),
    shouting,
    negatives: stats.negatives,
    negativeRules: stats.negatives === 0 ? 0 : sentences.filter((s) => startsNegative(s.text)).length,
    positiveAlternative: mentions('instead', 'rather', 'place', 'refer') && POSITIVE_ALTERNATIVE.test(lowered),
    quantities: quantities(text),
    namedTerms: stats.names.size,
    outputFormat: stats.formatWord || layout.trailingCue === 'bullet' || (mentions('format', 'output') && OUTPUT_AS.test(lowered)),
    audience: stats.audienceWord || (mentions('for', 'to') && AUDIENCE_PHRASE.test(lowered)),
    tone: stats.toneWord || lowered.includes('in the style of'),
    role: hasRoleStatement(lowered) || (mentions('act', 'acting', 'as', 'role') && ROLE.test(text))
      || layout.sections.some((s) => s.filled && /^(?:role|persona)$/.test(s.name)),
    contextStatements: stats.contextOpeners + (text.includes('(') ? (text.match(DEFINITION)?.length ?? 0) : 0),
    stepMarkers: stats.stepWords + layout.numberedItems,
    reasoning: REASONING_PHRASES.some((phrase) => lowered.includes(phrase)) || layout.trailingCue === 'reasoning',
    fallback: mentions('if', 'when', 'whenever', 'unless', 'otherwise') && mentions(...FALLBACK_NEEDS) && FALLBACK.test(text),
    requirements: stats.requirements,
    examples: (mentions('example', 'instance', 'e.g.', 'such as', 'like this:') && EXAMPLE.test(text)) || layout.exampleRepetitions > 0,
    questionsPolicy: mentions('question', 'questions', 'assumptions', 'missing', 'ask') && QUESTIONS_POLICY.test(text),
    inputData,
    dataBlock,
    variables,
    codeFences: text.includes('```') || text.includes('~~~') ? codeFences(text).length : 0,
    layout,
  };
}
