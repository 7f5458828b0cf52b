/** The loopback server's scripts as an in-memory ChatModel, for tests that need a model but not HTTP. */
import type { ChatModel } from '../../../src/core/model/chatModel';
import { ModelCallError } from '../../../src/core/model/chatModel';
import type { ChatCall, Reply } from './chatServer';
import { classify } from './chatServer';

/** A model answering each request with `script(call)`; JSON and streamed replies are the text, the rest fail. */
export function inMemoryModel(id: string, script: (call: ChatCall) => Reply): ChatModel {
  return {
    id,
    provider: 'test',
    complete(request) {
      const reply = script(classify({ model: id, messages: request.messages }, {}));
      if ('json' in reply) return Promise.resolve(reply.json);
      if ('stream' in reply) return Promise.resolve(reply.stream);
      return Promise.reject(new ModelCallError('http-5xx', 'scripted failure'));
    },
  };
}
