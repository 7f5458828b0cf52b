/**
 * API keys for OpenAI-compatible endpoints, in VS Code's SecretStorage (never in settings, never logged),
 * one per endpoint origin: a key entered for one server is never sent to another one the base URL later
 * names.
 */
import { chatCompletionsUrl } from '../llm/openAiCompatibleModel';

/** The parts of `vscode.SecretStorage` used here. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

const PREFIX = 'prompter.apiKey:';

/** The origin a base URL sends requests to (`https://api.openai.com`), or undefined when it is not a usable URL. */
export function endpointOrigin(baseUrl: string): string | undefined {
  const url = chatCompletionsUrl(baseUrl);
  return typeof url === 'string' ? undefined : url.origin;
}

/** Why a pasted key is not usable, or undefined when it is. */
export function apiKeyProblem(value: string): string | undefined {
  const key = value.trim();
  if (key === '') return 'Enter the key, or press Escape to cancel.';
  if (/\s/.test(key)) return 'A key has no spaces or line breaks.';
  if (key.length > 4096) return 'That is longer than any API key.';
  return undefined;
}

/** Reads, stores and deletes the key of an endpoint. */
export class ApiKeys {
  constructor(private readonly secrets: SecretStore) {}

  /** The key stored for the base URL's origin. */
  async get(baseUrl: string): Promise<string | undefined> {
    const origin = endpointOrigin(baseUrl);
    return origin ? ((await this.secrets.get(PREFIX + origin)) ?? undefined) : undefined;
  }

  /** Stores `key` for the base URL's origin; returns the origin, or undefined when the URL is unusable. */
  async set(baseUrl: string, key: string): Promise<string | undefined> {
    const origin = endpointOrigin(baseUrl);
    if (!origin) return undefined;
    await this.secrets.store(PREFIX + origin, key.trim());
    return origin;
  }

  /** Forgets the key of the base URL's origin; returns the origin, or undefined when the URL is unusable. */
  async clear(baseUrl: string): Promise<string | undefined> {
    const origin = endpointOrigin(baseUrl);
    if (!origin) return undefined;
    await this.secrets.delete(PREFIX + origin);
    return origin;
  }
}
