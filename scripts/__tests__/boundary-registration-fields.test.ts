// The registration field registry (vocabulary.json `registrationFields`) against the copies that
// npm run generate does not write: the field metadata (type, length, precision, scale; never
// required on the object, since drafts save blank), the scoring function's request schema (the
// contract path exists and its text limit holds what the field holds) and the scoring flow's static
// query in DealRegistrationSelector.selectByIds (SCORING_FIELDS: its generated part must not be
// lost to a hand edit).
// The generated parts (permission sets, labels, DTO, mapper, PORTAL_FIELDS, apex.d.ts, dealFields)
// are held by boundary-vocabulary's --check. Each check is also run once on a broken copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { Deal } from '../../functions/deal-scoring/src/schemas';
import { constant, loadApexProject } from './boundary-apex-model';
import { readVocabulary, repoRoot, type RegistryField } from './boundary-support';

const def = join(repoRoot, 'force-app', 'main', 'default');
const registry = readVocabulary().registrationFields;
const copy = (): RegistryField[] => JSON.parse(JSON.stringify(registry.fields)) as RegistryField[];

const fieldFile = (api: string) => join(def, 'objects', registry.object, 'fields', `${api}.field-meta.xml`);
function fieldXml(api: string): string | undefined {
  try {
    return readFileSync(fieldFile(api), 'utf8');
  } catch {
    return undefined;
  }
}
const tag = (xml: string, name: string): string | undefined =>
  xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1];

/** Lengths the platform gives types whose metadata states none. */
const IMPLICIT_LENGTH: Record<string, number> = { Url: 255, Email: 80, Phone: 40 };

/** Where a registry field and its field-meta.xml disagree, each naming the field. */
function metadataProblems(fields: RegistryField[], read: (api: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const f of fields) {
    const xml = read(f.field);
    if (xml === undefined) {
      problems.push(`${f.field}: no field-meta.xml`);
      continue;
    }
    const type = tag(xml, 'type');
    if (type !== f.type) problems.push(`${f.field}: type ${type} in the metadata, ${f.type} in the registry`);
    for (const key of ['length', 'precision', 'scale'] as const) {
      const meta = tag(xml, key);
      const want = f[key];
      if ((meta === undefined ? undefined : Number(meta)) !== want)
        problems.push(
          `${f.field}: ${key} ${meta ?? 'none'} in the metadata, ${want ?? 'none'} in the registry`
        );
    }
    if (tag(xml, 'required') === 'true')
      problems.push(`${f.field}: required on the object, but a draft must save without it`);
  }
  return problems;
}

/** The schema of a contract path ("contact.title") in the function's deal, or undefined. */
function contractSchema(path: string): TSchema | undefined {
  const [section, name] = path.split('.') as [string, string];
  const props = (Deal.properties as Record<string, TSchema>)[section]?.properties as
    | Record<string, TSchema>
    | undefined;
  return props?.[name];
}

/** Contract paths the function does not know, and text limits below what the field holds. */
function contractProblems(fields: RegistryField[]): string[] {
  const problems: string[] = [];
  for (const f of fields) {
    if (f.contractPath === undefined) continue;
    const schema = contractSchema(f.contractPath);
    if (!schema) {
      problems.push(`${f.field}: ${f.contractPath} is not in the function's deal schema`);
      continue;
    }
    if (schema.type !== 'string' || typeof schema.maxLength !== 'number') continue; // numbers, lists
    const holds = f.length ?? IMPLICIT_LENGTH[f.type];
    if (holds === undefined) continue;
    // Text fields: the same limit. Url/Email/Phone: the function may accept more than the platform holds.
    const ok = f.length !== undefined ? schema.maxLength === holds : schema.maxLength >= holds;
    if (!ok)
      problems.push(
        `${f.field}: ${f.contractPath} maxLength ${schema.maxLength} in src/schemas.ts, the field holds ${holds}`
      );
  }
  return problems;
}

/** DealRegistrationSelector.SCORING_FIELDS, the select list of selectByIds, as the Apex model evaluates it. */
function scoringFields(): string[] {
  const value = constant(loadApexProject(), 'DealRegistrationSelector', 'SCORING_FIELDS');
  if (!Array.isArray(value))
    throw new Error('DealRegistrationSelector.SCORING_FIELDS is not a list constant');
  return value.map(String);
}

/** Registry fields sent to the function (a contract path) that the scoring query does not select. */
function scoringQueryProblems(fields: RegistryField[], selected: string[]): string[] {
  return fields
    .filter((f) => f.contractPath !== undefined && !selected.includes(f.field))
    .map((f) => `${f.field}: sent to the function as ${f.contractPath}, not selected by selectByIds`);
}

describe('the registration field registry agrees with the field metadata', () => {
  it('type, length, precision and scale of every field; none is required on the object', () => {
    expect(registry.fields.length).toBeGreaterThan(15);
    expect(metadataProblems(registry.fields, fieldXml)).toEqual([]);
  });

  it('names the field when they differ (a broken copy)', () => {
    const fields = copy();
    fields.find((f) => f.field === 'Contact_Title__c')!.length = 128;
    fields.find((f) => f.field === 'Deal_Value__c')!.type = 'Number';
    fields.push({ ...fields[0]!, field: 'Customer_LEI__c' });
    expect(metadataProblems(fields, fieldXml)).toEqual([
      'Deal_Value__c: type Currency in the metadata, Number in the registry',
      'Contact_Title__c: length 120 in the metadata, 128 in the registry',
      'Customer_LEI__c: no field-meta.xml'
    ]);
    const required = (api: string) => fieldXml(api)?.replace('<required>false', '<required>true');
    expect(metadataProblems(registry.fields.slice(0, 1), required)).toEqual([
      'Customer_Name__c: required on the object, but a draft must save without it'
    ]);
  });
});

describe("the registration field registry agrees with the function's request schema", () => {
  it('every contract path exists, and its text limit holds what the field holds', () => {
    expect(contractProblems(registry.fields)).toEqual([]);
  });

  it('names the field when they differ (a broken copy)', () => {
    const fields = copy();
    fields.find((f) => f.field === 'Contact_Title__c')!.length = 128;
    fields.find((f) => f.field === 'Contact_Phone__c')!.contractPath = 'contact.mobile';
    expect(contractProblems(fields)).toEqual([
      "Contact_Phone__c: contact.mobile is not in the function's deal schema",
      'Contact_Title__c: contact.title maxLength 120 in src/schemas.ts, the field holds 128'
    ]);
  });
});

describe('the scoring flow selects every field it sends', () => {
  it('DealRegistrationSelector.selectByIds (SCORING_FIELDS) selects every registry field with a contract path', () => {
    const selected = scoringFields();
    expect(selected).toContain('Customer_Name__c');
    expect(scoringQueryProblems(registry.fields, selected)).toEqual([]);
  });

  it('names the field the query forgets (a broken copy)', () => {
    const selected = scoringFields().filter((f) => f !== 'Contact_Title__c');
    expect(scoringQueryProblems(registry.fields, selected)).toEqual([
      'Contact_Title__c: sent to the function as contact.title, not selected by selectByIds'
    ]);
  });
});
