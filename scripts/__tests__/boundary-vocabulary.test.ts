// The shared vocabulary (vocabulary/vocabulary.json) and the copies generated from it: the
// generated Apex, LWC and function modules are current, an invalid vocabulary is refused with the
// field named, the function's lists come from it, and scoring the example is byte-identical to
// the committed response.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIELD_RULES } from '../../functions/deal-scoring/src/engine/fields';
import { DEFAULT_SETTINGS } from '../../functions/deal-scoring/src/engine/settings';
import { isFreeMailDomain } from '../../functions/deal-scoring/src/matching/domains';
import { normalizeName } from '../../functions/deal-scoring/src/matching/normalize';
import { VOCABULARY } from '../../functions/deal-scoring/src/vocabulary';

jest.setTimeout(60_000);

const root = join(__dirname, '..', '..');
const vocabularyFile = join(root, 'vocabulary', 'vocabulary.json');
const vocabulary = JSON.parse(readFileSync(vocabularyFile, 'utf8')) as typeof VOCABULARY;

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function generate(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'generate-vocabulary.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8'
  });
}

/** Runs the generator's --check against a changed copy of the vocabulary. */
function checkWith(change: (v: Record<string, unknown>) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'vocabulary-'));
  temps.push(dir);
  const copy = JSON.parse(readFileSync(vocabularyFile, 'utf8')) as Record<string, unknown>;
  change(copy);
  const file = join(dir, 'vocabulary.json');
  writeFileSync(file, JSON.stringify(copy));
  return generate('--check', '--vocabulary', file);
}

describe('generated vocabulary modules', () => {
  it('are current (npm run generate writes nothing new)', () => {
    const r = generate('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('are reported stale when the vocabulary changes', () => {
    const r = checkWith((v) => {
      v.regions = [...(v.regions as string[]), 'MARS'];
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('classes/shared/DealVocabulary.cls is stale');
    expect(r.stderr).toContain('lwc/dealVocabulary/dealVocabulary.ts is stale');
    expect(r.stderr).toContain('functions/deal-scoring/src/vocabulary.ts is stale');
  });

  it.each([
    [
      'a duplicate legal form',
      (v: Record<string, unknown>) => {
        const lf = v.legalForms as { tokens: string[] };
        lf.tokens.push(lf.tokens[0] as string);
      },
      '/legalForms/tokens'
    ],
    [
      'a status group naming an unknown status',
      (v: Record<string, unknown>) => {
        (v.registrationStatus as { groups: Record<string, string[]> }).groups.ACTIVE?.push('PENDING');
      },
      '/registrationStatus/groups/ACTIVE: unknown status PENDING'
    ],
    [
      'a required field without a label',
      (v: Record<string, unknown>) => {
        (v.requiredFields as string[]).push('customer.dunsNumber');
      },
      'customer.dunsNumber has no entry in fieldLabels'
    ],
    [
      'a default outside its range',
      (v: Record<string, unknown>) => {
        (v.settings as Record<string, { default: number }>).reviewThreshold!.default = 170;
      },
      '/settings/reviewThreshold/default: above maximum 100'
    ],
    [
      'an unknown key',
      (v: Record<string, unknown>) => {
        v.colours = ['red'];
      },
      'colours'
    ]
  ])('refuses %s and names the field', (_what, change, message) => {
    const r = checkWith(change);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
  });
});

describe('the scoring function reads its lists from the vocabulary', () => {
  it('uses the generated module that equals vocabulary.json', () => {
    expect(VOCABULARY).toEqual(vocabulary);
  });

  it('takes required-ness and labels of every field rule from the vocabulary', () => {
    expect(FIELD_RULES.filter((r) => r.required).map((r) => r.field)).toEqual(vocabulary.requiredFields);
    expect(Object.fromEntries(FIELD_RULES.map((r) => [r.field, r.label]))).toEqual(vocabulary.fieldLabels);
  });

  it('takes the setting defaults from the vocabulary', () => {
    for (const [name, value] of Object.entries(DEFAULT_SETTINGS)) {
      expect([name, value]).toEqual([
        name,
        vocabulary.settings[name as keyof typeof vocabulary.settings].default
      ]);
    }
  });

  it('treats every free-mail domain and label of the vocabulary as free mail', () => {
    for (const d of vocabulary.freeMail.domains) expect([d, isFreeMailDomain(d)]).toEqual([d, true]);
    for (const l of vocabulary.freeMail.labels)
      expect([l, isFreeMailDomain(`${l}.example`)]).toEqual([l, true]);
    expect(isFreeMailDomain('acme.com')).toBe(false);
  });

  it('removes every legal form of the vocabulary from a company name', () => {
    for (const form of vocabulary.legalForms.tokens) {
      expect([form, normalizeName(`Quorvex ${form}`).key]).toEqual([form, 'quorvex']);
    }
    for (const phrase of vocabulary.legalForms.phrases) {
      expect([phrase, normalizeName(`Quorvex ${phrase.join(' ')}`).key]).toEqual([phrase, 'quorvex']);
    }
  });
});
