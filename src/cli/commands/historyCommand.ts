/** `prompter history`: the stored prompts with their best scores, or one prompt's versions with scores. */
import type { HistoryRepository } from '../../core/history';
import type { CommandContext } from './commandContext';

const when = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const oneLine = (text: string, width: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};
const score = (total: number | null | undefined): string => (total === null || total === undefined ? '  –  ' : total.toFixed(1).padStart(4));

/** Lists prompts, or the versions of one; returns the exit code. */
export async function runHistory(context: CommandContext, repository: HistoryRepository, promptId: string | undefined): Promise<number> {
  const { io, paint: p } = context;
  if (!promptId) {
    const prompts = await repository.listPrompts();
    if (context.json) io.stdout(`${JSON.stringify(prompts, null, 2)}\n`);
    else if (prompts.length === 0) io.stdout(`No prompts in ${repository.location} yet. Run "prompter improve FILE" to start.\n`);
    else for (const prompt of prompts) {
      io.stdout(`${p.bold(prompt.id)}  best v${prompt.bestVersionNo} ${score(prompt.bestScore)}/50  ${String(prompt.versionCount).padStart(3)} versions  ${when(prompt.updatedAt)}  ${oneLine(prompt.preview, 60)}\n`);
    }
    return 0;
  }
  const detail = await repository.getPrompt(promptId);
  if (!detail) {
    io.stderr(`prompter: there is no prompt "${promptId}" in ${repository.location}. "prompter history" lists the ids.\n`);
    return 2;
  }
  if (context.json) {
    io.stdout(`${JSON.stringify(detail, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${p.bold(detail.prompt.id)}  ${oneLine(detail.prompt.originalText, 80)}\n`);
  for (const { version, scores } of detail.versions) {
    const isBest = version.id === detail.prompt.bestVersionId;
    const total = scores.at(-1)?.total;
    const label = `v${version.versionNo}`.padEnd(4);
    io.stdout(`  ${isBest ? p.green('★') : ' '} ${label} ${score(total)}/50  ${version.source.padEnd(20)} ${version.id}  ${when(version.createdAt)}${version.strategies.length ? p.dim(`  ${version.strategies.join(', ')}`) : ''}\n`);
  }
  return 0;
}
