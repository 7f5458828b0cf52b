/**
 * One read of a prompt that both the judge and the engine use: what the prompt asks, what it already has
 * (role, context, input data, output format, constraints, examples, steps …), and what weakens it (vague
 * words, ambiguous references, shouting, negative-only rules, filler). Linear in the text length.
 */
import { FILLER_WORDS, IMPERATIVE_VERBS, REASONING_PHRASES, STOP_WORDS, UNIT_WORDS, VAGUE_WORDS, WordClass } from '../text/lexicon';
import { flattened } from '../text/flatten';
import type { TokenList } from '../text/tokenize';
import { Shape, tokenize } from '../text/tokenize';
import type { Piece } from '../text/tokens';
import { splitLines, splitSentences } from '../text/tokens';
import { fillerFindings, tokensOutside, withoutFiller } from './filler';
import type { Finding } from './finding';
import { LABEL_PREFIX, labelPrefixLength } from './finding';
import type { TextSpan } from '../types';
import type { Layout } from './sections';
import { AnalysisFlag, PROMPT_VOCABULARY } from './promptVocabulary';
import { analyzeLayout } from './sections';
import { codeFences, templateVariables } from './templateTokens';
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

// Sticky, tried where a sentence's "Label: " prefix ends.
const NEGATIVE_RULE = /[\s\-*•\d.)]*(?:do not|don't|dont|never|avoid|no more|refrain)\b/iy;
const POSITIVE_ALTERNATIVE = /\b(?:instead|rather than|in place of|refer (?:the user|them|him|her) to)\b/i;
const SHOUTING = /\b[A-Z]{2,}(?:['’][A-Z]+)?(?:\s+[A-Z]{2,}(?:['’][A-Z]+)?)+\b/g;
// A number (or range) and up to three following words; disjoint character classes keep it linear.
const QUANTITY = /\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or)\s*\d+(?:[.,]\d+)?)?(?:[\s-]+[\p{L}%]+){1,3}/gu;
const YOU_ARE = /^(?:you are|you're) (?:an?|the|my|our) ([\p{L}-]+)(?: ([\p{L}-]+))?/u;
const ROLE = /\b(?:act as|acting as|as an? (?:experienced|senior|expert|professional)|your role)/i;
const FALLBACK = /\b(?:if|when|whenever|unless)\b[^.\n]{0,120}\b(?:respond|reply|say|answer|return|ask|output|write|state|tell|flag|list|use|leave|mark|point|refer|redirect|suggest|escalate)\b|\botherwise\b|\bif (?:unsure|unclear|unknown|not sure|in doubt)\b/i;
const QUESTIONS_POLICY = /\b(?:clarifying questions?|ask (?:me|the user)?\s*(?:for|about|questions?)|state (?:your )?assumptions|reasonable assumptions|if (?:any )?(?:information|details?|context) (?:is|are) missing)\b/i;
const EXAMPLE = /\b(?:for example|for instance|e\.g\.|such as|example:|examples:|like this:)|<example>/i;
const DEFINITION = /\([^()\n]{8,120}\)/g;
const INPUT_LABEL = /^(?:text|input|data|document|article|email|message|transcript|notes|code|context|passage|content|question|customer|user|q|headline|review|query|list|table)\b/i;
const LEADING_CONDITION = /(?:when|whenever|if|once|after|before|for|in case|unless)\b[^,;\n]{1,80},\s*/iy;
const SECOND_PERSON = /(?:you|the (?:agent|assistant|model))\s+(?:will|should|must|need to|are to|can|always)?\s*/iy;
const SENTENCE_BOUNDARY = /[.!?。！？\n]/;
const LEAD_IN = /(?:please|kindly|now|then|also|next|finally|first(?:ly)?|second(?:ly)?|lastly)[,\s]+/iy;
// What may open a sentence before its verb: a list marker, then the four openers above (all sticky).
const LIST_MARKER = /[\s\-*•#>\d.)]+/y;
const OPENERS = [LABEL_PREFIX, LEAD_IN, LEADING_CONDITION, SECOND_PERSON];
const FIRST_WORD = /[\p{L}]+/uy;
const AMBIGUOUS = /\b(?:this|that|it|these|those)\b\s*(?:do|does|did|mean|means|work|works|is|are|and|or|but|,|[?.!]|$)/i;
const PRONOUN_ONLY_OBJECT = /\b(?:fix|explain|improve|check|review|summari[sz]e|translate|rewrite|describe)\s+(?:this|it|that)\s*[.?!]?\s*$/i;
const OUTPUT_AS = /\bformat\b|\boutput\b[^.\n]{0,40}\bas\b/i;
const AUDIENCE_PHRASE = /\bfor (?:a|an|my|our) [\p{L}-]+ (?:audience|readers?|students?|team)|\bto an? [\p{L} -]{0,30}(?:student|child|beginner|expert|engineer|manager|reader)/u;

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

/**
 * The verb a sentence instructs with, if any: its first word once list markers, labels and sequencing
 * words are stripped, the verb after a leading condition ("When asked about prices, point …"), or the
 * verb a second-person directive uses ("You will review …"). `first` is the sentence's first word made
 * of letters, with its vocabulary flags.
 */
function instructionVerbOf(sentence: string, first: string, firstClasses: number): string | undefined {
  if (firstClasses & WordClass.imperative) return first;
  // Most sentences open with neither a marker nor a lead-in; only the rest are worth stripping.
  if (!(firstClasses & AnalysisFlag.leadIn) && !sentence.includes(':')) return undefined;
  // NOTE: each opener is skipped by moving an offset, not by cutting it off with replace(): no new strings.
  let at = skip(LIST_MARKER, sentence, 0);
  for (const opener of OPENERS) at = skip(opener, sentence, at);
  FIRST_WORD.lastIndex = at;
  const verb = FIRST_WORD.exec(sentence)?.[0].toLowerCase() ?? '';
  return IMPERATIVE_VERBS.has(verb) ? verb : undefined;
}

/** The offset just past a match of a sticky pattern at `at`, or `at` when it does not match there. */
function skip(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.test(text) ? sticky.lastIndex : at;
}

/** Whether a sentence (after any "Label: ") opens with a prohibition. */
function startsNegative(sentence: string): boolean {
  NEGATIVE_RULE.lastIndex = labelPrefixLength(sentence);
  return NEGATIVE_RULE.test(sentence);
}

/** Whether a sentence ends with a question mark (ASCII or full-width), trailing white space aside. */
function endsWithQuestion(sentence: string): boolean {
  for (let i = sentence.length - 1; i >= 0; i -= 1) {
    const code = sentence.charCodeAt(i);
    if (code === 63 || code === 0xff1f) return true;
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return false;
}

/** Counts instructions (with their distinct verbs) and questions; each sentence's first word comes from the tokens. */
function asksOf(sentences: readonly Piece[], tokens: TokenList): { instructions: number; verbs: Set<string>; questions: number } {
  const verbs = new Set<string>();
  let instructions = 0;
  let questions = 0;
  let next = 0;
  for (const sentence of sentences) {
    while (next < tokens.length && tokens.start(next) < sentence.start) next += 1;
    const end = sentence.start + sentence.text.length;
    // The first word made of letters: a list number ("1.") does not count.
    let index = next;
    while (index < tokens.length && tokens.start(index) < end && !(tokens.shape(index) & Shape.letterStart)) index += 1;
    const found = index < tokens.length && tokens.start(index) < end;
    const firstClasses = found ? tokens.classes(index) : 0;
    // Only a word of the vocabulary can be an instruction verb or a lead-in, so no other is lower-cased.
    const verb = instructionVerbOf(sentence.text, firstClasses ? tokens.lower(index) : '', firstClasses);
    if (verb) {
      instructions += 1;
      verbs.add(verb);
    }
    if (endsWithQuestion(sentence.text)) questions += 1;
  }
  return { instructions, verbs, questions };
}

function quantities(text: string): Finding[] {
  const found: Finding[] = [];
  if (!/\d/.test(text)) return found;
  QUANTITY.lastIndex = 0;
  for (let match = QUANTITY.exec(text); match; match = QUANTITY.exec(text)) {
    const words = match[0].toLowerCase().match(/[\p{L}%]+/gu) ?? [];
    if (words.some((word) => UNIT_WORDS.has(word))) found.push({ text: match[0], span: { start: match.index, end: match.index + match[0].length } });
  }
  return found;
}

/** Data standing as a block of its own: a labelled field, a variable alone on its line, a table. */
function hasDataBlock(lines: readonly Piece[], layout: Layout, variables: readonly string[]): boolean {
  const alone = new Set(variables);
  return layout.sections.some((section) => section.kind === 'label' && !section.rubric && INPUT_LABEL.test(section.name))
    || lines.some((line) => line.text.includes('\t') || (alone.size > 0 && alone.has(line.text.trim())));
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
  const lines = splitLines(text);
  const layout = analyzeLayout(lines, tokens);
  const lowered = flattened(foldApostrophes(text.toLowerCase()));
  const shouting = /[A-Z]{2}/.test(text) ? findAll(SHOUTING, text).filter((f) => f.text.replace(/[^A-Z]/g, '').length >= 6) : [];
  const stats = wordStats(text, tokens, sentences, shouting);
  // A cheap substring test before a costlier pattern: most prompts never mention the words it needs.
  const mentions = (...words: string[]): boolean => words.some((word) => lowered.includes(word));

  const { instructions, verbs, questions } = asksOf(sentences, tokens);

  const variables = templateVariables(text);
  const dataBlock = hasDataBlock(lines, layout, variables);
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
    fallback: mentions('if', 'when', 'whenever', 'unless', 'otherwise') && FALLBACK.test(text),
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
