import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CommandId, ContextKey } from '../../../src/commands/commandIds';

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    menus: Record<string, MenuItem[]>;
    keybindings: { command: string; when?: string }[];
  };
}

const raw = readFileSync('package.json', 'utf8');
const manifest = JSON.parse(raw) as Manifest;
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
const { commands, menus, keybindings } = manifest.contributes;
const contributed = new Set(commands.map((command) => command.command));
const menu = (id: string): MenuItem[] => menus[id] ?? [];
const entry = (id: string, command: string): MenuItem | undefined => menu(id).find((item) => item.command === command);

describe('package.json: contributions agree with the code and with package.nls.json', () => {
  it('every %key% has a string in package.nls.json, and every string there is used', () => {
    const used = new Set([...raw.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]!));
    assert.deepEqual([...used].filter((key) => !(key in nls)), [], 'keys without a string');
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), [], 'strings nothing uses');
  });

  it('the contributed commands are exactly the CommandId table, each with a localized title and a codicon', () => {
    assert.deepEqual([...contributed].sort(), Object.values(CommandId).sort());
    for (const command of commands) {
      assert.match(command.title, /^%command\.[\w.]+%$/, command.command);
      assert.equal(command.category, '%category%', command.command);
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/, `${command.command} has no $(codicon)`);
    }
  });

  it('menus and keybindings name contributed commands only; context keys in when clauses are ones the code sets', () => {
    const contextKeys = new Set<string>(Object.values(ContextKey));
    const clauses = [...Object.values(menus).flat(), ...keybindings];
    for (const item of clauses) {
      assert.ok(contributed.has(item.command), `${item.command} is not a contributed command`);
      // Our own keys: prompter.* that is neither a setting (config.prompter.*) nor the view's id.
      const ours = (item.when ?? '').replace(/config\.prompter\.[\w.]+/g, '').replace(/view == prompter\.history/g, '').match(/\bprompter\.\w+/g) ?? [];
      for (const key of ours) assert.ok(contextKeys.has(key), `${item.command}: ${key} is not a ContextKey`);
    }
  });

  it('every History view action is shown only in the History view', () => {
    for (const item of [...menu('view/title'), ...menu('view/item/context')]) {
      assert.match(item.when ?? '', /^view == prompter\.history\b/, item.command);
    }
  });

  it('the History view title: Refresh and Show Insights as icons; Export Insights, Select Model and Reset Learning in “…”', () => {
    assert.match(entry('view/title', CommandId.showInsights)?.group ?? '', /^navigation@/);
    for (const command of [CommandId.exportInsights, CommandId.selectModel, CommandId.resetLearning]) {
      const group = entry('view/title', command)?.group;
      assert.ok(group && !group.startsWith('navigation'), `${command} belongs in the overflow menu, not the title bar (group ${group})`);
    }
    assert.equal(entry('view/item/context', CommandId.resetLearning)?.when, 'view == prompter.history && viewItem == store');
  });

  it('Improve Again is in the editor context menu only on documents with a stored prompt, and in the palette', () => {
    assert.equal(entry('editor/context', CommandId.improveAgain)?.when, `resourcePath in ${ContextKey.promptDocuments}`);
    for (const command of [CommandId.improveAgain, CommandId.resetLearning, CommandId.showInsights, CommandId.exportInsights]) {
      assert.notEqual(entry('commandPalette', command)?.when, 'false', `${command} is hidden from the Command Palette`);
    }
  });
});
