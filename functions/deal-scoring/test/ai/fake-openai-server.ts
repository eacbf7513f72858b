// A local HTTP server speaking the OpenAI chat-completions protocol (POST /v1/chat/completions),
// for tests of the real `openai` SDK client: scripted replies (recorded completions, malformed JSON,
// slow answers, 429s, 5xx), and a log of what each request carried.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  /** A JSON body, or a raw string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait before answering (timeouts). */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema?: unknown } };
    [k: string]: unknown;
  };
}

/** A chat completion whose message content is `content` (a JSON string for structured output). */
export function completion(
  content: string,
  usage = { prompt_tokens: 321, completion_tokens: 54 }
): ScriptedReply {
  return {
    status: 200,
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1763600000,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          finish_reason: 'stop',
          logprobs: null
        }
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }
    }
  };
}

export function rateLimited(retryAfterMs = 5): ScriptedReply {
  return {
    status: 429,
    headers: { 'retry-after-ms': String(retryAfterMs) },
    body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }
  };
}

export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptedReply[] = [];
  private fallbackReply: ScriptedReply | undefined;
  private server: Server | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Replies used in order; when the queue is empty, `always` (if set) or a 500. */
  reply(...replies: ScriptedReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  always(reply: ScriptedReply): this {
    this.fallbackReply = reply;
    return this;
  }

  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
    this.fallbackReply = undefined;
  }

  get baseURL(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake OpenAI server is not listening');
    return `http://127.0.0.1:${address.port}/v1`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: RecordedRequest['body'] = {};
    try {
      body = raw ? (JSON.parse(raw) as RecordedRequest['body']) : {};
    } catch {
      body = {};
    }
    this.requests.push({ path: req.url ?? '', headers: req.headers, body });
    const reply = this.queue.shift() ??
      this.fallbackReply ?? { status: 500, body: { error: { message: 'no scripted reply' } } };
    const send = (): void => {
      if (res.destroyed) return;
      const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(payload);
    };
    if (req.url !== '/v1/chat/completions' || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    if (reply.delayMs) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        send();
      }, reply.delayMs);
      this.timers.add(t);
    } else send();
  }
}
