// The built-in extractor lives in ./extract/ (structure, vocabulary, one part per field); this
// module keeps the import path the parse service and the tests use.
export { extract, FREE_MAIL_DOMAINS, MAX_EXTRACT_CHARS } from './extract';
export type { CatalogEntry, ExtractOptions, Extraction } from './extract';
