// A TypeScript port of how Apex chooses the conflict candidates that reach the matcher, used only
// by boundary-candidate-search.test.ts (Apex cannot run here). Its constants are read from the
// Apex source through the parser (CompanyNameKey.LEGAL_FORMS and FOLD, DealCandidateSelector's
// MIN_TOKEN_LENGTH), and the test runs CompanyNameKeyTest's own examples against the port.
//
// What it models, by name only (the fixture pairs carry no domains):
// - CompanyNameKey.of: lower case, accents folded, "&" -> "and", other punctuation -> space,
//   legal-form and structure words removed anywhere, a leading "the" dropped.
// - CompanyNameKey.blocksOf: the blocking keys stored on each registration: the key, the key
//   without spaces (compact), the acronym (initials of two or more words, or a one-word name of
//   2-MAX_ACRONYM_LENGTH letters) and the first significant word (token).
// - DealCandidateSelector: another partner's registration is queried when one of its stored keys
//   matches the deal's (SOQL: same key; its compact or acronym equal to the deal's compact or
//   acronym; its first word among the deal's words; registrations' Name is an auto-number, so SOSL
//   never finds them by customer name); accounts and opportunities are found by SOSL
//   `FIND "<key>" OR "<acronym>" OR "<first word>" IN NAME FIELDS` (modelled as the key's words
//   appearing consecutively among the record name's words, or the single word among them: an
//   approximation of the platform's search, which may also stem); a pooled record reaches the deal
//   when its key, compact or acronym matches the deal's or it shares a key word of at least
//   MIN_TOKEN_LENGTH letters (`match`).
import { constant, type ApexProject } from './boundary-apex-model';

export interface NameKeyRules {
  legalForms: ReadonlySet<string>;
  structureWords: ReadonlySet<string>;
  fold: ReadonlyMap<string, string>;
  minTokenLength: number;
  blockStopWords: ReadonlySet<string>;
  blockMinTokenLength: number;
  maxAcronymLength: number;
}

/** The rules as the Apex source defines them. */
export function apexNameKeyRules(project: ApexProject): NameKeyRules {
  const legal = constant(project, 'CompanyNameKey', 'LEGAL_FORMS') as string[];
  const structure = constant(project, 'CompanyNameKey', 'STRUCTURE_WORDS') as string[];
  const fold = constant(project, 'CompanyNameKey', 'FOLD') as [string, string][];
  const min = constant(project, 'DealCandidateSelector', 'MIN_TOKEN_LENGTH') as number;
  return {
    legalForms: new Set(legal),
    structureWords: new Set(structure),
    fold: new Map(fold),
    minTokenLength: min,
    blockStopWords: new Set(constant(project, 'CompanyNameKey', 'BLOCK_STOP_WORDS') as string[]),
    blockMinTokenLength: constant(project, 'CompanyNameKey', 'MIN_TOKEN_LENGTH') as number,
    maxAcronymLength: constant(project, 'CompanyNameKey', 'MAX_ACRONYM_LENGTH') as number
  };
}

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** CompanyNameKey.of, line by line. */
export function nameKeyOf(rules: NameKeyRules, companyName: string | null): string | null {
  if (companyName === null || companyName.trim() === '') return null;
  let folded = companyName.toLowerCase();
  if (!ASCII_PRINTABLE.test(folded)) {
    for (const [accented, plain] of rules.fold) folded = folded.split(accented).join(plain);
  }
  folded = folded.split('&').join(' and ');
  const cleaned = folded
    .replace(/[^a-z0-9 ]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  let kept = cleaned
    .split(' ')
    .filter((w) => w.trim() !== '' && !rules.legalForms.has(w) && !rules.structureWords.has(w));
  if (kept.length > 1 && kept[0] === 'the') kept = kept.slice(1);
  if (kept.length === 0) kept = cleaned.split(' ');
  const key = kept.join(' ').trim();
  return key === '' ? null : key.slice(0, 255);
}

export interface Blocks {
  key: string;
  compact: string;
  acronym: string | null;
  token: string | null;
  tokens: string[];
}

/** CompanyNameKey.blocksOf, line by line. */
export function blocksOf(rules: NameKeyRules, companyName: string | null): Blocks | null {
  const key = nameKeyOf(rules, companyName);
  if (key === null) return null;
  const compact = key.split(' ').join('').slice(0, 255);
  const words = key.split(' ').filter((w) => w.trim() !== '' && !rules.blockStopWords.has(w));
  const tokens = words.filter((w) => w.length >= rules.blockMinTokenLength).map((w) => w.slice(0, 80));
  let acronym: string | null = null;
  if (words.length >= 2)
    acronym = words
      .map((w) => w.slice(0, 1))
      .join('')
      .slice(0, 80);
  else if (compact.length >= 2 && compact.length <= rules.maxAcronymLength) acronym = compact;
  return { key, compact, acronym, token: tokens[0] ?? null, tokens };
}

function tokensOf(rules: NameKeyRules, key: string | null): Set<string> {
  return new Set((key ?? '').split(' ').filter((t) => t.length >= rules.minTokenLength));
}

/** SOSL `FIND "<phrase>" IN NAME FIELDS`, approximated as consecutive words of the name. */
function soslPhraseMatches(phrase: string | null, recordName: string): boolean {
  if (phrase === null || phrase.length === 0) return false;
  const words = recordName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const wanted = phrase.split(' ');
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}

export interface SearchOutcome {
  /** Another partner's registration with this name would be a candidate. */
  asRegistration: boolean;
  /** A customer account (or its open opportunity) with this name would be a candidate. */
  asAccount: boolean;
}

/** Whether a deal named `dealName` gets an existing record named `recordName` as a candidate. */
export function candidateSearch(rules: NameKeyRules, dealName: string, recordName: string): SearchOutcome {
  const deal = blocksOf(rules, dealName);
  const record = blocksOf(rules, recordName);
  if (deal === null || record === null) return { asRegistration: false, asAccount: false };
  const sameKey = deal.key === record.key;
  const dealTokens = tokensOf(rules, deal.key);
  const sharesToken = [...tokensOf(rules, record.key)].some((t) => dealTokens.has(t));
  // Compact keys and acronyms are one bind set: either may equal either.
  const dealCompactOrAcronym = new Set([deal.compact, deal.acronym].filter((x) => x !== null));
  const compactOrAcronym =
    dealCompactOrAcronym.has(record.compact) ||
    (record.acronym !== null && dealCompactOrAcronym.has(record.acronym));
  // SOQL over the stored keys of registrations.
  const queried =
    sameKey || compactOrAcronym || (record.token !== null && deal.tokens.includes(record.token));
  // `match`: the pool entry reaches the deal.
  const matched = sameKey || compactOrAcronym || sharesToken;
  const searchable = (t: string | null) => t !== null && t.length >= rules.minTokenLength;
  const searched =
    (searchable(deal.key) && soslPhraseMatches(deal.key.slice(0, 80), recordName)) ||
    (searchable(deal.acronym) && soslPhraseMatches(deal.acronym, recordName)) ||
    (searchable(deal.token) && soslPhraseMatches(deal.token, recordName));
  return { asRegistration: queried && matched, asAccount: searched && matched };
}
