// A TypeScript port of how Apex chooses the conflict candidates that reach the matcher, used only
// by boundary-candidate-search.test.ts (Apex cannot run here). Its constants are read from the
// Apex source through the parser (CompanyNameKey.LEGAL_FORMS and FOLD, DealCandidateSelector's
// MIN_TOKEN_LENGTH), and the test runs CompanyNameKeyTest's own examples against the port.
//
// What it models, by name only (the fixture pairs carry no domains):
// - CompanyNameKey.of: lower case, accents folded, "&" -> "and", other punctuation -> space,
//   legal-form and structure words removed anywhere, a leading "the" dropped.
// - DealCandidateSelector: another partner's registration is queried when its stored key equals
//   the deal's key (SOQL `Customer_Name_Key__c IN :nameKeys`; registrations' Name is an
//   auto-number, so SOSL never finds them by customer name); accounts and opportunities are found
//   by SOSL `FIND "<key>" IN NAME FIELDS` (modelled as the key's words appearing consecutively
//   among the record name's words: an approximation of the platform's search, which may also
//   stem); a pooled record reaches the deal when its key equals the deal's key or shares a key
//   word of at least MIN_TOKEN_LENGTH letters (`match`).
import { constant, type ApexProject } from './boundary-apex-model';

export interface NameKeyRules {
  legalForms: ReadonlySet<string>;
  structureWords: ReadonlySet<string>;
  fold: ReadonlyMap<string, string>;
  minTokenLength: number;
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
    minTokenLength: min
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

function tokensOf(rules: NameKeyRules, key: string | null): Set<string> {
  return new Set((key ?? '').split(' ').filter((t) => t.length >= rules.minTokenLength));
}

/** SOSL `FIND "<phrase>" IN NAME FIELDS`, approximated as consecutive words of the name. */
function soslPhraseMatches(phrase: string, recordName: string): boolean {
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
  const dealKey = nameKeyOf(rules, dealName);
  const recordKey = nameKeyOf(rules, recordName);
  const sameKey = dealKey !== null && dealKey === recordKey;
  const dealTokens = tokensOf(rules, dealKey);
  const sharesToken = [...tokensOf(rules, recordKey)].some((t) => dealTokens.has(t));
  const searched =
    dealKey !== null &&
    dealKey.length >= rules.minTokenLength &&
    soslPhraseMatches(dealKey.slice(0, 80), recordName);
  return { asRegistration: sameKey, asAccount: searched && (sameKey || sharesToken) };
}
