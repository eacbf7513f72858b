import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { runCli } from '../src/cli';
import { ConfigError, loadConfig } from '../src/config';
import { ApiKeyVerifier } from '../src/auth';
import { ScoreResponse } from '../src/schemas';
import { fieldErrors } from '../src/validation';

const example = path.resolve(__dirname, '../examples/score-request.json');
const repoRoot = path.resolve(__dirname, '../../..');

describe('CLI', () => {
  it('scores the example request', async () => {
    const [code, out, err] = await runCli(readFileSync(example));
    expect(code).toBe(0);
    expect(err).toBe('');
    const res = JSON.parse(out);
    expect(fieldErrors(ScoreResponse, res)).toEqual([]);
    expect(res.results.map((r: { triageStatus: string }) => r.triageStatus)).toEqual([
      'AUTO_APPROVED',
      'FLAGGED_CONFLICT'
    ]);
  });

  it('prints the same field errors as the API on stderr and exits 1', async () => {
    const [code, out, err] = await runCli(
      Buffer.from('{"requestId":"x","deals":[{"id":"1","partner":{"id":"p"},"customer":{"name":""}}]}')
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(JSON.parse(err)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '/deals/0/customer/name must not be empty',
      errors: [{ path: '/deals/0/customer/name', message: 'must not be empty' }]
    });
    expect((await runCli(Buffer.from('not json')))[0]).toBe(1);
    expect((await runCli(Buffer.from([0xff, 0xfe])))[2]).toContain('UTF-8');
  });

  it('runs as `npm run --silent score < request.json`', () => {
    const r = spawnSync('npm', ['run', '--silent', 'score'], {
      cwd: repoRoot,
      input: readFileSync(example),
      encoding: 'utf8'
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).requestId).toBe('a0B5g00000XyZ1AAK-1');
    const bad = spawnSync('npm', ['run', '--silent', 'score'], {
      cwd: repoRoot,
      input: '{"deals":1}',
      encoding: 'utf8'
    });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('/requestId');
  }, 30_000);
});

describe('configuration', () => {
  it('has working defaults (local mode)', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      apiKeys: [],
      production: false,
      bodyLimitBytes: 1048576
    });
  });

  it('splits and trims keys for rotation', () => {
    const c = loadConfig({ DEAL_SCORING_API_KEYS: ' key-one-aaaaaaaaaaaa , key-two-bbbbbbbbbbbb ,' });
    expect(c.apiKeys).toEqual(['key-one-aaaaaaaaaaaa', 'key-two-bbbbbbbbbbbb']);
  });

  it('refuses invalid values, short keys and production without a key', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEAL_SCORING_API_KEYS: 'short' })).toThrow(/shorter than 16/);
    expect(() => loadConfig({ DEAL_SCORING_PRODUCTION: 'true' })).toThrow(/Refusing to start/);
    expect(
      loadConfig({ DEAL_SCORING_PRODUCTION: 'true', DEAL_SCORING_API_KEYS: 'k'.repeat(32) }).production
    ).toBe(true);
  });

  it('the server process refuses to start in production without a key', () => {
    const r = spawnSync('npx', ['--no-install', 'tsx', 'functions/deal-scoring/src/server.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DEAL_SCORING_PRODUCTION: 'true', DEAL_SCORING_API_KEYS: '' },
      encoding: 'utf8',
      timeout: 20_000
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Refusing to start');
  }, 30_000);
});

describe('server process', () => {
  it('starts in local mode with a loud warning and shuts down gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/deal-scoring/src/server.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: '0',
        DEAL_SCORING_API_KEYS: '',
        DEAL_SCORING_PRODUCTION: 'false',
        LOG_LEVEL: 'info'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
      child.stdout.on('data', () => {
        if (output.includes('Server listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(output).toContain('LOCAL MODE');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
  }, 30_000);
});

describe('ApiKeyVerifier', () => {
  it('accepts configured keys only and parses Bearer headers', () => {
    const v = new ApiKeyVerifier(['a'.repeat(20), 'b'.repeat(20)]);
    expect(v.verify('a'.repeat(20))).toBe(true);
    expect(v.verify('b'.repeat(20))).toBe(true);
    expect(v.verify('a'.repeat(19))).toBe(false);
    expect(v.verify('')).toBe(false);
    expect(ApiKeyVerifier.bearerToken('Bearer abc')).toBe('abc');
    expect(ApiKeyVerifier.bearerToken('bearer   abc ')).toBe('abc');
    expect(ApiKeyVerifier.bearerToken('Basic abc')).toBeUndefined();
    expect(new ApiKeyVerifier([]).open).toBe(true);
  });
});
