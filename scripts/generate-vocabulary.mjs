#!/usr/bin/env node
// `npm run generate`: writes every copy of vocabulary/vocabulary.json that another language needs:
//   force-app/main/default/classes/shared/DealVocabulary.cls (+ -meta.xml, + DealVocabularyTest.cls)
//   force-app/main/default/lwc/dealVocabulary/dealVocabulary.ts (+ .js-meta.xml)
//   functions/deal-scoring/src/vocabulary.ts
// and, from the registration field registry (`registrationFields`), the generated parts of
// hand-written files (scripts/generate-registration-fields.mjs: permission sets, custom labels,
// the portal DTO, mapper, selector field list and DealPortalDraft in types/lwc/apex.d.ts).
// The vocabulary is validated against its schema first; an invalid file names the field and stops.
// `--check` writes nothing and exits 1 when a generated file differs from what it would write
// (the boundary test runs it). `--vocabulary <file>` reads another file (for tests).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import {
  IN_PLACE,
  RegistrationFieldsSchema,
  deriveVocabulary,
  permissionSetPath,
  registryErrors,
  rewritePermissionSet
} from './generate-registration-fields.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const vocabArg = args.indexOf('--vocabulary');
const vocabularyPath =
  vocabArg >= 0 ? resolve(args[vocabArg + 1] ?? '') : join(root, 'vocabulary/vocabulary.json');

// ---------------------------------------------------------------------------------------------
// Schema
const UpperName = Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' });
const Values = (pattern) => Type.Array(Type.String({ pattern }), { minItems: 1, uniqueItems: true });
const Constants = Values('^[A-Z][A-Z0-9_]*$');
const Setting = Type.Object(
  {
    /** null: no built-in value (a blank setting lets the function choose). */
    default: Type.Union([Type.Number(), Type.Boolean(), Type.String(), Type.Null()]),
    type: Type.Union([
      Type.Literal('integer'),
      Type.Literal('number'),
      Type.Literal('boolean'),
      Type.Literal('string')
    ]),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
    /** A string setting that takes one of these values (an enum in the function's schema). */
    values: Type.Optional(Constants),
    metadataField: Type.String({ pattern: '^[A-Z][A-Za-z0-9_]*__c$' }),
    sentToFunction: Type.Boolean(),
    description: Type.String({ minLength: 1 })
  },
  { additionalProperties: false }
);
const VocabularySchema = Type.Object(
  {
    registrationStatus: Type.Object(
      {
        values: Type.Record(UpperName, Type.String({ minLength: 1, maxLength: 255 })),
        groups: Type.Record(UpperName, Type.Array(UpperName, { uniqueItems: true }))
      },
      { additionalProperties: false }
    ),
    triageStatus: Constants,
    confidence: Constants,
    recommendedAction: Constants,
    factorCategory: Constants,
    candidateKind: Values('^[a-z]+$'),
    regions: Constants,
    partnerTiers: Constants,
    /** Every partner-facing registration field once; requiredFields and fieldLabels derive from it. */
    registrationFields: RegistrationFieldsSchema,
    legalForms: Type.Object(
      {
        tokens: Values('^[a-z0-9]+$'),
        phrases: Type.Array(Values('^[a-z0-9]+$'), { minItems: 1 }),
        leading: Values('^[a-z0-9]+$')
      },
      { additionalProperties: false }
    ),
    freeMail: Type.Object(
      {
        domains: Values('^[a-z0-9-]+(\\.[a-z0-9-]+)+$'),
        labels: Values('^[a-z0-9-]+$')
      },
      { additionalProperties: false }
    ),
    settings: Type.Record(Type.String({ pattern: '^[a-z][A-Za-z]*$' }), Setting)
  },
  { additionalProperties: false }
);

/** Schema errors plus the cross-references a schema cannot express, each naming the field. */
export function vocabularyErrors(v) {
  const errors = [...Value.Errors(VocabularySchema, v)].map((e) => `${e.path || '/'}: ${e.message}`);
  if (errors.length > 0) return errors;
  const statuses = Object.keys(v.registrationStatus.values);
  for (const [group, members] of Object.entries(v.registrationStatus.groups)) {
    for (const m of members) {
      if (!statuses.includes(m)) errors.push(`/registrationStatus/groups/${group}: unknown status ${m}`);
    }
  }
  errors.push(...registryErrors(v.registrationFields));
  for (const [name, s] of Object.entries(v.settings)) {
    const expected = s.type === 'boolean' ? 'boolean' : s.type === 'string' ? 'string' : 'number';
    const nullable = s.type === 'string';
    if (typeof s.default !== expected && !(nullable && s.default === null))
      errors.push(`/settings/${name}/default: must be a ${s.type}${nullable ? ' or null' : ''}`);
    if (typeof s.default === 'string' && s.maxLength !== undefined && s.default.length > s.maxLength)
      errors.push(`/settings/${name}/default: longer than maxLength ${s.maxLength}`);
    if (s.values !== undefined && (s.type !== 'string' || !s.values.includes(s.default)))
      errors.push(`/settings/${name}/default: must be one of values (${s.values.join(', ')})`);
    if (s.type === 'integer' && !Number.isInteger(s.default))
      errors.push(`/settings/${name}/default: must be an integer`);
    if (typeof s.default === 'number' && s.minimum !== undefined && s.default < s.minimum)
      errors.push(`/settings/${name}/default: below minimum ${s.minimum}`);
    if (typeof s.default === 'number' && s.maximum !== undefined && s.default > s.maximum)
      errors.push(`/settings/${name}/default: above maximum ${s.maximum}`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Renderers
const HEADER =
  'Generated from vocabulary/vocabulary.json by scripts/generate-vocabulary.mjs (npm run generate). Do not edit.';
const apexString = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const constName = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
/** An Apex literal of a setting value: Decimal integers beyond the Integer range need a decimal point. */
const apexNumber = (n, type) =>
  type === 'number' && Number.isInteger(n) && Math.abs(n) > 2147483647 ? `${n}.0` : String(n);
const apexSet = (items) => `new Set<String>{ ${items.join(', ')} }`;
const apexList = (items) => `new List<String>{ ${items.join(', ')} }`;

function apexEnumBlock(title, prefix, values) {
  const lines = [`  // ${title}`];
  for (const value of values)
    lines.push(`  public static final String ${prefix}_${constName(value)} = ${apexString(value)};`);
  lines.push(`  /** @description Every ${title.toLowerCase()} value, in picklist order. */`);
  lines.push(
    `  public static final List<String> ${prefix}_VALUES = ${apexList(values.map((x) => `${prefix}_${constName(x)}`))};`
  );
  return lines.join('\n');
}

function renderApex(v) {
  const s = v.registrationStatus;
  const out = [
    `/**`,
    ` * @description The shared vocabulary of the package and the scoring function: picklist values,`,
    ` * required fields, legal forms, free-mail domains and setting defaults.`,
    ` * ${HEADER}`,
    ` */`,
    `public inherited sharing class DealVocabulary {`,
    `  // Registration status (Deal_Registration__c.Status__c)`
  ];
  for (const [name, value] of Object.entries(s.values))
    out.push(`  public static final String STATUS_${name} = ${apexString(value)};`);
  out.push(`  /** @description Every registration status, in picklist order. */`);
  out.push(
    `  public static final List<String> STATUS_VALUES = ${apexList(Object.keys(s.values).map((n) => `STATUS_${n}`))};`
  );
  for (const [group, members] of Object.entries(s.groups)) {
    out.push(
      `  public static final Set<String> STATUS_${group} = ${apexSet(members.map((n) => `STATUS_${n}`))};`
    );
  }
  out.push(apexEnumBlock('Triage status', 'TRIAGE', v.triageStatus));
  out.push(apexEnumBlock('Confidence', 'CONFIDENCE', v.confidence));
  out.push(apexEnumBlock('Recommended action', 'ACTION', v.recommendedAction));
  out.push(apexEnumBlock('Factor category', 'FACTOR', v.factorCategory));
  out.push(apexEnumBlock('Candidate kind', 'KIND', v.candidateKind));
  out.push(apexEnumBlock('Region', 'REGION', v.regions));
  out.push(apexEnumBlock('Partner tier', 'TIER', v.partnerTiers));
  out.push(`  /** @description Contract paths a registration needs before it can be decided. */`);
  out.push(
    `  public static final List<String> REQUIRED_FIELDS = ${apexList(v.requiredFields.map(apexString))};`
  );
  out.push(`  /** @description Partner-facing label of each contract path. */`);
  out.push(
    `  public static final Map<String, String> FIELD_LABELS = new Map<String, String>{ ${Object.entries(
      v.fieldLabels
    )
      .map(([k, l]) => `${apexString(k)} => ${apexString(l)}`)
      .join(', ')} };`
  );
  out.push(`  /** @description Legal-form words (lower case, after folding) removed from company names. */`);
  out.push(
    `  public static final Set<String> LEGAL_FORMS = ${apexSet(v.legalForms.tokens.map(apexString))};`
  );
  out.push(`  /** @description Mail providers anyone can sign up with. */`);
  out.push(
    `  public static final Set<String> FREE_MAIL_DOMAINS = ${apexSet(v.freeMail.domains.map(apexString))};`
  );
  out.push(`  /** @description Providers whose every country domain is free mail (gmail.*, yahoo.*). */`);
  out.push(
    `  public static final Set<String> FREE_MAIL_LABELS = ${apexSet(v.freeMail.labels.map(apexString))};`
  );
  out.push(`  // Setting defaults (Deal_Scoring_Setting__mdt)`);
  for (const [name, setting] of Object.entries(v.settings)) {
    const type = { boolean: 'Boolean', integer: 'Integer', number: 'Decimal', string: 'String' }[
      setting.type
    ];
    const value =
      setting.default === null
        ? 'null'
        : setting.type === 'string'
          ? apexString(setting.default)
          : apexNumber(setting.default, setting.type);
    out.push(`  /** @description ${setting.description} */`);
    out.push(`  public static final ${type} DEFAULT_${constName(name)} = ${value};`);
    if (setting.values !== undefined)
      out.push(
        `  public static final List<String> ${constName(name)}_VALUES = ${apexList(setting.values.map(apexString))};`
      );
    if (setting.maximum !== undefined && setting.type !== 'boolean' && setting.type !== 'string')
      out.push(
        `  public static final ${type} MAX_${constName(name)} = ${apexNumber(setting.maximum, setting.type)};`
      );
  }
  out.push('}');
  return out.join('\n') + '\n';
}

function renderApexTest(v) {
  const groups = Object.keys(v.registrationStatus.groups);
  return `/**
 * @description Checks the generated DealVocabulary is consistent.
 * ${HEADER}
 */
@IsTest
private class DealVocabularyTest {
  @IsTest
  static void statusGroupsHoldOnlyKnownStatuses() {
    Set<String> known = new Set<String>(DealVocabulary.STATUS_VALUES);
    Assert.areEqual(${Object.keys(v.registrationStatus.values).length}, known.size(), 'distinct statuses');
${groups.map((g) => `    Assert.isTrue(known.containsAll(DealVocabulary.STATUS_${g}), '${g}');`).join('\n')}
  }

  @IsTest
  static void everyRequiredFieldHasALabel() {
    Assert.areEqual(${v.requiredFields.length}, DealVocabulary.REQUIRED_FIELDS.size(), 'required fields');
    for (String path : DealVocabulary.REQUIRED_FIELDS) {
      Assert.isTrue(String.isNotBlank(DealVocabulary.FIELD_LABELS.get(path)), path);
    }
  }
}
`;
}

const tsConst = (value) => JSON.stringify(value, null, 2).replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:');

function renderLwc(v) {
  const defaults = Object.fromEntries(Object.entries(v.settings).map(([k, s]) => [k, s.default]));
  return `/**
 * The shared vocabulary for Lightning Web Components (import from 'c/dealVocabulary').
 * ${HEADER}
 */

/** Registration status picklist values by constant name. */
export const STATUS = ${tsConst(v.registrationStatus.values)} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

/** Status groups: INITIAL, ACTIVE (still claims its customer), REVIEWABLE, DECIDED. */
export const STATUS_GROUPS: { readonly [group: string]: readonly Status[] } = {
${Object.entries(v.registrationStatus.groups)
  .map(([g, members]) => `  ${g}: [${members.map((m) => `STATUS.${m}`).join(', ')}]`)
  .join(',\n')}
};

export const TRIAGE = ${tsConst(v.triageStatus)} as const;
export type Triage = (typeof TRIAGE)[number];

export const CONFIDENCE = ${tsConst(v.confidence)} as const;
export type Confidence = (typeof CONFIDENCE)[number];

export const RECOMMENDED_ACTIONS = ${tsConst(v.recommendedAction)} as const;
export type RecommendedAction = (typeof RECOMMENDED_ACTIONS)[number];

export const FACTOR_CATEGORIES = ${tsConst(v.factorCategory)} as const;
export type FactorCategory = (typeof FACTOR_CATEGORIES)[number];

export const REGIONS = ${tsConst(v.regions)} as const;
export type Region = (typeof REGIONS)[number];

export const TIERS = ${tsConst(v.partnerTiers)} as const;
export type Tier = (typeof TIERS)[number];

/** Contract paths a registration needs before it can be decided ("customer.name", ...). */
export const REQUIRED_FIELDS = ${tsConst(v.requiredFields)} as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

/** Partner-facing label of each contract path. */
export const FIELD_LABELS = ${tsConst(v.fieldLabels)} as const;
export type FieldPath = keyof typeof FIELD_LABELS;

/** Default of each Deal_Scoring_Setting__mdt value. */
export const SETTING_DEFAULTS = ${tsConst(defaults)} as const;
`;
}

function renderFunction(v) {
  const { $schema: _ignored, ...data } = v;
  return `/**
 * The shared vocabulary for the scoring function.
 * ${HEADER}
 */
export const VOCABULARY = ${tsConst(data)} as const;

export type SettingName = keyof typeof VOCABULARY.settings;
`;
}

const LWC_META = `<?xml version="1.0" encoding="UTF-8" ?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>62.0</apiVersion>
  <isExposed>false</isExposed>
</LightningComponentBundle>
`;
const APEX_META = `<?xml version="1.0" encoding="UTF-8" ?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>62.0</apiVersion>
  <status>Active</status>
</ApexClass>
`;

export const OUTPUTS = {
  'force-app/main/default/classes/shared/DealVocabulary.cls': renderApex,
  'force-app/main/default/classes/shared/DealVocabulary.cls-meta.xml': () => APEX_META,
  'force-app/main/default/classes/shared/DealVocabularyTest.cls': renderApexTest,
  'force-app/main/default/classes/shared/DealVocabularyTest.cls-meta.xml': () => APEX_META,
  'force-app/main/default/lwc/dealVocabulary/dealVocabulary.ts': renderLwc,
  'force-app/main/default/lwc/dealVocabulary/dealVocabulary.js-meta.xml': () => LWC_META,
  'functions/deal-scoring/src/vocabulary.ts': renderFunction
};

async function format(path, text) {
  const file = join(root, path);
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** Each registry field whose permission in the set differs from the registry, named (for --check). */
function permissionDifferences(current, wanted, registry, set) {
  const grant = (text, field) => {
    const m = text.match(
      new RegExp(
        `<editable>(true|false)</editable>\\s*<field>${registry.object}\\.${field}</field>\\s*<readable>(true|false)</readable>`
      )
    );
    return !m ? 'nothing' : m[1] === 'true' ? 'edit' : m[2] === 'true' ? 'read' : 'nothing';
  };
  return registry.fields
    .map((f) => [f.field, grant(current, f.field), grant(wanted, f.field)])
    .filter(([, has, should]) => has !== should)
    .map(
      ([field, has, should]) =>
        `${registry.object}.${field}: ${set} grants ${has}, the registry says ${should}`
    );
}

async function main() {
  let vocabulary;
  try {
    vocabulary = JSON.parse(readFileSync(vocabularyPath, 'utf8'));
  } catch (err) {
    console.error(`${relative(process.cwd(), vocabularyPath)}: cannot read: ${err.message}`);
    return 1;
  }
  const errors = vocabularyErrors(vocabulary);
  if (errors.length > 0) {
    for (const e of errors) console.error(`${relative(process.cwd(), vocabularyPath)}${e}`);
    return 1;
  }
  const derived = deriveVocabulary(vocabulary);
  const registry = vocabulary.registrationFields;
  let stale = 0;
  const write = (path, text, current, details = []) => {
    if (current === text) return;
    if (checkOnly) {
      console.error(`${path} is stale: run npm run generate`);
      for (const d of details) console.error(`  ${d}`);
      stale++;
    } else {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${path}`);
    }
  };
  const read = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);
  for (const [path, render] of Object.entries(OUTPUTS)) {
    write(path, await format(path, render(derived)), read(path));
  }
  for (const [path, rewrite] of Object.entries(IN_PLACE)) {
    const current = read(path);
    if (current === undefined) throw new Error(`${path}: missing`);
    write(path, await format(path, rewrite(current, path, registry)), current);
  }
  for (const set of registry.permissionSets) {
    const path = permissionSetPath(set);
    const current = read(path);
    if (current === undefined) throw new Error(`${path}: missing`);
    const text = await format(path, rewritePermissionSet(current, path, registry, set));
    write(path, text, current, permissionDifferences(current, text, registry, set));
  }
  return stale > 0 ? 1 : 0;
}

process.exitCode = await main();
