// The Apex request and response classes of the function against functions/deal-scoring/openapi.json.
// They live in DealScoringApi and in any other top-level class named `<Feature>Api` in any package
// directory (one per feature, e.g. a forecast's ForecastApi). For every operation an Api class has
// classes for (`<Operation>Request` / `<Operation>Response`, e.g. ScoreRequest for POST /v1/score), every
// property name, type and nesting must agree both ways, so adding, removing or renaming a field on
// either side fails here. Required request arrays must be initialized in Apex (the one
// required-ness Apex can express for a class field). Every inner class must be reachable from an
// operation, so a new class cannot escape the check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import {
  allClassesDirs,
  apexClass,
  classesDir,
  evaluate,
  filesUnder,
  loadApexProject,
  type ApexClass
} from './boundary-apex-model';
import { repoRoot } from './boundary-support';

jest.setTimeout(120_000);

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  maxLength?: number;
  maximum?: number;
  maxItems?: number;
}

type Direction = 'request' | 'response';

/** Apex property names that are not the JSON key (Apex reserved words), with the JSON key. */
const JSON_KEYS: Record<string, string> = { currencyCode: 'currency' };

/** Apex scalar types that can carry each JSON type, by direction. */
const SCALARS: Record<Direction, Record<string, string[]>> = {
  // Apex -> JSON: the Apex type must not allow values the schema refuses (no Decimal for integer).
  request: {
    string: ['string', 'id'],
    integer: ['integer', 'long'],
    number: ['decimal', 'double', 'integer', 'long'],
    boolean: ['boolean']
  },
  // JSON -> Apex: the Apex type must hold every value the schema allows.
  response: {
    string: ['string'],
    integer: ['integer', 'long', 'decimal', 'double'],
    number: ['decimal', 'double'],
    boolean: ['boolean']
  }
};

const doc = JSON.parse(readFileSync(join(repoRoot, 'functions', 'deal-scoring', 'openapi.json'), 'utf8')) as {
  paths: Record<
    string,
    {
      post?: {
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
      };
    }
  >;
};
const project = loadApexProject(allClassesDirs);
const api = apexClass(project, 'DealScoringApi');
/** DealScoringApi first, then every other top-level `<Feature>Api` class. */
const apis: ApexClass[] = [
  api,
  ...project.classNames
    .filter((n) => /^[A-Z]\w*Api$/.test(n) && n !== 'DealScoringApi')
    .sort()
    .map((n) => apexClass(project, n))
];

/** `/v1/score` -> `Score`, `/v1/status-answer` -> `StatusAnswer`. */
const operationName = (path: string) =>
  (path.split('/').at(-1) ?? '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const operations = Object.entries(doc.paths)
  .filter(([, item]) => item.post?.requestBody)
  .map(([path, item]) => ({
    path,
    name: operationName(path),
    request: item.post!.requestBody!.content['application/json']!.schema,
    response: item.post!.responses['200']?.content?.['application/json']?.schema
  }));

const innerClass = (name: string, owner: ApexClass = api): ApexClass | undefined =>
  owner.inner.find((c) => c.name.toLowerCase() === name.toLowerCase());

/** Compares one Apex class with one object schema; returns problems, records visited classes. */
function compare(
  cls: ApexClass,
  schema: Schema,
  where: string,
  direction: Direction,
  visited: Set<string>,
  owner: ApexClass = api
): string[] {
  visited.add(`${owner.name}.${cls.name}`);
  if (owner === api && direction === 'request' && !requestSchemas.has(cls.name))
    requestSchemas.set(cls.name, schema);
  const problems: string[] = [];
  const props = schema.properties ?? {};
  const fields = cls.fields.filter((f) => f.kind !== 'field' || !f.modifiers.includes('static'));
  const byJsonKey = new Map(fields.map((f) => [JSON_KEYS[f.name] ?? f.name, f]));
  for (const key of Object.keys(props)) {
    if (!byJsonKey.has(key))
      problems.push(`${where}.${key}: in openapi.json, missing in ${cls.qualifiedName}`);
  }
  for (const [key, f] of byJsonKey) {
    const prop = props[key];
    if (!prop) {
      problems.push(`${cls.qualifiedName}.${f.name}: not a property of ${where} in openapi.json`);
      continue;
    }
    problems.push(...compareType(f.type, prop, `${where}.${key}`, direction, visited, owner));
    if (
      direction === 'request' &&
      schema.required?.includes(key) &&
      prop.type === 'array' &&
      !f.initializer
    ) {
      problems.push(
        `${cls.qualifiedName}.${f.name}: required array, must be initialized (e.g. = new ${f.type}())`
      );
    }
  }
  return problems;
}

function compareType(
  apexType: string,
  prop: Schema,
  where: string,
  direction: Direction,
  visited: Set<string>,
  owner: ApexClass = api
): string[] {
  const type = prop.type ?? (prop.anyOf ? 'string' : undefined);
  if (type === 'array') {
    const m = /^List<(.+)>$/i.exec(apexType);
    if (!m || !prop.items) return [`${where}: array in openapi.json, ${apexType} in Apex`];
    return compareType(m[1]!, prop.items, `${where}[]`, direction, visited, owner);
  }
  if (type === 'object') {
    const inner = innerClass(apexType.replace(new RegExp(`^${owner.name}\\.`, 'i'), ''), owner);
    if (!inner)
      return [`${where}: object in openapi.json, ${apexType} in Apex (no ${owner.name} inner class)`];
    return compare(inner, prop, where, direction, visited, owner);
  }
  const allowed = SCALARS[direction][type ?? ''];
  if (!allowed) return [`${where}: unsupported schema type ${String(type)}`];
  return allowed.includes(apexType.toLowerCase())
    ? []
    : [`${where}: ${type} in openapi.json, ${apexType} in Apex (${direction} allows ${allowed.join(', ')})`];
}

describe('the Apex *Api classes match openapi.json', () => {
  const covered = apis.flatMap((owner) =>
    operations
      .filter((o) => innerClass(`${o.name}Request`, owner) || innerClass(`${o.name}Response`, owner))
      .map((o) => ({ ...o, owner }))
  );
  const visited = new Set<string>();

  it('covers at least POST /v1/score', () => {
    expect(covered.map((o) => o.path)).toContain('/v1/score');
  });

  it('has one Apex owner per operation', () => {
    const paths = covered.map((o) => o.path);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });

  it.each(covered.map((o) => [`${o.owner.name} ${o.path}`, o] as const))(
    '%s: request and response classes',
    (_label, o) => {
      const request = innerClass(`${o.name}Request`, o.owner);
      const response = innerClass(`${o.name}Response`, o.owner);
      expect([request?.name, response?.name]).toEqual([`${o.name}Request`, `${o.name}Response`]);
      const problems = [
        ...compare(request!, o.request, `${o.path} request`, 'request', visited, o.owner),
        ...(o.response
          ? compare(response!, o.response, `${o.path} response`, 'response', visited, o.owner)
          : ['no 200 schema'])
      ];
      expect(problems).toEqual([]);
    }
  );

  it('has no inner class outside the checked operations', () => {
    const unchecked = apis
      .flatMap((owner) => owner.inner.map((c) => `${owner.name}.${c.name}`))
      .filter((n) => !visited.has(n));
    expect(unchecked).toEqual([]);
  });

  it('names vocabulary values correctly in its String constants', () => {
    const triage = api.fields.filter((f) => f.name.startsWith('TRIAGE_'));
    expect(triage.length).toBeGreaterThan(0);
    for (const f of triage)
      expect([f.name, evaluate(project, api, f.initializer ?? [])]).toEqual([f.name, f.name.slice(7)]);
  });
});

/** The request schema each DealScoringApi class was compared with (filled by compare). */
const requestSchemas = new Map<string, Schema>();

/** Request fields Apex deliberately never sets, and why. */
const NOT_SENT: Record<string, string> = {};

describe('Apex fills the request', () => {
  it('sets every request field somewhere outside DealScoringApi, its mock and the tests', () => {
    // `x.field = ...`, `x.field.add(...)` or `x.field.addAll(...)` in any other class, read from the
    // Apex lexer's tokens: a field added to DealScoringApi but never mapped from a record fails here.
    const assigned = new Set<string>();
    for (const file of filesUnder(classesDir, '.cls')) {
      if (/(Test|DealScoringApi|DealScoringMock)\.cls$/.test(file)) continue;
      const stream = ApexParserFactory.createTokenStream(readFileSync(file, 'utf8'));
      stream.fill();
      const t = stream.tokens.filter((x) => x.channel === 0).map((x) => x.text);
      for (let i = 1; i + 1 < t.length; i++) {
        if (t[i - 1] !== '.') continue;
        if (t[i + 1] === '=' || (t[i + 1] === '.' && /^(add|addAll|put)$/.test(t[i + 2] ?? '')))
          assigned.add(t[i]!);
      }
    }
    const request = innerClass('ScoreRequest')!;
    const unset: string[] = [];
    const walk = (cls: ApexClass, seen: Set<string>) => {
      if (seen.has(cls.name)) return;
      seen.add(cls.name);
      for (const f of cls.fields.filter((x) => !x.modifiers.includes('static'))) {
        if (!assigned.has(f.name) && !NOT_SENT[`${cls.name}.${f.name}`]) unset.push(`${cls.name}.${f.name}`);
        const inner = innerClass(f.type.replace(/^List<(.+)>$/i, '$1'));
        if (inner) walk(inner, seen);
      }
    };
    walk(request, new Set());
    expect(unset).toEqual([]);
  });
});

describe('DealRequestMapper cuts values to the schema limits', () => {
  beforeAll(() => {
    const score = operations.find((o) => o.path === '/v1/score')!;
    compare(innerClass('ScoreRequest')!, score.request, 'req', 'request', new Set());
  });

  /** The limits that are not a text() call, with the schema keyword they copy. */
  const NAMED_LIMITS: [constant: string, cls: string, property: string, keyword: 'maximum' | 'maxItems'][] = [
    ['EMPLOYEES_MAX', 'Customer', 'employees', 'maximum'],
    ['AMOUNT_MAX', 'Opportunity', 'amount', 'maximum'],
    ['PRODUCTS_MAX', 'Opportunity', 'products', 'maxItems']
  ];

  it('uses the maxLength of the property for every `x.prop = text(value, LIMIT)`, and the named limits', () => {
    expect(requestSchemas.size).toBeGreaterThan(3);
    const mapper = apexClass(project, 'DealRequestMapper');
    const file = filesUnder(classesDir, '.cls').find((f) => f.endsWith('/DealRequestMapper.cls'))!;
    const stream = ApexParserFactory.createTokenStream(readFileSync(file, 'utf8'));
    stream.fill();
    const t = stream.tokens.filter((x) => x.channel === 0 && x.type !== -1).map((x) => x.text);
    const varClass = new Map<string, string>();
    const wrong: string[] = [];
    let checked = 0;
    for (let i = 0; i < t.length; i++) {
      // `DealScoringApi.Customer c = new ...`: c is a Customer.
      if (t[i] === 'DealScoringApi' && t[i + 1] === '.' && t[i + 4] === '=')
        varClass.set(t[i + 3]!, t[i + 2]!);
      // `c.country = text(r.Customer_Country__c, COUNTRY_MAX);`
      if (
        t[i + 1] === '.' &&
        t[i + 3] === '=' &&
        t[i + 4] === 'text' &&
        t[i + 5] === '(' &&
        varClass.has(t[i]!)
      ) {
        let depth = 0;
        let j = i + 5;
        let lastComma = -1;
        for (; j < t.length; j++) {
          if (t[j] === '(') depth++;
          if (t[j] === ')' && --depth === 0) break;
          if (t[j] === ',' && depth === 1) lastComma = j;
        }
        const limit = t.slice(lastComma + 1, j);
        const cls = varClass.get(t[i]!)!;
        const prop = t[i + 2]!;
        const max = requestSchemas.get(cls)?.properties?.[prop]?.maxLength;
        const value = evaluate(project, mapper, limit);
        checked++;
        if (value !== max)
          wrong.push(`${cls}.${prop}: cut at ${limit.join(' ')} = ${String(value)}, schema maxLength ${max}`);
      }
    }
    for (const [constant, cls, prop, keyword] of NAMED_LIMITS) {
      const value = evaluate(project, mapper, [constant]);
      const max = requestSchemas.get(cls)?.properties?.[prop]?.[keyword];
      checked++;
      if (value !== max)
        wrong.push(`${constant} = ${String(value)}, schema ${cls}.${prop} ${keyword} ${max}`);
    }
    const itemMax = requestSchemas.get('Opportunity')?.properties?.products?.items?.maxLength;
    if (evaluate(project, mapper, ['SHORT_TEXT_MAX']) !== itemMax)
      wrong.push(`product names: schema maxLength ${itemMax}`);
    expect(checked).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});

describe('the comparison can fail', () => {
  const score = operations.find((o) => o.path === '/v1/score')!;
  const clone = (s: Schema) => JSON.parse(JSON.stringify(s)) as Schema;

  it('reports a property the function adds, renames or retypes', () => {
    const added = clone(score.request);
    added.properties!.deals!.items!.properties!.customer!.properties!.legalEntityId = { type: 'string' };
    expect(compare(innerClass('ScoreRequest')!, added, 'req', 'request', new Set())).toEqual([
      'req.deals[].customer.legalEntityId: in openapi.json, missing in DealScoringApi.Customer'
    ]);
    const retyped = clone(score.request);
    retyped.properties!.deals!.items!.properties!.customer!.properties!.employees = { type: 'string' };
    expect(compare(innerClass('ScoreRequest')!, retyped, 'req', 'request', new Set())).toEqual([
      'req.deals[].customer.employees: string in openapi.json, Integer in Apex (request allows string, id)'
    ]);
  });

  it('reports a property Apex has that the function does not know', () => {
    const removed = clone(score.response!);
    delete removed.properties!.results!.items!.properties!.rationale;
    expect(compare(innerClass('ScoreResponse')!, removed, 'res', 'response', new Set())).toEqual([
      'DealScoringApi.Result.rationale: not a property of res.results[] in openapi.json'
    ]);
  });
});
