// One claim check end to end: decode and check the documents (400/413 naming the document), read
// each one on the worker pool (text layer or OCR, then field extraction), then the deterministic
// checks. Nothing here keeps or logs a document or its text.
import { ValidationError } from '../validation';
import type { Offloader } from '../worker/pool';
import { defineTask } from '../worker/task';
import { checkClaim } from './checks';
import { decodeDocuments } from './documents';
import { extractFields, invoiceKey } from './extract';
import { readDocument, type ReadInput } from './read';
import type { CheckRequest, CheckResponse, MdfDocumentResult, MdfExtractedFields } from './schemas';

export type ReadAndExtract =
  | {
      ok: true;
      pages: number;
      textSource: 'TEXT_LAYER' | 'OCR' | 'NONE';
      ocrConfidence?: number;
      fields: MdfExtractedFields;
    }
  | { ok: false; field: 'data'; message: string };

/** Reading and extraction of one document: the CPU-heavy part, run on a pool thread. */
export async function readAndExtract(input: ReadInput): Promise<ReadAndExtract> {
  const read = await readDocument(input);
  if (!read.ok) return read;
  const fields = extractFields(read.text, read.ocrConfidence ?? 1);
  return {
    ok: true,
    pages: read.pages,
    textSource: read.textSource,
    ...(read.ocrConfidence === undefined ? {} : { ocrConfidence: read.ocrConfidence }),
    fields
  };
}

export const mdfReadTask = defineTask(__filename, 'mdfRead', (input: ReadInput) => readAndExtract(input));

/** Always worth a thread hop: even a one-page PDF costs milliseconds of pdf.js work. */
const READ_COST = 1_000_000;

export async function checkMdfClaim(request: CheckRequest, offload: Offloader): Promise<CheckResponse> {
  const decoded = decodeDocuments(request.documents);
  const reads = await Promise.all(
    decoded.map((d) => offload.run(mdfReadTask, { bytes: d.bytes, contentType: d.contentType }, READ_COST))
  );
  const documents: MdfDocumentResult[] = decoded.map((d, i) => {
    const read = reads[i]!;
    if (!read.ok)
      throw new ValidationError([{ path: `/documents/${i}/${read.field}`, message: read.message }]);
    const vendor = read.fields.vendorName?.value;
    const number = read.fields.invoiceNumber?.value;
    return {
      documentIndex: d.index,
      fileName: d.fileName,
      role: d.role,
      pages: read.pages,
      textSource: read.textSource,
      ...(read.ocrConfidence === undefined ? {} : { ocrConfidence: read.ocrConfidence }),
      fileSha256: d.sha256,
      ...(vendor && number ? { invoiceKey: invoiceKey(vendor, number) } : {}),
      fields: read.fields
    };
  });
  return checkClaim(request, documents);
}
