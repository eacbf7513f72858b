// Optional semantic matching for the enablement feed: embeddings from the configured OpenAI-compatible
// endpoint (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_EMBEDDING_MODEL). Never required: without the
// model the ranking is full text plus signals; when a call fails the route answers the same ranking
// with fallback: true. What is embedded: the library's titles and summaries, and the partner's signal
// names (products, industries, topics, competitors), never their deal descriptions or messages.
import OpenAI from 'openai';
import type { ContentItem } from './schemas';

export interface EmbeddingSettings {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

export interface Embedder {
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}

/** At most this many texts per embeddings call. */
const BATCH = 256;
/** Vectors kept per process (library texts repeat from request to request). */
const CACHE_MAX = 5000;

export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly cache = new Map<string, number[]>();

  constructor(settings: EmbeddingSettings) {
    this.model = settings.model;
    this.client = new OpenAI({
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries
    });
  }

  async embed(texts: string[]): Promise<number[][]> {
    const missing = [...new Set(texts.filter((t) => !this.cache.has(t)))];
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const response = await this.client.embeddings.create({
        model: this.model,
        input: batch,
        encoding_format: 'float'
      });
      if (response.data.length !== batch.length) throw new Error('embeddings: wrong number of vectors');
      for (const d of response.data) {
        if (!Array.isArray(d.embedding) || d.embedding.length === 0 || typeof d.index !== 'number') {
          throw new Error('embeddings: malformed vector');
        }
        if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
        this.cache.set(batch[d.index]!, d.embedding);
      }
    }
    return texts.map((t) => {
      const v = this.cache.get(t);
      if (!v) throw new Error('embeddings: vector missing');
      return v;
    });
  }
}

export function itemText(item: ContentItem): string {
  return [item.title, item.summary ?? '', ...(item.topics ?? [])].join('. ').slice(0, 2000);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('embeddings: vectors of different lengths');
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Content id -> similarity of the item with the partner's signals, rounded (deterministic ranking). */
export async function semanticScores(
  embedder: Embedder,
  query: string,
  library: readonly ContentItem[]
): Promise<Record<string, number>> {
  if (!query.trim()) return {};
  const vectors = await embedder.embed([query, ...library.map(itemText)]);
  const [q, ...items] = vectors;
  const out: Record<string, number> = {};
  library.forEach((item, i) => {
    out[item.id] = Math.round(cosine(q!, items[i]!) * 10_000) / 10_000;
  });
  return out;
}
