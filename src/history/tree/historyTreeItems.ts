/**
 * How each History element looks: labels, descriptions, icons, Markdown tooltips, the context value the
 * menus match, and the command a click runs (a version opens in the result panel).
 */
import * as vscode from 'vscode';
import type { PromptDetail } from '../../core/history';
import { CommandId } from '../../commands/commandIds';
import type { NoticeNode, PromptNode, StoreNode, VersionNode, HistoryNode } from './historyNodes';
import { nodeId, versionRefOf } from './historyNodes';
import { baseName, clip, codeBlock, modelName, relativeTime, scoreText, sourceKind } from './historyLabels';

/** Context values the `view/item/context` menus match (package.json). */
export const ItemContext = {
  store: 'store',
  /** A prompt whose best version is a rewrite (Compare Best with Original applies). */
  promptImproved: 'prompt.improved',
  /** A prompt whose best version is still the original. */
  promptOriginal: 'prompt.original',
  /** Version 0 (no previous version, deleted only with its prompt). */
  versionOriginal: 'version.original',
  /** Version 1 and later. */
  versionRevision: 'version.revision',
  notice: 'notice',
} as const;

// Long texts make tooltips unreadable (and slow): the editor shows the rest.
const TOOLTIP_TEXT_CHARS = 2400;

/** The tree item for a node. `now` is the time relative times count from. */
export function historyTreeItem(node: HistoryNode, now = Date.now()): vscode.TreeItem {
  switch (node.kind) {
    case 'store':
      return storeItem(node);
    case 'prompt':
      return promptItem(node, now);
    case 'version':
      return versionItem(node, now);
    case 'notice':
      return noticeItem(node);
  }
}

function storeItem(node: StoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = nodeId(node);
  item.contextValue = ItemContext.store;
  item.iconPath = new vscode.ThemeIcon('root-folder');
  if (node.unreadable) item.description = vscode.l10n.t('cannot be read');
  else if (node.promptCount !== undefined) item.description = node.promptCount === 1 ? vscode.l10n.t('1 prompt') : vscode.l10n.t('{0} prompts', node.promptCount);
  item.tooltip = vscode.l10n.t('Prompt history of {0}, stored in {1}', node.label, node.path);
  return item;
}

function promptItem(node: PromptNode, now: number): vscode.TreeItem {
  const { prompt } = node;
  const item = new vscode.TreeItem(node.title || vscode.l10n.t('(empty prompt)'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = nodeId(node);
  item.contextValue = prompt.bestVersionNo > 0 ? ItemContext.promptImproved : ItemContext.promptOriginal;
  item.iconPath = new vscode.ThemeIcon('note');
  const score = scoreText(prompt.bestScore) ?? vscode.l10n.t('unscored');
  item.description = `${score} · ${relativeTime(prompt.updatedAt, now, vscode.env.language)}`;
  item.tooltip = promptTooltip(node, now, prompt.preview);
  item.accessibilityInformation = {
    label: vscode.l10n.t('Prompt {0}, best version v{1} with {2}, {3} versions', promptLabel(node), prompt.bestVersionNo, score, prompt.versionCount),
  };
  return item;
}

/** The prompt's title as the tree shows it. */
export function promptLabel(node: PromptNode): string {
  return node.title;
}

/** The prompt's tooltip; `text` is the preview at first, the whole original once resolved. */
export function promptTooltip(node: PromptNode, now: number, text: string, detail?: PromptDetail): vscode.MarkdownString {
  const { prompt } = node;
  const markdown = new vscode.MarkdownString();
  const score = scoreText(prompt.bestScore) ?? vscode.l10n.t('unscored');
  markdown.appendMarkdown(`$(star-full) **${vscode.l10n.t('Best: v{0}, {1}', prompt.bestVersionNo, score)}**`);
  const versions = detail?.versions.length ?? prompt.versionCount;
  const parts = [versions === 1 ? vscode.l10n.t('1 version') : vscode.l10n.t('{0} versions', versions)];
  if (prompt.origin.file) parts.push(vscode.l10n.t('from {0}', `\`${prompt.origin.file.replace(/`/g, '')}\``));
  parts.push(vscode.l10n.t('updated {0}', relativeTime(prompt.updatedAt, now, vscode.env.language)));
  markdown.appendMarkdown(` · ${parts.join(' · ')}\n\n`);
  markdown.appendMarkdown(`${vscode.l10n.t('Original:')}\n\n`);
  const shown = clip(text, TOOLTIP_TEXT_CHARS);
  markdown.appendMarkdown(`${codeBlock(shown.text)}\n`);
  if (shown.clipped || (!detail && prompt.preview.length >= 240)) markdown.appendMarkdown(`\n_${vscode.l10n.t('…more in the version’s editor')}_\n`);
  markdown.supportThemeIcons = true;
  return markdown;
}

function versionItem(node: VersionNode, now: number): vscode.TreeItem {
  const { version } = node;
  const item = new vscode.TreeItem(`v${version.versionNo}`, vscode.TreeItemCollapsibleState.None);
  item.id = nodeId(node);
  item.contextValue = version.versionNo === 0 ? ItemContext.versionOriginal : ItemContext.versionRevision;
  const kind = sourceKind(version.source);
  const parts = [scoreText(node.total) ?? vscode.l10n.t('unscored'), sourceWord(node)];
  if (node.isBest) parts.push(vscode.l10n.t('best'));
  item.description = parts.join(' · ');
  item.iconPath = node.isBest
    ? new vscode.ThemeIcon('star-full', new vscode.ThemeColor('charts.yellow'))
    : new vscode.ThemeIcon(kind === 'original' ? 'circle-outline' : kind === 'model' ? 'hubot' : 'sparkle');
  item.tooltip = versionTooltip(node, now);
  item.command = { command: CommandId.openVersion, title: vscode.l10n.t('Open Version'), arguments: [versionRefOf(node)] };
  item.accessibilityInformation = { label: `v${version.versionNo}, ${item.description}` };
  return item;
}

/** "original", "heuristic" or "model (name)". */
function sourceWord(node: VersionNode): string {
  switch (sourceKind(node.version.source)) {
    case 'original':
      return vscode.l10n.t('original');
    case 'heuristic':
      return vscode.l10n.t('heuristic');
    case 'model':
      return vscode.l10n.t('model {0}', modelName(node.version.source) ?? '');
  }
}

function versionTooltip(node: VersionNode, now: number): vscode.MarkdownString {
  const { version } = node;
  const markdown = new vscode.MarkdownString();
  markdown.supportThemeIcons = true;
  const head = [`**v${version.versionNo}**`, scoreText(node.total) ?? vscode.l10n.t('unscored'), sourceWord(node)];
  if (version.engine?.rendering) head.push(vscode.l10n.t('{0} rendering', version.engine.rendering));
  if (node.isBest) head.push(`$(star-full) ${vscode.l10n.t('best')}`);
  head.push(relativeTime(version.createdAt, now, vscode.env.language));
  markdown.appendMarkdown(`${head.join(' · ')}\n\n`);
  const bullets = version.explanation.bullets.slice(0, 8);
  if (bullets.length) markdown.appendMarkdown(`${bullets.map((bullet) => `- ${escapeMarkdown(bullet)}`).join('\n')}\n\n`);
  const shown = clip(version.text, TOOLTIP_TEXT_CHARS);
  markdown.appendMarkdown(`${codeBlock(shown.text)}\n`);
  if (shown.clipped) markdown.appendMarkdown(`\n_${vscode.l10n.t('…more in the version’s editor')}_\n`);
  return markdown;
}

function noticeItem(node: NoticeNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = nodeId(node);
  item.contextValue = ItemContext.notice;
  item.iconPath = node.severity === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('info');
  item.tooltip = node.detail;
  if (node.severity === 'error') {
    item.description = vscode.l10n.t('click to retry');
    item.command = { command: CommandId.refreshHistory, title: vscode.l10n.t('Retry') };
  }
  return item;
}

/** The file name that names a version in editor titles: the prompt's file, else its first words. */
export function versionDocumentName(node: Pick<VersionNode, 'origin' | 'promptTitle'>): string {
  return baseName(node.origin.file) ?? (node.promptTitle.replace(/[\\/:*?"<>|…]+/g, '').trim().slice(0, 40) || 'prompt');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&');
}
