/**
 * Web and email domains: the registrable domain (public suffix list via tldts), so
 * "https://shop.eu.acme.co.uk/x" and "jane@acme.co.uk" both give "acme.co.uk".
 * Same registrable domain = strong evidence; same name under another country suffix
 * ("acme.de" / "acme.com") = related, weaker. Free-mail domains never prove anything.
 */
import { parse } from 'tldts';
import { VOCABULARY } from '../vocabulary';

/** Mail providers anyone can sign up with: a shared address there says nothing about the company. */
const FREE_MAIL: ReadonlySet<string> = new Set(VOCABULARY.freeMail.domains);
/** Providers whose every country variant is free mail (gmail.*, hotmail.*, yahoo.*...). */
const FREE_MAIL_LABELS: ReadonlySet<string> = new Set(VOCABULARY.freeMail.labels);

export interface DomainInfo {
  /** Registrable domain, e.g. "acme.co.uk". */
  domain: string;
  /** The registrable label without the public suffix, e.g. "acme". */
  label: string;
  /** Public suffix, e.g. "co.uk". */
  suffix: string;
  /** Full host name as given (without "www."), e.g. "eu.acme.co.uk". */
  host: string;
  freeMail: boolean;
}

/** True for free-mail domains (gmail.com, outlook.com, yahoo.* ...). */
export function isFreeMailDomain(domain: string): boolean {
  const info = domainInfo(domain);
  return info?.freeMail ?? false;
}

/**
 * Parses a website URL, an email address or a bare domain. Returns undefined when there is no
 * registrable domain (empty, IP address, "localhost", junk).
 */
const cache = new Map<string, DomainInfo | null>();

export function domainInfo(input: string | undefined): DomainInfo | undefined {
  if (!input) return undefined;
  const hit = cache.get(input);
  if (hit !== undefined) return hit ?? undefined;
  const info = parseDomain(input);
  if (cache.size >= 20_000) cache.clear();
  cache.set(input, info ?? null);
  return info;
}

function parseDomain(input: string): DomainInfo | undefined {
  let s = input.trim().toLowerCase();
  if (s.length === 0 || s.length > 255) return undefined;
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.split(/[/?#\s]/, 1)[0] ?? '';
  s = s.replace(/:\d+$/, '').replace(/\.$/, '');
  if (s.startsWith('www.')) s = s.slice(4);
  if (!s) return undefined;
  const parsed = parse(s, { allowPrivateDomains: false });
  if (!parsed.domain || parsed.isIp || !parsed.domainWithoutSuffix || !parsed.publicSuffix) return undefined;
  const domain = parsed.domain;
  const label = parsed.domainWithoutSuffix;
  return {
    domain,
    label,
    suffix: parsed.publicSuffix,
    host: s,
    freeMail: FREE_MAIL.has(domain) || FREE_MAIL_LABELS.has(label)
  };
}

export interface DomainComparison {
  /** 1 same registrable domain, 0.85 same label under another suffix, 0 otherwise. */
  score: number;
  reason?: string;
}

const NO_MATCH: DomainComparison = { score: 0 };

/** Compares two parsed domains. Free-mail domains never match. */
export function compareDomains(a: DomainInfo | undefined, b: DomainInfo | undefined): DomainComparison {
  if (!a || !b || a.freeMail || b.freeMail) return NO_MATCH;
  if (a.domain === b.domain) {
    if (a.host !== b.host) return { score: 1, reason: `same domain ${a.domain} (${a.host} / ${b.host})` };
    return { score: 1, reason: `same domain ${a.domain}` };
  }
  // acme.de vs acme.com: the same name under another country suffix; labels of 3 letters or
  // fewer ("ab.de" / "ab.com") are too often unrelated to count.
  if (a.label === b.label && a.label.length > 3) {
    return {
      score: 0.85,
      reason: `related domains ${a.domain} and ${b.domain} (same name, other country suffix)`
    };
  }
  return NO_MATCH;
}
