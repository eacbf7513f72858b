// The documents of one claim, checked before anything reads them: strict base64, the declared
// content type against the file's own signature, size (413) and image pixel limits (400). Bytes
// stay in memory; nothing here logs or keeps them.
import { createHash } from 'node:crypto';
import { ValidationError } from '../validation';
import { MDF_LIMITS, type MdfDocumentInput } from './schemas';

/** 413 naming the document (the request body as a whole passed the route's body limit). */
export class DocumentTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(
    readonly path: string,
    message: string
  ) {
    super(message);
    this.name = 'DocumentTooLargeError';
  }
}

export interface DecodedDocument {
  index: number;
  fileName: string;
  role: 'invoice' | 'proof';
  contentType: MdfDocumentInput['contentType'];
  bytes: Uint8Array;
  sha256: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function bad(index: number, field: string, message: string): never {
  throw new ValidationError([{ path: `/documents/${index}/${field}`, message }]);
}

/** The type a file's first bytes say it is, or undefined. */
export function sniffContentType(bytes: Uint8Array): MdfDocumentInput['contentType'] | undefined {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/**
 * Width and height from a PNG IHDR or a JPEG SOF marker, read from the header only (so a
 * decompression bomb is refused before it is decoded). Hand-written: two integers at fixed
 * places do not need an image library. Undefined when the header is malformed.
 */
export function imageSize(
  bytes: Uint8Array,
  type: 'image/png' | 'image/jpeg'
): { width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'image/png') {
    if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

/** Decodes and checks every document; throws 400 (ValidationError) or 413 naming the first bad one. */
export function decodeDocuments(documents: MdfDocumentInput[]): DecodedDocument[] {
  return documents.map((doc, index) => {
    if (doc.data.length > MDF_LIMITS.maxDocumentBase64Chars) {
      throw new DocumentTooLargeError(
        `/documents/${index}/data`,
        `documents/${index} is larger than ${MDF_LIMITS.maxDocumentBase64Chars} base64 characters`
      );
    }
    const data = doc.data.replace(/\r?\n/g, '');
    if (data.length % 4 !== 0 || !BASE64.test(data))
      bad(index, 'data', 'must be base64 (A-Z, a-z, 0-9, +, /, = padding)');
    const bytes = Uint8Array.from(Buffer.from(data, 'base64'));
    if (bytes.length === 0) bad(index, 'data', 'must not be empty');
    const actual = sniffContentType(bytes);
    if (actual !== doc.contentType) {
      bad(
        index,
        'contentType',
        actual
          ? `is ${doc.contentType} but the file is ${actual}`
          : `is ${doc.contentType} but the file is not a PDF, PNG or JPEG`
      );
    }
    if (doc.contentType !== 'application/pdf') {
      const size = imageSize(bytes, doc.contentType);
      if (!size || size.width === 0 || size.height === 0)
        bad(index, 'data', 'is not a readable image (bad header)');
      if (size.width * size.height > MDF_LIMITS.maxImagePixels) {
        bad(index, 'data', `has ${size.width}x${size.height} pixels, more than ${MDF_LIMITS.maxImagePixels}`);
      }
    }
    return {
      index,
      fileName: doc.fileName,
      role: doc.role,
      contentType: doc.contentType,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex')
    };
  });
}
