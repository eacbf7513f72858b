// Every hand-written copy of the shared vocabulary agrees with vocabulary/vocabulary.json:
// picklist values, the Deal_Scoring_Setting__mdt fields and Default record, the Apex constants
// (DealStatus, DealScoringSettings and any String collection constant that copies a list), the
// LWC lists and custom labels named after values, and the enums of openapi.json.
// Besides the named copies, each check also scans for new copies: any list that shares two or
// more values with a vocabulary list must be that list.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ts from 'typescript';
import { apexClass, constant, evaluate, filesUnder, loadApexProject } from './boundary-apex-model';
import { readVocabulary, repoRoot } from './boundary-support';
import { RULESET_VERSION } from '../../functions/deal-scoring/src/version';

jest.setTimeout(120_000);

const vocabulary = readVocabulary();
const def = join(repoRoot, 'force-app', 'main', 'default');
const statusValues = Object.values(vocabulary.registrationStatus.values);

/** The vocabulary lists a copy elsewhere must equal. */
const LISTS: Record<string, readonly string[]> = {
  registrationStatus: statusValues,
  triageStatus: vocabulary.triageStatus,
  confidence: vocabulary.confidence,
  recommendedAction: vocabulary.recommendedAction,
  factorCategory: vocabulary.factorCategory,
  candidateKind: vocabulary.candidateKind,
  regions: vocabulary.regions,
  partnerTiers: vocabulary.partnerTiers,
  requiredFields: vocabulary.requiredFields,
  legalForms: vocabulary.legalForms.tokens,
  freeMailDomains: vocabulary.freeMail.domains,
  freeMailLabels: vocabulary.freeMail.labels
};

/** The vocabulary list a set of values copies: the one sharing at least two values with it. */
function copiedList(values: readonly string[]): [string, readonly string[]] | undefined {
  for (const [name, list] of Object.entries(LISTS)) {
    if (values.filter((v) => list.includes(v)).length >= 2) return [name, list];
  }
  return undefined;
}

/** Lists that share values with a vocabulary list without being a copy of it, and why. */
const NOT_COPIES: Record<string, string> = {
  'AI_Recommendation__c.Human_Decision__c':
    "a reviewer's decision (Approved, Rejected, More Info Requested, Reassigned): the words of some statuses, not the status list",
  'AI_Recommendation__c.Approval_Status__c':
    "a tier review's approval (Pending, Approved, Rejected), set by the Partner Tier Review approval process: not the status list"
};

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (n) => n === 'value' || n === 'values'
});

// ---------------------------------------------------------------------------------------------
interface Picklist {
  name: string;
  values: string[];
}

function picklists(): Picklist[] {
  const out: Picklist[] = [];
  for (const file of filesUnder(join(def, 'objects'), '.field-meta.xml')) {
    const field = xml.parse(readFileSync(file, 'utf8')).CustomField as {
      valueSet?: { valueSetDefinition?: { value?: { fullName: string }[] } };
    };
    const values = field.valueSet?.valueSetDefinition?.value?.map((v) => String(v.fullName));
    if (!values) continue;
    const object = basename(dirname(dirname(file)));
    out.push({ name: `${object}.${basename(file, '.field-meta.xml')}`, values });
  }
  return out;
}

describe('picklist values', () => {
  const all = picklists();
  const byName = new Map(all.map((p) => [p.name, p.values]));

  it.each([
    ['Deal_Registration__c.Status__c', statusValues],
    ['Deal_Registration__c.AI_Triage_Status__c', vocabulary.triageStatus],
    ['AI_Recommendation__c.Triage_Status__c', vocabulary.triageStatus],
    ['Deal_Registration__c.AI_Confidence__c', vocabulary.confidence],
    ['AI_Recommendation__c.Confidence__c', vocabulary.confidence],
    ['Deal_Registration__c.AI_Recommended_Action__c', vocabulary.recommendedAction],
    ['AI_Recommendation__c.Recommended_Action__c', vocabulary.recommendedAction],
    ['Deal_Registration__c.Customer_Region__c', vocabulary.regions],
    ['Account.Partner_Tier__c', vocabulary.partnerTiers]
  ])('%s holds the vocabulary values in its order', (name, expected) => {
    expect(byName.get(name)).toEqual(expected);
  });

  it('has no other picklist copying a vocabulary list partially', () => {
    const wrong = all
      .filter((p) => !(p.name in NOT_COPIES))
      .map((p) => ({ p, copied: copiedList(p.values) }))
      .filter(({ p, copied }) => copied && JSON.stringify(p.values) !== JSON.stringify(copied[1]))
      .map(({ p, copied }) => `${p.name} copies ${copied?.[0]}: ${p.values.join(', ')}`);
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('Deal_Scoring_Setting__mdt', () => {
  const mdt = join(def, 'objects', 'Deal_Scoring_Setting__mdt', 'fields');
  const fields = filesUnder(mdt, '.field-meta.xml').map((file) => {
    const f = xml.parse(readFileSync(file, 'utf8')).CustomField as {
      fullName: string;
      description?: string;
      defaultValue?: string;
      type: string;
    };
    return f;
  });
  const settings = Object.entries(vocabulary.settings);
  // Ruleset_Version__c is the text setting rulesetVersion (blank: the function's default). Its
  // Default record value is also checked against the shipped rulesets (functions/deal-scoring/test/ruleset.test.ts).

  it('has exactly one field per vocabulary setting', () => {
    expect(fields.map((f) => f.fullName).sort()).toEqual(settings.map(([, s]) => s.metadataField).sort());
  });

  it.each(settings)('%s: the field type, description and default match the vocabulary', (_name, s) => {
    const f = fields.find((x) => x.fullName === s.metadataField);
    expect(f).toBeDefined();
    expect(f?.type).toBe(
      { boolean: 'Checkbox', string: 'Text', integer: 'Number', number: 'Number' }[s.type]
    );
    // The description states the default ("(default 70)", ", default 730.", "(default on)"); a
    // text setting without a default says what blank means instead.
    const stated = /\bdefault (\d+(?:\.\d+)?|on|off|[A-Z][A-Z_]+)\b/.exec(f?.description ?? '')?.[1];
    const expected =
      s.default === null
        ? undefined
        : typeof s.default === 'boolean'
          ? s.default
            ? 'on'
            : 'off'
          : String(s.default);
    expect(stated).toBe(expected);
    if (s.type === 'boolean') expect(f?.defaultValue).toBe(String(s.default));
  });

  it('Default record holds every vocabulary default', () => {
    const record = xml.parse(
      readFileSync(join(def, 'customMetadata', 'Deal_Scoring_Setting.Default.md-meta.xml'), 'utf8')
    ).CustomMetadata as { values: { field: string; value: string }[] };
    const actual = Object.fromEntries(record.values.map((v) => [v.field, String(v.value)]));
    // The record pins the ruleset the function ships as its default: moving the function's
    // default without deciding about the record fails here.
    const expected = Object.fromEntries(
      settings.map(([name, s]) => [
        s.metadataField,
        // A text setting without a default is a blank (xsi:nil) value in the record.
        name === 'rulesetVersion' ? RULESET_VERSION : s.default === null ? '' : String(s.default)
      ])
    );
    expect(actual).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
describe('Apex copies', () => {
  const project = loadApexProject();

  it('DealStatus constants and groups equal the vocabulary', () => {
    for (const [name, value] of Object.entries(vocabulary.registrationStatus.values)) {
      expect([name, constant(project, 'DealStatus', name)]).toEqual([name, value]);
    }
    for (const [group, members] of Object.entries(vocabulary.registrationStatus.groups)) {
      const expected = members.map((m) => vocabulary.registrationStatus.values[m] ?? `unknown ${m}`);
      expect([group, sorted(constant(project, 'DealStatus', group) as string[])]).toEqual([
        group,
        sorted(expected)
      ]);
    }
  });

  it('DealScoringSettings built-in defaults equal the vocabulary', () => {
    const cls = apexClass(project, 'DealScoringSettings');
    for (const [name, s] of Object.entries(vocabulary.settings)) {
      const f = cls.fields.find((x) => x.name === name);
      // A field without an initializer is null in Apex.
      expect([name, !f ? 'missing' : f.initializer ? evaluate(project, cls, f.initializer) : null]).toEqual([
        name,
        s.default
      ]);
    }
  });

  it('every String constant named after a vocabulary value (TRIAGE_X, ACTION_X, KIND_X ...) holds that value', () => {
    const prefixes: Record<string, readonly string[]> = {
      TRIAGE: vocabulary.triageStatus,
      CONFIDENCE: vocabulary.confidence,
      ACTION: vocabulary.recommendedAction,
      KIND: vocabulary.candidateKind,
      TIER: vocabulary.partnerTiers,
      REGION: vocabulary.regions,
      FACTOR: vocabulary.factorCategory
    };
    const constName = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const wrong: string[] = [];
    let named = 0;
    for (const name of project.classNames) {
      const stack = [apexClass(project, name)];
      while (stack.length > 0) {
        const cls = stack.pop()!;
        stack.push(...cls.inner);
        for (const f of cls.fields) {
          const m = /^([A-Z]+)_([A-Z0-9_]+)$/.exec(f.name);
          const list = m ? prefixes[m[1]!] : undefined;
          if (!m || !list || f.type.toLowerCase() !== 'string' || !f.initializer) continue;
          const value = evaluate(project, cls, f.initializer);
          // Only constants that name or hold a vocabulary value (ACTION_APPROVE is a reviewer action).
          if (!list.includes(String(value)) && !list.map(constName).includes(m[2]!)) continue;
          named++;
          if (!list.includes(String(value)) || constName(String(value)) !== m[2])
            wrong.push(`${cls.qualifiedName}.${f.name} = '${String(value)}' (${cls.file})`);
        }
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('every String collection constant that copies a vocabulary list equals it', () => {
    const wrong: string[] = [];
    let copies = 0;
    for (const name of project.classNames) {
      const stack = [apexClass(project, name)];
      while (stack.length > 0) {
        const cls = stack.pop()!;
        stack.push(...cls.inner);
        for (const f of cls.fields) {
          if (
            !/^(Set|List)<String>$/i.test(f.type) ||
            !f.initializer ||
            f.initializer[0]?.toLowerCase() !== 'new'
          )
            continue;
          if (!f.initializer.includes('{')) continue;
          const values = evaluate(project, cls, f.initializer) as string[];
          const copied = copiedList(values);
          if (!copied) continue;
          copies++;
          const [list, expected] = copied;
          // A status group is a subset by design (checked above); other copies must be complete.
          if (list === 'registrationStatus') {
            if (!values.every((v) => statusValues.includes(v))) wrong.push(`${cls.qualifiedName}.${f.name}`);
            continue;
          }
          if (JSON.stringify(sorted(values)) !== JSON.stringify(sorted(expected)))
            wrong.push(
              `${cls.qualifiedName}.${f.name} (${cls.file}) copies ${list}: missing [${expected
                .filter((v) => !values.includes(v))
                .join(', ')}], extra [${values.filter((v) => !expected.includes(v)).join(', ')}]`
            );
        }
      }
    }
    expect(copies).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
/** `customer.name`, `opportunity.amount` ...: the properties of the pre-check draft in openapi.json. */
const draftPaths = (() => {
  const doc = JSON.parse(
    readFileSync(join(repoRoot, 'functions', 'deal-scoring', 'openapi.json'), 'utf8')
  ) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { schema: SchemaNode }> } } }>;
  };
  const draft =
    doc.paths['/v1/precheck']!.post.requestBody.content['application/json']!.schema.properties!.draft!;
  const out = new Set<string>();
  for (const [part, node] of Object.entries(draft.properties ?? {})) {
    for (const key of Object.keys(node.properties ?? {})) out.add(`${part}.${key}`);
  }
  return out;
})();

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
}

describe('LWC copies', () => {
  const lwcDir = join(def, 'lwc');
  const sources = filesUnder(lwcDir, '.ts').filter(
    (f) => !f.includes('__tests__') && !f.endsWith('.d.ts') && !f.includes('/dealVocabulary/')
  );

  it('every string array or status map in an LWC source that copies a vocabulary list equals it', () => {
    const wrong: string[] = [];
    for (const file of sources) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isArrayLiteralExpression(node) && node.elements.every((e) => ts.isStringLiteralLike(e))) {
          const values = node.elements.map((e) => (e as ts.StringLiteralLike).text);
          const copied = copiedList(values);
          if (copied && JSON.stringify(values) !== JSON.stringify(copied[1]))
            wrong.push(`${relative(repoRoot, file)}: [${values.join(', ')}] is not ${copied[0]}`);
        }
        if (ts.isObjectLiteralExpression(node)) {
          const pairs = node.properties.flatMap((p) =>
            ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer)
              ? [[p.name.getText(sf), p.initializer.text] as const]
              : []
          );
          const values = pairs.map(([, v]) => v);
          if (values.filter((v) => statusValues.includes(v)).length >= 2) {
            for (const [key, value] of pairs) {
              const expected = vocabulary.registrationStatus.values[key];
              if (expected !== value)
                wrong.push(`${relative(repoRoot, file)}: ${key}: '${value}' is not a status`);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(sources.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('the form fields name real Deal_Registration__c fields and contract paths, and cover every labelled path', () => {
    // Object literals with `objectField` and `paths` (lwc/dealFields): the field a value is saved
    // to, and the contract paths the function answers about it.
    const objectFields = new Set(
      filesUnder(join(def, 'objects', 'Deal_Registration__c', 'fields'), '.field-meta.xml').map((f) =>
        basename(f, '.field-meta.xml')
      )
    );
    const wrong: string[] = [];
    const covered = new Set<string>();
    let specs = 0;
    for (const file of sources) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isObjectLiteralExpression(node)) {
          const prop = (name: string) =>
            node.properties.find(
              (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === name
            )?.initializer;
          const objectField = prop('objectField');
          const paths = prop('paths');
          if (
            objectField &&
            paths &&
            ts.isStringLiteralLike(objectField) &&
            ts.isArrayLiteralExpression(paths)
          ) {
            specs++;
            const where = `${relative(repoRoot, file)}: ${objectField.text}`;
            if (!objectFields.has(objectField.text))
              wrong.push(`${where} is not a field of Deal_Registration__c`);
            for (const e of paths.elements) {
              if (!ts.isStringLiteralLike(e)) continue;
              covered.add(e.text);
              if (!draftPaths.has(e.text))
                wrong.push(`${where}: ${e.text} is not a path of the pre-check draft`);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    for (const path of Object.keys(vocabulary.fieldLabels)) {
      if (!covered.has(path))
        wrong.push(`${path}: labelled in the vocabulary, but no form field answers for it`);
    }
    expect(specs).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['Triage', vocabulary.triageStatus],
    ['Confidence', vocabulary.confidence],
    ['Rec', vocabulary.recommendedAction],
    ['Tier', vocabulary.partnerTiers],
    ['Kind', vocabulary.candidateKind]
  ])('custom labels DR_Console_%s_<value> exist for exactly the vocabulary values', (prefix, values) => {
    const labels = xml.parse(readFileSync(join(def, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8'))
      .CustomLabels as { labels: { fullName: string }[] | { fullName: string } };
    const names = (Array.isArray(labels.labels) ? labels.labels : [labels.labels]).map((l) => l.fullName);
    const start = `DR_Console_${prefix}_`;
    // Value suffixes are written as the value (UPPER_CASE or lower case); "Mix" and the like are not values.
    const suffixes = names
      .filter((n) => n.startsWith(start))
      .map((n) => n.slice(start.length))
      .filter((s) => /^[A-Z][A-Z0-9_]*$|^[a-z]+$/.test(s));
    expect(sorted(suffixes)).toEqual(sorted(values));
  });
});

// ---------------------------------------------------------------------------------------------
describe('openapi.json', () => {
  const doc = JSON.parse(
    readFileSync(join(repoRoot, 'functions', 'deal-scoring', 'openapi.json'), 'utf8')
  ) as unknown;
  const enums: { path: string; values: string[] }[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum)) enums.push({ path, values: o.enum as string[] });
    for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
  };
  walk(doc, '');
  const at = (suffix: string) => enums.filter((e) => e.path.endsWith(suffix)).map((e) => e.values);

  it.each([
    ['partner/properties/tier', vocabulary.partnerTiers],
    ['customer/properties/region', vocabulary.regions],
    ['candidates/items/properties/kind', vocabulary.candidateKind],
    ['results/items/properties/triageStatus', vocabulary.triageStatus],
    ['results/items/properties/confidence', vocabulary.confidence],
    ['results/items/properties/recommendedAction', vocabulary.recommendedAction],
    ['factors/items/properties/category', vocabulary.factorCategory],
    ['registration/properties/status', statusValues]
  ])('%s is the vocabulary list', (suffix, expected) => {
    const found = at(suffix);
    expect(found.length).toBeGreaterThan(0);
    for (const values of found) expect(values).toEqual(expected);
  });

  it('has no enum that copies a vocabulary list partially', () => {
    const wrong = enums
      .map((e) => ({ e, copied: copiedList(e.values) }))
      .filter(({ e, copied }) => copied && JSON.stringify(e.values) !== JSON.stringify(copied[1]))
      .map(({ e }) => e.path);
    expect(wrong).toEqual([]);
  });

  it('states the setting defaults and ranges of the vocabulary', () => {
    const score = (
      doc as {
        paths: Record<
          string,
          {
            post: {
              requestBody: {
                content: Record<
                  string,
                  {
                    schema: {
                      properties: Record<
                        string,
                        {
                          properties: Record<
                            string,
                            {
                              minimum?: number;
                              maximum?: number;
                              maxLength?: number;
                              enum?: string[];
                              description?: string;
                            }
                          >;
                        }
                      >;
                    };
                  }
                >;
              };
            };
          }
        >;
      }
    ).paths['/v1/score']!.post.requestBody.content['application/json']!.schema.properties.settings!
      .properties;
    for (const [name, s] of Object.entries(vocabulary.settings).filter(([, s]) => s.sentToFunction)) {
      const p = score[name];
      // A setting with a list of values is an enum of exactly those values (its length follows).
      expect([
        name,
        p?.minimum,
        p?.maximum,
        s.values ? p?.enum : p?.maxLength,
        s.default === null || p?.description?.endsWith(`(${String(s.default)})`)
      ]).toEqual([name, s.minimum, s.maximum, s.values ?? s.maxLength, true]);
    }
    expect(
      Object.keys(score)
        .filter((k) => k !== 'asOf')
        .sort()
    ).toEqual(
      Object.entries(vocabulary.settings)
        .filter(([, s]) => s.sentToFunction)
        .map(([n]) => n)
        .sort()
    );
  });
});
