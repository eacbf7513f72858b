/**
 * The production build as a customer runs it: `npm run build:function` compiles to dist/, and
 * `node dist/server.js` starts without any TypeScript runner, worker threads included. Also
 * finding 8: requests fully written before SIGTERM are answered while the CPU is saturated.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import defaultJson from '../src/ruleset/default.json';
import http from 'node:http';
import path from 'node:path';
import { maxSizeRequest } from '../bench/data';
import { request, goodDeal } from './support/factories';

const repoRoot = path.resolve(__dirname, '../../..');
const dist = path.resolve(__dirname, '../dist');
const KEY = 'production-test-key-0123456789';

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [path.join(dist, 'server.js')], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LOG_LEVEL: 'info',
      DEAL_SCORING_API_KEYS: KEY,
      DEAL_SCORING_PRODUCTION: 'true',
      WORKER_THREADS: '2',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    const check = () => {
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m && output.includes('"msg":"ready"')) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve({ child, port: Number(m[1]), output: () => output, exited });
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

interface Answer {
  status: number;
  body: string;
  error?: string;
}

/** POST with its own connection; resolves once the request body is fully written (`written`). */
function send(port: number, url: string, body: string): { written: Promise<void>; done: Promise<Answer> } {
  let markWritten!: () => void;
  const written = new Promise<void>((r) => (markWritten = r));
  const done = new Promise<Answer>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: url,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${KEY}`
        }
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', (e) => resolve({ status: 0, body: text, error: e.message }));
      }
    );
    req.on('error', (e) => {
      markWritten();
      resolve({ status: 0, body: '', error: (e as NodeJS.ErrnoException).code ?? e.message });
    });
    req.end(body, () => markWritten());
  });
  return { written, done };
}

describe('production build (compiled JavaScript, no TypeScript runner)', () => {
  beforeAll(() => {
    const r = spawnSync('npm', ['run', '--silent', 'build:function'], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
  }, 240_000);

  it('builds dist/server.js, dist/worker/entry.js and the PDF worker', () => {
    expect(existsSync(path.join(dist, 'server.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'worker/entry.js'))).toBe(true);
    // The PDF worker thread loads the compiled file beside documents.js (src/ai/documents.ts).
    expect(existsSync(path.join(dist, 'ai/pdf-worker.js'))).toBe(true);
  });

  it('starts with node alone, uses worker threads, scores, and reports start-up time and memory', async () => {
    const s = await start();
    try {
      const ready = await fetch(`http://127.0.0.1:${s.port}/ready`);
      expect(ready.status).toBe(200);
      const big = maxSizeRequest(200_000);
      const r = await send(s.port, '/v1/score', JSON.stringify(big)).done;
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body).results).toHaveLength(big.deals.length);
      const metrics = await fetch(`http://127.0.0.1:${s.port}/metrics`, {
        headers: { authorization: `Bearer ${KEY}` }
      });
      const text = await metrics.text();
      expect(text).toMatch(/deal_scoring_worker_tasks_total\{task="scoreBytes",where="pool"\} 1/);
      expect(text).toContain('deal_scoring_worker_threads 2');
      const line = s
        .output()
        .split('\n')
        .find((l) => l.includes('"msg":"ready"'))!;
      const info = JSON.parse(line) as { startupMs: number; rssMiB: number };
      expect(info.startupMs).toBeGreaterThan(0);
      expect(info.rssMiB).toBeGreaterThan(0);
      expect(s.output()).not.toMatch(/tsx/);
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  }, 90_000);

  it('RULESETS_DIR: serves a deployed ruleset from the folder; a corrupt file stops start-up naming file and field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rulesets-prod-'));
    try {
      const deployed = {
        ...structuredClone(defaultJson),
        rulesetVersion: 'prod-learned-1',
        factors: defaultJson.factors.map((f) => (f.code === 'FIRST_TIME_PARTNER' ? { ...f, points: 0 } : f))
      };
      writeFileSync(path.join(dir, 'ruleset-prod-learned-1.json'), JSON.stringify(deployed, null, 2));
      const s = await start({ RULESETS_DIR: dir, WORKER_INLINE_MAX_COST: '0' });
      try {
        const list = await fetch(`http://127.0.0.1:${s.port}/v1/rulesets`, {
          headers: { authorization: `Bearer ${KEY}` }
        });
        const versions = ((await list.json()) as { rulesets: { rulesetVersion: string }[] }).rulesets.map(
          (r) => r.rulesetVersion
        );
        expect(versions).toEqual([defaultJson.rulesetVersion, 'prod-learned-1']);
        const body = request([goodDeal()], { asOf: '2026-11-22', rulesetVersion: 'prod-learned-1' });
        const r = await send(s.port, '/v1/score', JSON.stringify(body)).done;
        expect(r.status).toBe(200);
        expect(JSON.parse(r.body).results[0].rulesetVersion).toBe('prod-learned-1');
        expect(s.output()).toMatch(/"rulesets":\["[^"]+","prod-learned-1"\]/);
      } finally {
        s.child.kill('SIGTERM');
        await s.exited;
      }
      writeFileSync(
        path.join(dir, 'ruleset-prod-learned-1.json'),
        JSON.stringify({ ...deployed, baseScore: 'fifty' }, null, 2)
      );
      const bad = spawnSync(process.execPath, [path.join(dist, 'server.js')], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', PORT: '0', RULESETS_DIR: dir, DEAL_SCORING_API_KEYS: KEY },
        encoding: 'utf8',
        timeout: 30_000
      });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain(
        `Invalid RULESETS_DIR: Invalid ruleset ${path.join(dir, 'ruleset-prod-learned-1.json')}: /baseScore`
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('drains on SIGTERM while saturated: every request written before the signal is answered', async () => {
    const s = await start({ WORKER_QUEUE_MAX: '64' });
    const heavy = JSON.stringify(maxSizeRequest());
    const small = JSON.stringify(request([goodDeal()]));
    // Saturate both cores with maximum-size requests, then queue 31 small ones behind them.
    const heavyCalls = Array.from({ length: 4 }, () => send(s.port, '/v1/score', heavy));
    await Promise.all(heavyCalls.map((c) => c.written));
    const smallCalls = Array.from({ length: 31 }, () => send(s.port, '/v1/score', small));
    await Promise.all(smallCalls.map((c) => c.written));
    s.child.kill('SIGTERM');
    const answers = await Promise.all([...heavyCalls, ...smallCalls].map((c) => c.done));
    const failures = answers.filter((a) => a.status !== 200);
    expect(failures).toEqual([]);
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('draining in-flight requests');
    // After the drain nothing listens any more.
    const late = await send(s.port, '/v1/score', small).done;
    expect(late.status).toBe(0);
  }, 120_000);
});
