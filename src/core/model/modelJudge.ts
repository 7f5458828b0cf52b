/**
 * The model judge for one prompt: the rubric asked as strict JSON, validated (keys, types, ranges 0–10,
 * total consistent), repaired at most once; otherwise the heuristic judge scores and the result says why.
 */
import { judgePrompt } from '../judge/judgePrompt';
import type { Scorecard } from '../types';
import { AXES } from '../types';
import type { JudgeAnswer } from './answerSchemas';
import { axisSum, judgeAnswerSchema } from './answerSchemas';
import { askForJson } from './askForJson';
import type { ChatModel } from './chatModel';
import type { FallbackReason } from './fallbackReasons';
import { judgeRequest } from './modelPrompts';

/** Which judge scored, and why the model did not when it did not. */
export interface JudgeEngineReport {
  /** `llm:<model>` or the heuristic judge's id (`heuristic@1`). */
  id: string;
  fallbackReason?: FallbackReason;
  /** What went wrong, for the log and the person (never secrets). */
  fallbackDetail?: string;
  /** The model's raw answer(s), kept beside the score even when they could not be used. */
  rawModelOutput?: string;
}

/** A scorecard with the report of who made it. */
export interface ModelJudgeOutcome {
  card: Scorecard;
  engine: JudgeEngineReport;
}

/** The judge id a model's scorecards carry. */
export const modelJudgeId = (model: ChatModel): string => `llm:${model.id}`;

const round1 = (value: number): number => Math.round(value * 10) / 10;
const unique = (items: readonly string[]): string[] => [...new Set(items)];

/**
 * A Scorecard from one or more model answers about the same text (averaged per axis, total recomputed).
 * NOTE: the model rubric has no rule-tagged suggestions, so the heuristic judge's suggestions for the same
 * text are kept: they are concrete, tied to an axis, and their rule ids say where they came from.
 */
export function scorecardFromAnswers(answers: readonly JudgeAnswer[], judgeId: string, text: string): Scorecard {
  const axes = Object.fromEntries(AXES.map((axis) => [axis, round1(answers.reduce((sum, answer) => sum + answer[axis], 0) / answers.length)])) as Record<
    (typeof AXES)[number],
    number
  >;
  return {
    ...axes,
    total: axisSum(axes),
    feedback: {
      pros: unique(answers.flatMap((answer) => answer.feedback.pros)),
      cons: unique(answers.flatMap((answer) => answer.feedback.cons)),
      summary: answers[0]!.feedback.summary,
    },
    suggestions: judgePrompt(text).suggestions,
    judge: judgeId,
  };
}

/** The heuristic judge's scorecard, reported as a fallback from the model. */
export function heuristicJudgeFallback(text: string, reason: FallbackReason, detail: string, raw?: string): ModelJudgeOutcome {
  const card = judgePrompt(text);
  return { card, engine: { id: card.judge, fallbackReason: reason, fallbackDetail: detail, ...(raw !== undefined ? { rawModelOutput: raw } : {}) } };
}

/** Judges one prompt with the model; the heuristic judge answers when the model cannot. */
export async function judgeWithModel(text: string, model: ChatModel, signal: AbortSignal): Promise<ModelJudgeOutcome> {
  const answer = await askForJson({ model, request: judgeRequest(text), schema: judgeAnswerSchema, invalidReason: 'invalid-scores', signal });
  if (!answer.ok) return heuristicJudgeFallback(text, answer.reason, answer.message, answer.raw);
  return { card: scorecardFromAnswers([answer.value], modelJudgeId(model), text), engine: { id: modelJudgeId(model), rawModelOutput: answer.raw } };
}
