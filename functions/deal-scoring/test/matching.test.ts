import fc from 'fast-check';
import { boundedDistance, withinOneEdit } from '../src/matching/distance';
import { compareDomains, domainInfo, isFreeMailDomain } from '../src/matching/domains';
import { matchPrepared, prepareCandidate, prepareSubject } from '../src/matching/match';
import { compareNames } from '../src/matching/names';
import { nameKey, normalizeName } from '../src/matching/normalize';
import { isCalendarDate } from '../src/validation';

/** Reference optimal-string-alignment distance (unbounded, textbook). */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe('edit distances', () => {
  it('withinOneEdit agrees with the textbook optimal-string-alignment distance', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(letters, letters, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osa(a, b) <= 1);
      }),
      { numRuns: 3000 }
    );
  });

  it('counts a swap of adjacent letters as one edit', () => {
    expect(withinOneEdit('oracle', 'oracel')).toBe(true);
    expect(withinOneEdit('salesforce', 'salesfroce')).toBe(true);
    expect(withinOneEdit('acme', 'emca')).toBe(false);
  });

  it('boundedDistance is Levenshtein, capped at max + 1', () => {
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3);
    expect(boundedDistance('same', 'same', 0)).toBe(0);
  });
});

describe('normalizeName', () => {
  it.each([
    ['The ACME Corp. (EMEA)', 'acme'],
    ['Société Générale S.A.', 'societe generale'],
    ['Deutsche Börse AG', 'deutsche borse'],
    ['Toshiba Kabushiki Kaisha', 'toshiba'],
    ['PT Bank Mandiri (Persero) Tbk', 'bank mandiri'],
    ['Acme Deutschland GmbH', 'acme'],
    ['Toyota Motor North America, Inc.', 'toyota motor'],
    ['Enel S.p.A.', 'enel'],
    ['Heineken N.V.', 'heineken'],
    ['Atlassian Pty Ltd', 'atlassian'],
    ['Procter & Gamble Co.', 'procter gamble'],
    ['Bank of America, N.A.', 'bank america'],
    ['Air France', 'air france']
  ])('%s -> %s', (raw, key) => {
    expect(normalizeName(raw).key).toBe(key);
  });

  it('keeps the region when it is the name itself', () => {
    expect(normalizeName('Bank of China').key).toBe('bank china');
    expect(normalizeName('Royal Bank of Canada').key).toBe('royal bank canada');
  });

  it('never throws and gives an empty key for symbol-only input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const n = normalizeName(s);
        expect(typeof n.key).toBe('string');
      })
    );
    expect(nameKey('  ---  ')).toBe('');
  });
});

describe('compareNames', () => {
  it('explains matches', () => {
    expect(compareNames('Acme Corp', 'ACME Corporation').signal).toBe('legal-form');
    expect(compareNames('IBM', 'International Business Machines').signal).toBe('acronym');
    expect(compareNames('Acme GmbH', 'Acme Germany').signal).toBe('region');
    expect(compareNames('Quitzon Group', 'Group Quitzon').similarity).toBeGreaterThanOrEqual(0.95);
  });

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const x = compareNames(a, b).similarity;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 }
    );
    expect(compareNames('Deutsche Bank', 'Deutsche Börse').similarity).toBe(
      compareNames('Deutsche Börse', 'Deutsche Bank').similarity
    );
  });
});

describe('domains', () => {
  it('parses websites, emails and subdomains to the registrable domain', () => {
    expect(domainInfo('https://shop.eu.acme.co.uk/path?q=1')?.domain).toBe('acme.co.uk');
    expect(domainInfo('jane@sales.acme.com')?.domain).toBe('acme.com');
    expect(domainInfo('WWW.Acme.DE')?.domain).toBe('acme.de');
    expect(domainInfo('localhost')).toBeUndefined();
    expect(domainInfo('10.0.0.1')).toBeUndefined();
    expect(domainInfo('')).toBeUndefined();
  });

  it('treats free-mail domains as no evidence', () => {
    expect(isFreeMailDomain('someone@gmail.com')).toBe(true);
    expect(isFreeMailDomain('x@yahoo.co.uk')).toBe(true);
    expect(isFreeMailDomain('x@outlook.de')).toBe(true);
    expect(compareDomains(domainInfo('gmail.com'), domainInfo('gmail.com')).score).toBe(0);
  });

  it('scores same domain above a country-suffix sibling', () => {
    const same = compareDomains(domainInfo('eu.acme.com'), domainInfo('acme.com'));
    const sibling = compareDomains(domainInfo('acme.de'), domainInfo('acme.com'));
    expect(same.score).toBe(1);
    expect(same.reason).toContain('same domain acme.com');
    expect(sibling.score).toBeGreaterThan(0);
    expect(sibling.score).toBeLessThan(1);
    expect(sibling.reason).toContain('related domains');
  });
});

describe('matchPrepared', () => {
  it('lifts a weak name match when the web domain is shared and says why', () => {
    const m = matchPrepared(
      prepareSubject({ name: 'Alphabet Inc.', website: 'https://abc.xyz' }),
      prepareCandidate({ name: 'Google LLC', domain: 'abc.xyz' })
    );
    expect(m.similarity).toBeGreaterThanOrEqual(0.9);
    expect(m.reasons).toContain('same domain abc.xyz');
  });

  it('never matches on a shared free-mail contact domain alone', () => {
    const m = matchPrepared(
      prepareSubject({ name: 'Nordwind Logistik', contactEmail: 'a@gmail.com' }),
      prepareCandidate({ name: 'Blue Harbor Foods', contactDomains: ['gmail.com'] })
    );
    expect(m.similarity).toBeLessThan(0.5);
  });

  it('lowers a fuzzy name match when both web domains are unrelated, not an exact one', () => {
    const fuzzy = matchPrepared(
      prepareSubject({ name: 'Dafimo GmbH', domain: 'dafimo.io' }),
      prepareCandidate({ name: 'Rafimo GmbH', domain: 'rafimo.de' })
    );
    const noDomains = matchPrepared(
      prepareSubject({ name: 'Dafimo GmbH' }),
      prepareCandidate({ name: 'Rafimo GmbH' })
    );
    expect(fuzzy.similarity).toBeLessThan(noDomains.similarity);
    expect(fuzzy.reasons.join(' ')).toContain('different web domains');
    const exact = matchPrepared(
      prepareSubject({ name: 'Acme GmbH', domain: 'acme-maschinen.de' }),
      prepareCandidate({ name: 'ACME Corporation', domain: 'acme.com' })
    );
    expect(exact.similarity).toBeGreaterThanOrEqual(0.95);
  });

  it('uses contact email domains', () => {
    const m = matchPrepared(
      prepareSubject({ name: 'Acme', contactEmail: 'jane@acme-industries.com' }),
      prepareCandidate({ name: 'Acme Industries Holding', contactDomains: ['acme-industries.com'] })
    );
    expect(m.similarity).toBeGreaterThanOrEqual(0.9);
    expect(m.reasons.join(' ')).toContain('acme-industries.com');
  });
});

describe('isCalendarDate', () => {
  it('accepts a real date from every week of 1900-2199 and rejects impossible ones and other years', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2199, 11, 31); t += 86_400_000 * 7) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(isCalendarDate(iso)).toBe(true);
    }
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    // A sane range: year 0 and 9999 are typos, not plans.
    for (const d of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])
      expect(isCalendarDate(d)).toBe(false);
    expect(isCalendarDate('1900-01-01')).toBe(true);
    expect(isCalendarDate('2199-12-31')).toBe(true);
  });
});
