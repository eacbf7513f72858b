/**
 * Matching one customer (the deal's) against one candidate record (another registration, an
 * opportunity or an account): name similarity, website/email domains and contact email
 * domains, combined into one calibrated similarity with human reasons.
 */
import { compareDomains, domainInfo, type DomainInfo } from './domains';
import { compareNormalized, describeNameMatch } from './names';
import { normalizeName, type NormalizedName } from './normalize';

export interface MatchSubject {
  name: NormalizedName;
  /** Website / domain of the company. */
  webDomains: DomainInfo[];
  /** Domains seen in contact email addresses. */
  contactDomains: DomainInfo[];
}

export interface CandidateMatch {
  /** 0-1, rounded to 3 decimals. */
  similarity: number;
  reasons: string[];
}

function parsedDomains(values: Array<string | undefined>): DomainInfo[] {
  const out: DomainInfo[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const info = domainInfo(v);
    if (info && !seen.has(info.host)) {
      seen.add(info.host);
      out.push(info);
    }
  }
  return out;
}

/** Prepares the deal's side once (normalization and domain parsing are not repeated per candidate). */
export function prepareSubject(input: {
  name?: string;
  website?: string;
  domain?: string;
  contactEmail?: string;
}): MatchSubject {
  return {
    name: normalizeName(input.name ?? ''),
    webDomains: parsedDomains([input.domain, input.website]),
    contactDomains: parsedDomains([input.contactEmail])
  };
}

/** Prepares a candidate record. */
export function prepareCandidate(input: {
  name: string;
  domain?: string;
  contactDomains?: string[];
}): MatchSubject {
  return {
    name: normalizeName(input.name),
    webDomains: parsedDomains([input.domain]),
    contactDomains: parsedDomains(input.contactDomains ?? [])
  };
}

function bestDomain(a: MatchSubject, b: MatchSubject): { score: number; reason?: string } {
  let best: { score: number; reason?: string } = { score: 0 };
  const consider = (xs: DomainInfo[], ys: DomainInfo[], label: string) => {
    for (const x of xs) {
      for (const y of ys) {
        const c = compareDomains(x, y);
        if (c.score > best.score)
          best = { score: c.score, reason: label ? `${c.reason} (${label})` : c.reason };
      }
    }
  };
  consider(a.webDomains, b.webDomains, '');
  consider(a.webDomains, b.contactDomains, 'candidate contact email');
  consider(a.contactDomains, b.webDomains, 'deal contact email');
  consider(a.contactDomains, b.contactDomains, 'contact emails');
  return best;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Similarity of two prepared subjects. A shared registrable domain lifts the similarity to at
 * least 0.9 (different names, same company web site); a same-name domain under another country
 * suffix (acme.de / acme.com) is weaker evidence and only adds to a similar name. Free-mail
 * domains never count.
 */
export function matchPrepared(a: MatchSubject, b: MatchSubject): CandidateMatch {
  const name = compareNormalized(a.name, b.name);
  const domain = bestDomain(a, b);
  let similarity = name.similarity;
  if (domain.score >= 1) similarity = Math.max(similarity, 0.9 + 0.1 * name.similarity);
  else if (domain.score > 0) similarity = Math.max(similarity, 0.55 + 0.4 * name.similarity);
  const reasons: string[] = [];
  const nameReason = describeNameMatch(name, a.name, b.name);
  if (nameReason) reasons.push(nameReason);
  if (domain.reason) reasons.push(domain.reason);
  return { similarity: round3(Math.min(1, similarity)), reasons };
}
