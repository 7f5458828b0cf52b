/**
 * Reads a streamed chat completion (`stream: true`): server-sent events whose `data:` lines carry JSON
 * chunks with `choices[0].delta.content`, ended by `data: [DONE]`. Returns the whole text.
 */
import { ModelCallError } from '../core/model/chatModel';

interface DeltaChunk {
  choices?: { delta?: { content?: unknown } }[];
  error?: { message?: unknown };
}

function contentOf(data: string): string {
  let chunk: DeltaChunk;
  try {
    chunk = JSON.parse(data) as DeltaChunk;
  } catch {
    throw new ModelCallError('invalid-json', 'the endpoint streamed an event that is not JSON');
  }
  if (chunk.error) throw new ModelCallError('http-5xx', `the endpoint reported an error mid-stream: ${typeof chunk.error.message === 'string' ? chunk.error.message.slice(0, 200) : 'no message'}`);
  const content = chunk.choices?.[0]?.delta?.content;
  return typeof content === 'string' ? content : '';
}

/** Collects the text of a streamed completion; stops at `[DONE]` or the end of the stream. */
export async function readEventStream(body: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  const take = (line: string): boolean => {
    // Comments (`: keep-alive`), event names and ids carry no text.
    if (!line.startsWith('data:')) return false;
    const data = line.slice(5).trim();
    if (data === '[DONE]') return true;
    if (data) text += contentOf(data);
    return false;
  };
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (take(line)) return text;
      newline = buffer.indexOf('\n');
    }
  }
  take((buffer + decoder.decode()).replace(/\r$/, ''));
  return text;
}
