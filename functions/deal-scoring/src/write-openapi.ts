/**
 * `npm run openapi`: writes functions/deal-scoring/openapi.json from the route schemas (the same
 * document GET /openapi.json serves). A test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app';
import { defaultConfig } from './config';
import { normalizeOpenApi } from './openapi';

export const OPENAPI_FILE = path.resolve(__dirname, '../openapi.json');

/** The normalized OpenAPI document as the exact text written to openapi.json. */
export async function generateOpenApiText(): Promise<string> {
  const app = await buildApp(defaultConfig());
  try {
    await app.ready();
    return JSON.stringify(normalizeOpenApi(app.swagger()), null, 2) + '\n';
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  generateOpenApiText().then(
    (text) => {
      writeFileSync(OPENAPI_FILE, text);
      process.stdout.write(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    }
  );
}
