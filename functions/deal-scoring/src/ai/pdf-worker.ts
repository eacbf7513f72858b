// Reads the text of one PDF in a worker thread (started by documents.ts): pdf.js work stays off
// the service's event loop, and the parent can stop a document that takes too long or too much
// memory. Compiled to pdf-worker.js in production; run through tsx otherwise (see documents.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

export interface PdfJob {
  bytes: Uint8Array;
  maxPages: number;
  maxChars: number;
}

export type PdfResult = { ok: true; text: string; pages: number } | { ok: false; reason: string };

async function read({ bytes, maxPages, maxChars }: PdfJob): Promise<PdfResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: true });
  } catch {
    return { ok: false, reason: 'is not a readable PDF' };
  }
  try {
    const pages: string[] = [];
    let length = 0;
    const count = Math.min(pdf.numPages, maxPages);
    for (let p = 1; p <= count && length < maxChars; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      // Items on one line are joined by spaces; an end-of-line item breaks the line.
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+\n/g, '\n');
      pages.push(text);
      length += text.length;
    }
    return { ok: true, text: pages.join('\n').slice(0, maxChars), pages: pdf.numPages };
  } catch {
    return { ok: false, reason: 'could not be read as text' };
  } finally {
    await pdf.cleanup();
  }
}

if (parentPort) {
  void read(workerData as PdfJob).then((result) => parentPort!.postMessage(result));
}
