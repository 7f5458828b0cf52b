/**
 * One read of a prompt that both the judge and the engine use: what the prompt asks, what it already has
 * (role, context, input data, output format, constraints, examples, steps …), and what weakens it (vague
 * words, ambiguous references, shouting, negative-only rules, filler). Linear in the text length.
 */
import type { TextSpan } from '../types';
import {
  AUDIENCE_WORDS,
  CONTEXT_OPENERS,
  FILLER_WORDS,
  FORMAT_WORDS,
  IMPERATIVE_VERBS,
  REASONING_PHRASES,
  STOP_WORDS,
  TONE_WORDS,
  UNIT_WORDS,
  VAGUE_PHRASES,
  VAGUE_WORDS,
} from '../text/lexicon';
import type { Piece } from '../text/tokens';
import { lowerWords, splitLines, splitSentences, wordsOf } from '../text/tokens';
import type { Layout } from './sections';
import { analyzeLayout } from './sections';
import { codeFences, templateVariables } from './templateTokens';

/** A word or phrase found at a place in the text. */
export interface Finding {
  text: string;
  span: TextSpan;
}

/** Everything the judge scores and the engine builds on. */
export interface PromptFeatures {
  /** Words in the prompt, filler sentences excluded. */
  words: number;
  /** Distinct words that are neither function words nor filler. */
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
  variables: string[];
  codeFences: number;
  layout: Layout;
}

const NEGATIVE = /\b(?:do not|don't|dont|never|avoid|refrain from|must not|mustn't|should not|shouldn't|without)\b/gi;
const NEGATIVE_RULE = /^[\s\-*•\d.)]*(?:do not|don't|dont|never|avoid|no more|refrain)\b/i;
const POSITIVE_ALTERNATIVE = /\b(?:instead|rather than|in place of|refer (?:the user|them|him|her) to)\b/i;
const SHOUTING = /\b[A-Z]{2,}(?:['’][A-Z]+)?(?:\s+[A-Z]{2,}(?:['’][A-Z]+)?)+\b/g;
// A number (or range) and up to three following words; disjoint character classes keep it linear.
const QUANTITY = /\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or)\s*\d+(?:[.,]\d+)?)?(?:[\s-]+[\p{L}%]+){1,3}/gu;
const YEAR = /\b(?:1[5-9]|20)\d{2}\b/g;
const IDENTIFIER = /`[^`\n]{1,80}`|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b\w+\.(?:py|ts|js|tsx|jsx|go|rs|java|cs|rb|md|json|yaml|yml|csv|sql|html|css)\b|\bhttps?:\/\/\S+|\bwww\.\S+/g;
const YOU_ARE = /\b(?:you are|you're) (?:an?|the|my|our) ([\p{L}-]+)(?: ([\p{L}-]+))?/giu;
const ROLE = /\b(?:act as|acting as|as an? (?:experienced|senior|expert|professional)|your role)/i;
const FALLBACK = /\b(?:if|when|whenever|unless)\b[^.\n]{0,120}\b(?:respond|reply|say|answer|return|ask|output|write|state|tell|flag|list|use|leave|mark|point|refer|redirect|suggest|escalate)\b|\botherwise\b|\bif (?:unsure|unclear|unknown|not sure|in doubt)\b/i;
const QUESTIONS_POLICY = /\b(?:clarifying questions?|ask (?:me|the user)?\s*(?:for|about|questions?)|state (?:your )?assumptions|reasonable assumptions|if (?:any )?(?:information|details?|context) (?:is|are) missing)\b/i;
const EXAMPLE = /\b(?:for example|for instance|e\.g\.|such as|example:|examples:|like this:)|<example>/i;
const REQUIREMENT = /\b(?:must|should|ensure|make sure|at least|at most|no more than|no longer than|exactly|only|limit|within|required?|needs? to)\b/gi;
const STEP_WORD = /\b(?:first(?:ly)?|then|next|finally|afterwards|lastly|second(?:ly)?|third(?:ly)?)\b/gi;
const DEFINITION = /\([^()\n]{8,120}\)/g;
const INPUT_LABEL = /^(?:text|input|data|document|article|email|message|transcript|notes|code|context|passage|content|question|customer|user|q|headline|review|query|list|table)\b/i;
const LABEL_PREFIX = /^[\p{L}][\p{L} ]{0,24}:\s+/u;
const LEADING_CONDITION = /^(?:when|whenever|if|once|after|before|for|in case|unless)\b[^,;\n]{1,80},\s*/i;
const SECOND_PERSON = /^(?:you|the (?:agent|assistant|model))\s+(?:will|should|must|need to|are to|can|always)?\s*/i;
const POLITENESS = /\b(?:and\s+)?(?:please|kindly|thank you(?: so much| very much)?(?: in advance)?|thanks(?: a lot| so much)?(?: in advance)?(?: for your (?:help|time|patience|assistance))?|(?:i would|i'd) (?:really )?appreciate (?:it|your help|this))\b[!.,]*/gi;
const CONTEXT_OPENER = new RegExp(
  `(?<![\\p{L}'])(?:${CONTEXT_OPENERS.map((opener) => opener.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
  'gu',
);
const AMBIGUOUS = /\b(?:this|that|it|these|those)\b\s*(?:do|does|did|mean|means|work|works|is|are|and|or|but|,|[?.!]|$)/i;
const PRONOUN_ONLY_OBJECT = /\b(?:fix|explain|improve|check|review|summari[sz]e|translate|rewrite|describe)\s+(?:this|it|that)\s*[.?!]?\s*$/i;

function findAll(pattern: RegExp, text: string): Finding[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  return [...text.matchAll(global)].map((match) => ({
    text: match[0],
    span: { start: match.index, end: match.index + match[0].length },
  }));
}

function isFillerSentence(sentence: string): boolean {
  const words = lowerWords(sentence);
  if (words.length === 0) return false;
  return words.every((word) => FILLER_WORDS.has(word) || STOP_WORDS.has(word)) && words.some((w) => FILLER_WORDS.has(w));
}

/**
 * The verb a sentence instructs with, if any: its first word once list markers, labels and sequencing
 * words are stripped, the verb after a leading condition ("When asked about prices, point …"), or the
 * verb a second-person directive uses ("You will review …").
 */
function instructionVerbOf(sentence: string): string | undefined {
  const stripped = sentence
    .replace(/^[\s\-*•#>\d.)]+/, '')
    .replace(LABEL_PREFIX, '')
    .replace(/^(?:please|kindly|now|then|also|next|finally|first(?:ly)?|second(?:ly)?|lastly)[,\s]+/i, '')
    .replace(LEADING_CONDITION, '')
    .replace(SECOND_PERSON, '');
  const first = lowerWords(stripped)[0] ?? '';
  return IMPERATIVE_VERBS.has(first) ? first : undefined;
}

function vagueFindings(text: string, lowered: string): Finding[] {
  const found: Finding[] = [];
  for (const phrase of VAGUE_PHRASES) {
    for (let at = lowered.indexOf(phrase); at !== -1; at = lowered.indexOf(phrase, at + phrase.length)) {
      const before = lowered[at - 1];
      const after = lowered[at + phrase.length];
      if ((before === undefined || !/[\p{L}]/u.test(before)) && (after === undefined || !/[\p{L}]/u.test(after))) {
        found.push({ text: text.slice(at, at + phrase.length), span: { start: at, end: at + phrase.length } });
      }
    }
  }
  const covered = (index: number): boolean => found.some((f) => index >= f.span.start && index < f.span.end);
  for (const match of text.matchAll(/[\p{L}]+/gu)) {
    const word = match[0].toLowerCase();
    if (VAGUE_WORDS.has(word) && !covered(match.index)) {
      found.push({ text: match[0], span: { start: match.index, end: match.index + match[0].length } });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function quantities(text: string): Finding[] {
  return findAll(QUANTITY, text).filter((finding) =>
    lowerWords(finding.text).some((word) => UNIT_WORDS.has(word)),
  );
}

function namedTerms(sentences: Piece[], text: string): number {
  const names = new Set<string>();
  for (const sentence of sentences) {
    // The first word of a sentence, and the first after a "Label:", is capitalised by grammar, not as a name.
    const words = wordsOf(sentence.text.replace(LABEL_PREFIX, ''));
    // Capitalised words after the first are names (Mexico, TypeScript, Contoso), unless a label or a shout.
    // Acronyms count as names, but not the words of a shouted rule (NEVER TALK ABOUT PRICES).
    const shouted = SHOUTING.test(sentence.text);
    SHOUTING.lastIndex = 0;
    words.slice(1).forEach((word) => {
      if (/^\p{Lu}/u.test(word) && !/^\p{Lu}+$/u.test(word) && !STOP_WORDS.has(word.toLowerCase())) names.add(word);
      else if (!shouted && /^\p{Lu}{2,5}$/u.test(word)) names.add(word);
    });
  }
  for (const match of text.matchAll(YEAR)) names.add(match[0]);
  for (const match of text.matchAll(IDENTIFIER)) names.add(match[0]);
  for (const match of text.matchAll(/"[^"\n]{2,80}"|“[^”\n]{2,80}”/g)) names.add(match[0]);
  return names.size;
}

function countStepMarkers(text: string, layout: Layout): number {
  return (text.match(STEP_WORD)?.length ?? 0) + layout.numberedItems;
}

function hasInputData(lines: Piece[], layout: Layout, variables: string[]): boolean {
  if (layout.delimiterPairs > 0 || variables.length > 0) return true;
  return layout.sections.some((section) => section.kind === 'label' && !section.rubric && INPUT_LABEL.test(section.name))
    || lines.some((line) => /\t/.test(line.text));
}

function ambiguousReference(text: string, sentences: Piece[], inputData: boolean): Finding | undefined {
  if (inputData || sentences.length > 2) return undefined;
  for (const sentence of sentences) {
    const match = AMBIGUOUS.exec(sentence.text) ?? PRONOUN_ONLY_OBJECT.exec(sentence.text);
    if (match) {
      const start = sentence.start + match.index;
      return { text: text.slice(start, start + match[0].trim().length), span: { start, end: start + match[0].trim().length } };
    }
  }
  return undefined;
}

/** "You are a …" with a real role noun ("a food critic"), not praise ("the best", "a great help"). */
function hasRoleStatement(text: string): boolean {
  for (const match of text.matchAll(YOU_ARE)) {
    const words = [match[1], match[2]].filter((w): w is string => Boolean(w)).map((w) => w.toLowerCase());
    if (words.some((word) => !FILLER_WORDS.has(word) && !VAGUE_WORDS.has(word) && !STOP_WORDS.has(word))) return true;
  }
  return false;
}

/** Filler sentences, and politeness phrases inside other sentences ("please", "thanks in advance"). */
function fillerFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const sentence of splitSentences(text)) {
    // A filler sentence typed after a label ("Topic: Thanks!") leaves the label in place.
    const label = LABEL_PREFIX.exec(sentence.text)?.[0].length ?? 0;
    const body = sentence.text.slice(label);
    if (isFillerSentence(body)) {
      const start = sentence.start + label;
      found.push({ text: body, span: { start, end: start + body.length } });
    }
  }
  for (const match of text.matchAll(POLITENESS)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (!found.some((f) => span.start >= f.span.start && span.end <= f.span.end)) found.push({ text: match[0], span });
  }
  return found;
}

/** The text with filler blanked out by spaces, so every offset still points into the original. */
function withoutFiller(text: string, filler: Finding[]): string {
  if (filler.length === 0) return text;
  let result = '';
  let at = 0;
  for (const { span } of [...filler].sort((a, b) => a.span.start - b.span.start)) {
    if (span.start < at) continue;
    result += text.slice(at, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ');
    at = span.end;
  }
  return result + text.slice(at);
}

/** Reads a prompt once and returns what it has and lacks. */
export function analyzePrompt(original: string): PromptFeatures {
  // NOTE: filler is removed before anything is measured, so padding can never add a point anywhere.
  const filler = fillerFindings(original);
  const text = withoutFiller(original, filler);
  const lines = splitLines(text);
  const layout = analyzeLayout(lines);
  const sentences = splitSentences(text);
  const substantive = sentences.map((s) => s.text).join('\n');
  const lowered = substantive.toLowerCase().replace(/’/g, "'");
  const words = lowerWords(substantive);
  const content = new Set(words.filter((w) => !STOP_WORDS.has(w) && !FILLER_WORDS.has(w)));

  const verbs = new Set<string>();
  let instructions = 0;
  let questions = 0;
  for (const sentence of sentences) {
    const verb = instructionVerbOf(sentence.text);
    if (verb) {
      instructions += 1;
      verbs.add(verb);
    }
    if (/[?？]\s*$/.test(sentence.text)) questions += 1;
  }

  const variables = templateVariables(text);
  const inputData = hasInputData(lines, layout, variables);
  const negatives = lowered.match(NEGATIVE)?.length ?? 0;
  const wordSet = new Set(words);
  const has = (vocabulary: ReadonlySet<string>): boolean => [...wordSet].some((w) => vocabulary.has(w));

  return {
    words: words.length,
    distinctContentWords: content.size,
    filler,
    instructions,
    distinctVerbs: verbs.size,
    questions,
    vague: vagueFindings(text, text.toLowerCase().replace(/’/g, "'")),
    ambiguousReference: ambiguousReference(text, sentences, inputData),
    shouting: findAll(SHOUTING, text).filter((f) => f.text.replace(/[^A-Z]/g, '').length >= 6),
    negatives,
    negativeRules: sentences.filter((s) => NEGATIVE_RULE.test(s.text.replace(LABEL_PREFIX, ''))).length,
    positiveAlternative: POSITIVE_ALTERNATIVE.test(lowered),
    quantities: quantities(text),
    namedTerms: namedTerms(sentences, substantive),
    outputFormat: has(FORMAT_WORDS) || layout.trailingCue === 'bullet' || /\bformat\b|\boutput\b[^.\n]{0,40}\bas\b/i.test(lowered),
    audience: has(AUDIENCE_WORDS) || /\bfor (?:a|an|my|our) [\p{L}-]+ (?:audience|readers?|students?|team)|\bto an? [\p{L} -]{0,30}(?:student|child|beginner|expert|engineer|manager|reader)/u.test(lowered),
    tone: has(TONE_WORDS) || /\bin the style of\b/.test(lowered),
    role: ROLE.test(substantive) || hasRoleStatement(substantive) || layout.sections.some((s) => s.filled && /^(?:role|persona)$/.test(s.name)),
    contextStatements: new Set(lowered.match(CONTEXT_OPENER)).size + (substantive.match(DEFINITION)?.length ?? 0),
    stepMarkers: countStepMarkers(lowered, layout),
    reasoning: REASONING_PHRASES.some((phrase) => lowered.includes(phrase)) || layout.trailingCue === 'reasoning',
    fallback: FALLBACK.test(substantive),
    requirements: lowered.match(REQUIREMENT)?.length ?? 0,
    examples: EXAMPLE.test(substantive) || layout.exampleRepetitions > 0,
    questionsPolicy: QUESTIONS_POLICY.test(substantive),
    inputData,
    variables,
    codeFences: codeFences(text).length,
    layout,
  };
}
