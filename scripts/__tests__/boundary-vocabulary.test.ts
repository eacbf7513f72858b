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
import { readVocabulary, type RegistryField } from './boundary-support';

jest.setTimeout(60_000);

const root = join(__dirname, '..', '..');
const vocabularyFile = join(root, 'vocabulary', 'vocabulary.json');
const vocabulary = readVocabulary();

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

/** The registry's field list in a vocabulary copy. */
const registryOf = (v: Record<string, unknown>) =>
  (v.registrationFields as { fields: RegistryField[] }).fields;

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

  it('reports the permission set and the field whose grant differs from the registry', () => {
    const r = checkWith((v) => {
      registryOf(v).find((f) => f.field === 'Customer_Domain__c')!.access.Deal_Registration_Manager = 'edit';
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('permissionsets/Deal_Registration_Manager.permissionset-meta.xml is stale');
    expect(r.stderr).toContain(
      'Deal_Registration__c.Customer_Domain__c: Deal_Registration_Manager grants read, the registry says edit'
    );
    expect(r.stderr).not.toContain('Deal_Registration_Admin');
  });

  it('reports a removed grant, a changed label and a new portal field in every generated part', () => {
    const r = checkWith((v) => {
      const fields = registryOf(v);
      delete fields.find((f) => f.field === 'Customer_Domain__c')!.access.Deal_Registration_Admin;
      fields.find((f) => f.field === 'Contact_Title__c')!.help = 'Their job title.';
      fields.push({
        field: 'Customer_LEI__c',
        draftKey: 'customerLei',
        type: 'Text',
        length: 20,
        required: false,
        description: 'Legal entity identifier.',
        labelName: 'Customer_LEI',
        label: 'Legal entity identifier',
        help: 'Twenty characters.',
        partnerEditable: true,
        access: { Deal_Registration_Partner: 'edit' }
      });
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Deal_Registration__c.Customer_Domain__c: Deal_Registration_Admin grants read, the registry says nothing'
    );
    expect(r.stderr).toContain(
      'Deal_Registration__c.Customer_LEI__c: Deal_Registration_Partner grants nothing, the registry says edit'
    );
    for (const file of [
      'labels/CustomLabels.labels-meta.xml',
      'classes/registration/DealPortalDto.cls',
      'classes/registration/DealPortalMapper.cls',
      'classes/registration/DealPortalValidator.cls',
      'classes/registration/DealRegistrationSelector.cls',
      'types/lwc/apex.d.ts'
    ])
      expect(r.stderr).toContain(`${file} is stale`);
    expect(r.stderr).not.toContain('Deal_Scoring_Integration.permissionset-meta.xml');
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
      'a required field without a contract label',
      (v: Record<string, unknown>) => {
        registryOf(v).find((f) => f.field === 'Partner_Response__c')!.required = true;
      },
      '(Partner_Response__c)/required: a required field needs a contractPath and a contractLabel'
    ],
    [
      'a partner-editable field the partner set does not let the partner edit',
      (v: Record<string, unknown>) => {
        registryOf(v).find((f) => f.field === 'Contact_Title__c')!.access.Deal_Registration_Partner = 'read';
      },
      '(Contact_Title__c)/access: partnerEditable, so Deal_Registration_Partner must grant edit'
    ],
    [
      'a grant to an unknown permission set',
      (v: Record<string, unknown>) => {
        registryOf(v).find((f) => f.field === 'Contact_Title__c')!.access.Deal_Registration_Guest = 'read';
      },
      '(Contact_Title__c)/access: unknown permission set Deal_Registration_Guest'
    ],
    [
      'a text field without a length',
      (v: Record<string, unknown>) => {
        delete registryOf(v).find((f) => f.field === 'Contact_Title__c')!.length;
      },
      '(Contact_Title__c)/length: a Text needs one'
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
  it('uses the generated module that equals vocabulary.json (required fields and labels from the registry)', () => {
    const { registrationFields: _registry, ...forFunction } = vocabulary;
    expect(VOCABULARY).toEqual(forFunction);
  });

  it('takes required-ness and labels of every field rule from the vocabulary', () => {
    expect(FIELD_RULES.filter((r) => r.required).map((r) => r.field)).toEqual(vocabulary.requiredFields);
    expect(Object.fromEntries(FIELD_RULES.map((r) => [r.field, r.label]))).toEqual(vocabulary.fieldLabels);
  });

  it('takes the setting defaults from the vocabulary', () => {
    for (const [name, value] of Object.entries(DEFAULT_SETTINGS)) {
      expect([name, value]).toEqual([name, vocabulary.settings[name]?.default]);
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
