/** A tiny run of the per-request CPU breakdown (`npm run bench:breakdown`; never timed here). */
import { cpuBreakdown } from '../bench/breakdown';

describe('CPU breakdown benchmark (smoke)', () => {
  it('times every phase of /v1/score and the bare route, and says what the targets allow', async () => {
    const lines = await cpuBreakdown(100);
    const row = (name: string) => {
      const line = lines.find((l) => l.startsWith(`| ${name}`));
      if (!line) throw new Error(`no row ${name}`);
      return line
        .split('|')
        .map((c) => c.trim())
        .slice(2, 4);
    };
    const [appTotal, bareTotal] = row('whole request').map(Number);
    expect(appTotal).toBeGreaterThan(0);
    expect(bareTotal).toBeGreaterThan(0);
    for (const phase of ['JSON body parse', 'schema validation', 'scoring', 'response serialization']) {
      const [app] = row(phase).map(Number);
      expect(app).toBeGreaterThan(0);
    }
    expect(lines.join('\n')).toMatch(/CPU ratio of \/v1\/score to the bare route: \d+\.\d\dx/);
  }, 60_000);
});
