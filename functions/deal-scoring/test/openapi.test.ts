import { readFileSync } from 'node:fs';
import { OPENAPI_FILE, generateOpenApiText } from '../src/write-openapi';
import { UNSUPPORTED_KEYS } from '../src/openapi';
import { buildApp } from '../src/app';
import { defaultConfig } from '../src/config';

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (key: string, value: unknown, path: string) => void, path = ''): void {
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, visit, `${path}/${i}`));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      visit(k, v, `${path}/${k}`);
      walk(v, visit, `${path}/${k}`);
    }
  }
}

describe('OpenAPI document', () => {
  let generated: string;
  beforeAll(async () => {
    generated = await generateOpenApiText();
  });

  it('the committed openapi.json equals the generated one (run `npm run openapi` after schema changes)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(generated);
  });

  it('is OpenAPI 3.0.x with an operationId on every operation', () => {
    const doc = JSON.parse(generated) as Node;
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
    const paths = doc.paths as Record<string, Record<string, Node>>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/health', '/v1/score', '/v1/precheck']));
    const ids: string[] = [];
    for (const ops of Object.values(paths)) {
      for (const op of Object.values(ops)) {
        expect(typeof op.operationId).toBe('string');
        expect(op.operationId).toMatch(/^[A-Za-z][A-Za-z0-9]{0,79}$/);
        ids.push(op.operationId as string);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses no construct a Salesforce External Service import rejects', () => {
    const doc = JSON.parse(generated) as Node;
    const found: string[] = [];
    walk(doc, (key, value, path) => {
      if (UNSUPPORTED_KEYS.includes(key)) found.push(path);
      if (
        key === 'format' &&
        !['date', 'date-time', 'int32', 'int64', 'float', 'double'].includes(String(value))
      )
        found.push(path);
      if (key === 'additionalProperties' && value !== false) found.push(path);
      if (key === 'type' && Array.isArray(value)) found.push(path);
    });
    expect(found).toEqual([]);
    const score = (doc.paths as Record<string, Record<string, Node>>)['/v1/score']!.post!;
    const body = (score.requestBody as Node).content as Record<string, { schema: Node }>;
    expect(Object.keys(body)).toEqual(['application/json']);
    const tier = JSON.stringify(body['application/json']!.schema).includes(
      '"enum":["PLATINUM","GOLD","SILVER","REGISTERED"]'
    );
    expect(tier).toBe(true);
  });

  it('is served at /openapi.json', async () => {
    const app = await buildApp(defaultConfig());
    try {
      const res = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(res.statusCode).toBe(200);
      expect(JSON.stringify(res.json(), null, 2) + '\n').toBe(generated);
    } finally {
      await app.close();
    }
  });
});
