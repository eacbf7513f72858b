// The text of one claim document, on a worker thread of the pool (the route offloads it):
// - PDFs: the text layer of each page with unpdf (pdf.js), lines rebuilt from the items'
//   positions; a page without a text layer (a scan) is rendered with @napi-rs/canvas and OCR'd;
// - PNG/JPEG: OCR with tesseract.js, English data from the @tesseract.js-data/eng package on disk
//   (cacheMethod none: nothing is fetched or written at run time). A page that reads badly is
//   tried again turned by 90/180/270 degrees (photographed sideways or upside down).
// Bytes and text stay in memory and are never logged.
import path from 'node:path';
import { getDocumentProxy, renderPageAsImage } from 'unpdf';
import { createWorker, OEM, PSM, type Worker as OcrWorker } from 'tesseract.js';
import { MDF_LIMITS } from './schemas';

// pdf.js (as bundled by unpdf) calls ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks
// (Node 22 has it); rendering fails without it. A copy is what the method returns, minus the detach.
const abProto = ArrayBuffer.prototype as ArrayBuffer & {
  transferToFixedLength?: (n?: number) => ArrayBuffer;
};
if (typeof abProto.transferToFixedLength !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value: function (this: ArrayBuffer, length?: number) {
      return this.slice(0, length ?? this.byteLength);
    },
    configurable: true,
    writable: true
  });
}

export interface ReadInput {
  bytes: Uint8Array;
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
}

export type ReadResult =
  | {
      ok: true;
      text: string;
      pages: number;
      textSource: 'TEXT_LAYER' | 'OCR' | 'NONE';
      /** Mean word confidence 0-1 of the OCR'd pages. */
      ocrConfidence?: number;
    }
  | { ok: false; field: 'data'; message: string };

/** Below this many characters a PDF page is treated as a scan. */
const SCANNED_PAGE_CHARS = 20;
/** OCR confidence (0-100) under which other orientations are tried. */
const RETRY_ORIENTATION_BELOW = 55;

/** The English language data from its npm package (never downloaded). */
export const OCR_LANG_PATH = path.join(
  path.dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int'
);

let ocrWorker: Promise<OcrWorker> | null = null;

function ocr(): Promise<OcrWorker> {
  ocrWorker ??= createWorker('eng', OEM.LSTM_ONLY, {
    langPath: OCR_LANG_PATH,
    cacheMethod: 'none',
    gzip: true
  }).then(async (w) => {
    await w.setParameters({
      tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
      preserve_interword_spaces: '1',
      debug_file: '/dev/null'
    });
    return w;
  });
  return ocrWorker;
}

/** Stops this thread's OCR worker (app close, tests). */
export async function closeOcr(): Promise<void> {
  const w = ocrWorker;
  ocrWorker = null;
  if (w) await (await w).terminate();
}

async function rotate(image: Buffer, degrees: number): Promise<Buffer> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(image);
  const swap = degrees % 180 !== 0;
  const canvas = createCanvas(swap ? img.height : img.width, swap ? img.width : img.height);
  const ctx = canvas.getContext('2d');
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  return canvas.toBuffer('image/png');
}

/** OCR of one image; the best of the upright and (when it reads badly) the turned versions. */
export async function ocrImage(
  image: Buffer,
  deadline = Date.now() + MDF_LIMITS.readBudgetMs
): Promise<{ text: string; confidence: number }> {
  const worker = await ocr();
  const first = await worker.recognize(image);
  let best = { text: first.data.text, confidence: first.data.confidence };
  if (best.confidence < RETRY_ORIENTATION_BELOW) {
    for (const degrees of [90, 180, 270]) {
      if (Date.now() > deadline) break;
      const turned = await worker.recognize(await rotate(image, degrees));
      if (turned.data.confidence > best.confidence + 5) {
        best = { text: turned.data.text, confidence: turned.data.confidence };
      }
    }
  }
  return { text: best.text, confidence: best.confidence / 100 };
}

interface Item {
  str: string;
  x: number;
  y: number;
}

/** Lines of one page from the text items' positions (top to bottom, left to right). */
function pageLines(items: Item[]): string {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) < 3) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((l) =>
      l
        .sort((a, b) => a.x - b.x)
        .map((i) => i.str)
        .join('  ')
    )
    .join('\n');
}

async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: true });
  } catch {
    return { ok: false, field: 'data', message: 'is not a readable PDF' };
  }
  try {
    if (pdf.numPages > MDF_LIMITS.maxPages) {
      return {
        ok: false,
        field: 'data',
        message: `has ${pdf.numPages} pages, more than ${MDF_LIMITS.maxPages}`
      };
    }
    const deadline = Date.now() + MDF_LIMITS.readBudgetMs;
    const pages: string[] = [];
    const confidences: number[] = [];
    let ocrPages = 0;
    let length = 0;
    for (let p = 1; p <= pdf.numPages && length < MDF_LIMITS.maxTextChars; p++) {
      if (Date.now() > deadline) return tooSlow();
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      let text = pageLines(
        content.items.flatMap((i) =>
          'str' in i ? [{ str: i.str, x: Number(i.transform[4]), y: Number(i.transform[5]) }] : []
        )
      );
      if (text.replace(/\s/g, '').length < SCANNED_PAGE_CHARS && ocrPages < MDF_LIMITS.maxOcrPages) {
        ocrPages += 1;
        const png = await renderPageAsImage(new Uint8Array(bytes), p, {
          canvasImport: () => import('@napi-rs/canvas'),
          scale: 2
        });
        const read = await ocrImage(Buffer.from(png), deadline);
        text = read.text;
        confidences.push(read.confidence);
      }
      pages.push(text);
      length += text.length;
    }
    const text = pages.join('\n\f\n').slice(0, MDF_LIMITS.maxTextChars);
    const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : undefined;
    return {
      ok: true,
      text,
      pages: pdf.numPages,
      textSource: text.trim() === '' ? 'NONE' : confidences.length > 0 ? 'OCR' : 'TEXT_LAYER',
      ...(mean === undefined ? {} : { ocrConfidence: round2(mean) })
    };
  } catch {
    return { ok: false, field: 'data', message: 'could not be read as a PDF' };
  } finally {
    await pdf.cleanup();
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function tooSlow(): ReadResult {
  return {
    ok: false,
    field: 'data',
    message: `took longer than ${MDF_LIMITS.readBudgetMs / 1000} s to read`
  };
}

/** The text of one document (the pool task's body). */
export async function readDocument(input: ReadInput): Promise<ReadResult> {
  if (input.contentType === 'application/pdf') return readPdf(input.bytes);
  try {
    const read = await ocrImage(Buffer.from(input.bytes));
    return {
      ok: true,
      text: read.text.slice(0, MDF_LIMITS.maxTextChars),
      pages: 1,
      textSource: read.text.trim() === '' ? 'NONE' : 'OCR',
      ocrConfidence: round2(read.confidence)
    };
  } catch {
    return { ok: false, field: 'data', message: 'is not a readable image' };
  }
}
