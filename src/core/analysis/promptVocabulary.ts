/**
 * The one vocabulary the analysis tokenizes with: every word of the lexicon with its classes, plus what
 * the analysis asks of single words (does a phrase start here, is it a file extension, a lead-in word).
 * One lookup per word, made while tokenizing, answers all of these.
 */
import { CONTEXT_OPENERS, VAGUE_PHRASES, WORD_CLASSES } from '../text/lexicon';
import { Vocabulary } from '../text/vocabulary';
import { PhraseMatcher, phraseWords } from './phraseMatcher';

/** Flags the analysis adds to the lexicon's `WordClass` bits. */
export const AnalysisFlag = {
  /** The first word of a vague phrase ("a bit"); likewise for the other phrase lists below. */
  vagueStart: 1 << 20,
  contextStart: 1 << 21,
  requirementStart: 1 << 22,
  negativeStart: 1 << 23,
  /** An extension that makes "name.ext" a file name. */
  fileExtension: 1 << 24,
  /** A word that may stand before an instruction's verb ("Please …", "Then …", "If …, …", "You …"). */
  leadIn: 1 << 25,
} as const;

/** The first word of any phrase: one test rules most tokens out of all the phrase lists. */
export const ANY_PHRASE_START = AnalysisFlag.vagueStart | AnalysisFlag.contextStart | AnalysisFlag.requirementStart | AnalysisFlag.negativeStart;

const REQUIREMENT_PHRASES = [
  'must', 'should', 'ensure', 'make sure', 'at least', 'at most', 'no more than', 'no longer than', 'exactly',
  'only', 'limit', 'within', 'require', 'required', 'need to', 'needs to',
];
const NEGATIVE_PHRASES = [
  'do not', "don't", 'dont', 'never', 'avoid', 'refrain from', 'must not', "mustn't", 'should not', "shouldn't", 'without',
];
const FILE_EXTENSIONS = 'py ts js tsx jsx go rs java cs rb md json yaml yml csv sql html css';
const LEAD_IN_WORDS = 'please kindly now then also next finally first firstly second secondly lastly when whenever if once after before for in unless you the';

const PHRASE_LISTS: [readonly string[], number][] = [
  [VAGUE_PHRASES, AnalysisFlag.vagueStart],
  [CONTEXT_OPENERS, AnalysisFlag.contextStart],
  [REQUIREMENT_PHRASES, AnalysisFlag.requirementStart],
  [NEGATIVE_PHRASES, AnalysisFlag.negativeStart],
];

function build(): Vocabulary {
  const flags = new Map(WORD_CLASSES);
  const add = (word: string, flag: number): void => {
    flags.set(word, (flags.get(word) ?? 0) | flag);
  };
  for (const [phrases, startFlag] of PHRASE_LISTS) {
    for (const phrase of phrases) phraseWords(phrase).forEach((word, index) => add(word, index === 0 ? startFlag : 0));
  }
  for (const word of FILE_EXTENSIONS.split(' ')) add(word, AnalysisFlag.fileExtension);
  for (const word of LEAD_IN_WORDS.split(' ')) add(word, AnalysisFlag.leadIn);
  return new Vocabulary(flags);
}

/** The vocabulary every prompt is tokenized with. */
export const PROMPT_VOCABULARY = build();

export const [VAGUE, CONTEXT, REQUIREMENTS, NEGATIVES] = PHRASE_LISTS.map(
  ([phrases, startFlag]) => new PhraseMatcher(phrases, PROMPT_VOCABULARY, startFlag),
) as [PhraseMatcher, PhraseMatcher, PhraseMatcher, PhraseMatcher];
