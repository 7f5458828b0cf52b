/**
 * A loopback HTTP server (127.0.0.1, port 0) that speaks the OpenAI chat-completions protocol with a
 * scripted behaviour per request: a JSON answer, a streamed answer, a slow answer, an HTTP status, or a
 * dropped connection. It records every request (headers and parsed body) for the tests to inspect.
 */
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What kind of request the client sent, recognised from its prompt. */
export type CallKind = 'rewrite' | 'judge' | 'panel';

/** One request as the server saw it. */
export interface ChatCall {
  kind: CallKind;
  /** True for the repair attempt (the client echoed an answer and asked again). */
  repair: boolean;
  /** The rewrite style (`markdown`, `xml`, `compact`) for rewrites. */
  style?: string;
  /** The fenced texts: one for rewrite and judge, one per label for a panel. */
  texts: { label: string; text: string }[];
  headers: IncomingHttpHeaders;
  body: { model: string; stream?: boolean; messages: { role: string; content: string }[] };
}

/** How to answer one request. */
export type Reply =
  | { json: string }
  | { stream: string }
  | { slowMs: number; json: string }
  | { status: number; body?: string; headers?: Record<string, string> }
  | { drop: true };

/** The running server. */
export interface ChatServer {
  /** `http://127.0.0.1:<port>` (the client adds /v1/chat/completions). */
  url: string;
  calls: ChatCall[];
  close(): Promise<void>;
}

const FENCED = /<<<PROMPT\n([\s\S]*?)\nPROMPT>>>/g;

/** Recognises a request from its prompt (also used by the in-memory scripted model). */
export function classify(body: ChatCall['body'], headers: IncomingHttpHeaders): ChatCall {
  const system = body.messages.find((message) => message.role === 'system')?.content ?? '';
  const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
  const kind: CallKind = system.includes('expert prompt engineer') ? 'rewrite' : system.includes('You are shown') ? 'panel' : 'judge';
  const style = kind === 'rewrite' ? (/(Markdown sections|XML tags|compact)/.exec(system)?.[1] ?? '') : undefined;
  const styleName = style === 'Markdown sections' ? 'markdown' : style === 'XML tags' ? 'xml' : style === 'compact' ? 'compact' : undefined;
  const texts: ChatCall['texts'] = [];
  if (kind === 'panel') {
    for (const match of user.matchAll(/Prompt ([A-H]) \(data between the markers\):\n<<<PROMPT\n([\s\S]*?)\nPROMPT>>>/g)) texts.push({ label: match[1]!, text: match[2]! });
  } else {
    for (const match of user.matchAll(FENCED)) texts.push({ label: '', text: match[1]! });
  }
  return { kind, repair: body.messages.length > 2, ...(styleName ? { style: styleName } : {}), texts, headers, body };
}

function completion(content: string): string {
  return JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
}

function streamChunks(response: ServerResponse, content: string): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(': keep-alive\n\n');
  // Small pieces, split mid-word and mid-escape, as real servers do.
  for (let at = 0; at < content.length; at += 7) {
    const delta = { id: 'chatcmpl-test', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: content.slice(at, at + 7) } }] };
    response.write(`data: ${JSON.stringify(delta)}\n\n`);
  }
  response.end('data: [DONE]\n\n');
}

/** Starts a server answering each request with `script(call)`. */
export async function startChatServer(script: (call: ChatCall) => Reply): Promise<ChatServer> {
  const calls: ChatCall[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call = classify(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatCall['body'], request.headers);
      calls.push(call);
      const reply = script(call);
      if ('drop' in reply) {
        request.socket.destroy();
      } else if ('status' in reply) {
        response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        response.end(reply.body ?? JSON.stringify({ error: { message: `scripted ${reply.status}` } }));
      } else if ('stream' in reply) {
        streamChunks(response, reply.stream);
      } else if ('slowMs' in reply) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!response.destroyed) response.writeHead(200, { 'content-type': 'application/json' }).end(completion(reply.json));
        }, reply.slowMs);
        timers.add(timer);
      } else {
        response.writeHead(200, { 'content-type': 'application/json' }).end(completion(reply.json));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (a server was bound to it and closed), for the refused-connection case. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
