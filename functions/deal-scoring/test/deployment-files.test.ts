/**
 * The deployment files agree with the code: Procfile, app.json and the Dockerfile start the
 * compiled server, name only variables of the configuration schema, and the image stays non-root
 * with a health check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENV_NAMES, loadConfig } from '../src/config';

const root = path.resolve(__dirname, '../../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

describe('deployment files', () => {
  it('Procfile runs the compiled server with node (no TypeScript runner)', () => {
    expect(read('Procfile').trim()).toBe('web: node functions/deal-scoring/dist/server.js');
    expect(pkg.scripts['heroku-postbuild']).toBe('npm run build:function');
    expect(pkg.scripts['build:function']).toContain('tsconfig.build.json');
  });

  it('app.json sets only variables of the configuration schema, and they validate', () => {
    const app = JSON.parse(read('app.json')) as { env: Record<string, { value?: string }> };
    for (const name of Object.keys(app.env)) expect(ENV_NAMES).toContain(name);
    const values = Object.fromEntries(
      Object.entries(app.env).map(([k, v]) => [
        k,
        v.value ?? (k === 'DEAL_SCORING_API_KEYS' ? 'x'.repeat(64) : '')
      ])
    );
    expect(loadConfig(values)).toMatchObject({ production: true, host: '0.0.0.0' });
  });

  it('the function README documents every variable of the configuration schema', () => {
    const readme = read('functions/deal-scoring/README.md');
    for (const name of ENV_NAMES) expect(readme).toContain(`\`${name}\``);
  });

  it('the Dockerfile is multi-stage, non-root, health-checked and starts the compiled server', () => {
    const docker = read('functions/deal-scoring/Dockerfile');
    expect(docker.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^HEALTHCHECK /m);
    expect(docker).toContain('CMD ["node", "functions/deal-scoring/dist/server.js"]');
    for (const m of docker.matchAll(/^ENV ([\s\S]*?)(?=\n\S)/gm)) {
      for (const v of m[1]!.matchAll(/([A-Z_]+)=/g))
        if (v[1] !== 'NODE_ENV') expect(ENV_NAMES).toContain(v[1]);
    }
    const ignore = read('.dockerignore');
    expect(ignore).toContain('!functions/deal-scoring/src/**');
    expect(ignore).toContain('!package-lock.json');
  });
});
