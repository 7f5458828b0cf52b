/**
 * *Prompter: Set API Key* and *Prompter: Clear API Key* for the OpenAI-compatible endpoint. The key is
 * typed into a password box, kept in VS Code's SecretStorage for the endpoint's origin only, and never
 * written to settings, logs or the history; it is never taken as a command argument.
 */
import * as vscode from 'vscode';
import { apiKeyProblem, endpointOrigin } from '../modelAccess/apiKeys';
import type { Services } from '../services';
import { CommandId } from './commandIds';

/** What Set API Key or Clear API Key did. */
export type ApiKeyOutcome = { status: 'stored'; origin: string } | { status: 'cleared'; origin: string } | { status: 'cancelled' } | { status: 'no-endpoint'; message: string };

/** The configured endpoint's base URL and origin, or the message that there is none. */
function configuredEndpoint(services: Services): { baseUrl: string; origin: string } | { message: string } {
  const settings = services.models.settings();
  const origin = endpointOrigin(settings.baseUrl);
  if (settings.provider === 'openai-compatible' && origin) return { baseUrl: settings.baseUrl, origin };
  return { message: vscode.l10n.t('An API key is for an OpenAI-compatible endpoint: choose one with Prompter: Select Model first.') };
}

function noEndpoint(services: Services, message: string): ApiKeyOutcome {
  const select = vscode.l10n.t('Select Model');
  void vscode.window.showInformationMessage(message, select).then((choice) => (choice === select ? vscode.commands.executeCommand(CommandId.selectModel) : undefined));
  services.log.info('API key: no OpenAI-compatible endpoint is selected');
  return { status: 'no-endpoint', message };
}

/** Asks for the key in a password box and stores it for the endpoint's origin. */
export async function setApiKey(services: Services): Promise<ApiKeyOutcome> {
  const endpoint = configuredEndpoint(services);
  if ('message' in endpoint) return noEndpoint(services, endpoint.message);
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('Prompter: API key for {0}', endpoint.origin),
    prompt: vscode.l10n.t('Kept in VS Code’s secret storage and sent only to {0}, as a bearer token.', endpoint.origin),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => apiKeyProblem(value),
  });
  if (key === undefined || apiKeyProblem(key)) return { status: 'cancelled' };
  await services.models.keys.set(endpoint.baseUrl, key);
  services.log.info(`API key stored for ${endpoint.origin}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('The API key for {0} is stored in VS Code’s secret storage.', endpoint.origin));
  return { status: 'stored', origin: endpoint.origin };
}

/** Forgets the key of the configured endpoint's origin. */
export async function clearApiKey(services: Services): Promise<ApiKeyOutcome> {
  const endpoint = configuredEndpoint(services);
  if ('message' in endpoint) return noEndpoint(services, endpoint.message);
  await services.models.keys.clear(endpoint.baseUrl);
  services.log.info(`API key removed for ${endpoint.origin}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('The API key for {0} is removed.', endpoint.origin));
  return { status: 'cleared', origin: endpoint.origin };
}
