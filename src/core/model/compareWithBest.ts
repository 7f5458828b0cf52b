/**
 * Judging model candidates against the version they would replace, with a guard against position and
 * length bias: every text is judged in ONE request (the best version first, then the candidates), and
 * again in a second request with the order reversed. The winner is the candidate with the highest mean
 * total; it is adopted only if BOTH orders score it at least as high as the best version.
 */
import type { Scorecard } from '../types';
import type { JudgeAnswer } from './answerSchemas';
import { panelAnswerSchema } from './answerSchemas';
import { askForJson } from './askForJson';
import type { ChatModel } from './chatModel';
import type { FallbackReason } from './fallbackReasons';
import { modelJudgeId, scorecardFromAnswers } from './modelJudge';
import { panelRequest } from './modelPrompts';
import type { ModelCandidate } from './modelRewrite';

/** The panel's verdict. */
export interface PanelVerdict {
  ok: true;
  /** Index into the candidates of the one with the highest mean total (earlier on ties). */
  winner: number;
  /** Whether both orders scored the winner at least as high as the best version. */
  agreed: boolean;
  /** When not agreed: `no-gain` (both orders put it below) or `judge-disagrees` (the orders differ). */
  rejection?: Extract<FallbackReason, 'no-gain' | 'judge-disagrees'>;
  /** The best version's scorecard, averaged over both orders. */
  before: Scorecard;
  /** Each candidate's scorecard, averaged over both orders (same order as the candidates). */
  cards: Scorecard[];
  /** Both raw answers, as a JSON array of two strings (forward order first). */
  raw: string;
}

/** The panel could not judge (a call failed, or its answers stayed invalid after the repair). */
export interface PanelFailure {
  ok: false;
  reason: FallbackReason;
  message: string;
  raw?: string;
}

const LABELS = 'ABCDEFGH';

async function judgeInOrder(texts: readonly string[], order: readonly number[], model: ChatModel, signal: AbortSignal, purpose: string) {
  const labelled = order.map((index, position) => ({ label: LABELS[position]!, text: texts[index]! }));
  const labels = labelled.map((item) => item.label);
  const answer = await askForJson({ model, request: panelRequest(labelled, purpose), schema: panelAnswerSchema(labels), invalidReason: 'invalid-scores', signal });
  if (!answer.ok) return answer;
  // Back from presentation labels to text indexes.
  const byText: JudgeAnswer[] = [];
  order.forEach((index, position) => {
    byText[index] = answer.value[LABELS[position]!]!;
  });
  return { ok: true as const, byText, raw: answer.raw };
}

/** Judges `best` and the candidates together, forward and reversed, and says whether a candidate wins. */
export async function compareWithBest(best: string, candidates: readonly ModelCandidate[], model: ChatModel, signal: AbortSignal): Promise<PanelVerdict | PanelFailure> {
  const texts = [best, ...candidates.map((candidate) => candidate.text)];
  const forward = texts.map((_, index) => index);
  const [first, second] = await Promise.all([
    judgeInOrder(texts, forward, model, signal, 'judge:panel'),
    judgeInOrder(texts, [...forward].reverse(), model, signal, 'judge:panel-swapped'),
  ]);
  if (!first.ok) return { ok: false, reason: first.reason, message: first.message, ...(first.raw !== undefined ? { raw: first.raw } : {}) };
  if (!second.ok) return { ok: false, reason: second.reason, message: second.message, ...(second.raw !== undefined ? { raw: second.raw } : {}) };

  const judgeId = modelJudgeId(model);
  const cards = texts.map((text, index) => scorecardFromAnswers([first.byText[index]!, second.byText[index]!], judgeId, text));
  const candidateCards = cards.slice(1);
  const winner = candidateCards.reduce((bestIndex, card, index) => (card.total > candidateCards[bestIndex]!.total ? index : bestIndex), 0);
  const atLeastBest = [first, second].map((order) => order.byText[winner + 1]!.total >= order.byText[0]!.total);
  const agreed = atLeastBest.every(Boolean);
  return {
    ok: true,
    winner,
    agreed,
    ...(agreed ? {} : { rejection: atLeastBest.some(Boolean) ? ('judge-disagrees' as const) : ('no-gain' as const) }),
    before: cards[0]!,
    cards: candidateCards,
    raw: JSON.stringify([first.raw, second.raw]),
  };
}
