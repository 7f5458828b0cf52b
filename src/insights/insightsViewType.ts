/** The dashboard webview's view type (also its `onWebviewPanel:` activation event in package.json). */
export const INSIGHTS_VIEW_TYPE = 'prompter.insights';
