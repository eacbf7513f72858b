// Attachments sent with /v1/parse (the PDF of a partner's deal form, a text file): decoded,
// checked and turned into text with unpdf (pdf.js) in a worker thread, within limits — size per
// document, pages read, characters kept, time and memory — so that one attachment cannot stall the
// service. A malformed document is a 400 naming the document, never a crash.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ValidationError } from '../validation';

export const DOCUMENT_LIMITS = {
  /** Base64 characters per document (about 750 kB of binary). */
  maxBase64Chars: 1_000_000,
  maxDocuments: 3,
  maxPages: 20,
  /** Characters of text kept per document. */
  maxTextChars: 30_000,
  /** Wall-clock time and heap one PDF may take in its worker. */
  timeoutMs: 10_000,
  workerMemoryMb: 256
} as const;

export interface DocumentInput {
  name: string;
  contentType: 'application/pdf' | 'text/plain';
  /** Base64 of the file's bytes. */
  data: string;
}

export interface DocumentText {
  name: string;
  text: string;
}

/** The worker: compiled JavaScript in production, the TypeScript source through tsx otherwise. */
const WORKER = __filename.endsWith('.js')
  ? { filename: join(__dirname, 'pdf-worker.js'), execArgv: [] as string[] }
  : { filename: join(__dirname, 'pdf-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };

function fail(index: number, message: string): never {
  throw new ValidationError([{ path: `/documents/${index}/data`, message }]);
}

function decode(data: string, index: number): Uint8Array {
  if (!/^[A-Za-z0-9+/=\r\n]*$/.test(data)) fail(index, 'must be base64');
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length === 0) fail(index, 'must not be empty');
  // A copy: pdf.js may take over (detach) the buffer it is given.
  return Uint8Array.from(bytes);
}

/** PDF text from a worker thread, stopped after `timeoutMs` or when it exceeds its memory limit. */
function pdfText(bytes: Uint8Array, index: number): Promise<string> {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-')
    fail(index, 'is not a PDF (no %PDF- header)');
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(WORKER.filename, {
      execArgv: WORKER.execArgv,
      workerData: { bytes, maxPages: DOCUMENT_LIMITS.maxPages, maxChars: DOCUMENT_LIMITS.maxTextChars },
      resourceLimits: { maxOldGenerationSizeMb: DOCUMENT_LIMITS.workerMemoryMb }
    });
    const reject400 = (message: string): void => {
      try {
        fail(index, message);
      } catch (err) {
        reject(err);
      }
    };
    const timer = setTimeout(() => {
      void worker.terminate();
      reject400(`took longer than ${DOCUMENT_LIMITS.timeoutMs} ms to read`);
    }, DOCUMENT_LIMITS.timeoutMs);
    worker.once('message', (result: { ok: boolean; text?: string; reason?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (result.ok) resolve(result.text ?? '');
      else reject400(result.reason ?? 'is not a readable PDF');
    });
    worker.once('error', () => {
      clearTimeout(timer);
      reject400('could not be read (too large or malformed)');
    });
  });
}

/** The text of each document, in order; throws a ValidationError naming the first bad one. */
export async function documentTexts(documents: DocumentInput[] | undefined): Promise<DocumentText[]> {
  if (!documents || documents.length === 0) return [];
  const out: DocumentText[] = [];
  for (const [i, doc] of documents.entries()) {
    if (doc.data.length > DOCUMENT_LIMITS.maxBase64Chars) {
      fail(i, `is larger than ${DOCUMENT_LIMITS.maxBase64Chars} base64 characters`);
    }
    const bytes = decode(doc.data, i);
    const text =
      doc.contentType === 'application/pdf'
        ? await pdfText(bytes, i)
        : new TextDecoder('utf-8', { fatal: false }).decode(bytes).slice(0, DOCUMENT_LIMITS.maxTextChars);
    out.push({ name: doc.name, text });
  }
  return out;
}
