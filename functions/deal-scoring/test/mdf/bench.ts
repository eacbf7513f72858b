// `npm run bench:mdf`: the MDF check's speed and memory targets, through the HTTP app with the
// worker pool (app.inject, no socket):
// 1. a 10-page text PDF checked in under 1 s (median of repeated checks after a warm-up);
// 2. one receipt image OCR'd in under 5 s on one core (one worker thread; cold = the first
//    image, including loading the OCR engine and its language data, then warm);
// 3. 20 concurrent checks (text PDFs, images, scanned PDFs) with the peak RSS of the process
//    (worker threads included) sampled every 20 ms.
// Prints the machine load next to the figures: the machine may be shared.
import os from 'node:os';
import { buildApp } from '../../src/app';
import { defaultConfig } from '../../src/config';
import type { CheckResponse } from '../../src/mdf/schemas';
import { generateFixture } from './fixture';
import { claimRequest, INVOICE_LINES, invoiceBase64 } from './support';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const line = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  line(
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  );
  const cases = await generateFixture(16);
  const receipt = cases.find((c) => c.kind === 'image-photo')!;
  const scanned = cases.find((c) => c.kind === 'pdf-scanned')!;
  const clean = cases.find((c) => c.kind === 'image-clean')!;

  // 1 + 2: one worker thread (one core for the document work).
  const one = await buildApp(defaultConfig({ workerThreads: 1, logLevel: 'silent' }));
  await one.ready();
  const check = async (app: typeof one, body: unknown): Promise<{ ms: number; body: CheckResponse }> => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/v1/mdf/check', payload: body as object });
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
    return { ms, body: res.json<CheckResponse>() };
  };
  try {
    const tenPages = await invoiceBase64(INVOICE_LINES, 10);
    const pdfRequest = claimRequest([
      { fileName: 'ten-pages.pdf', contentType: 'application/pdf', role: 'invoice', data: tenPages }
    ]);
    await check(one, pdfRequest);
    const pdfTimes: number[] = [];
    for (let i = 0; i < 15; i++) pdfTimes.push((await check(one, pdfRequest)).ms);
    const first = await check(one, pdfRequest);
    line(
      `1. 10-page text PDF (${first.body.documents[0]!.pages} pages, ${first.body.documents[0]!.textSource}): median ${median(pdfTimes).toFixed(0)} ms, max ${Math.max(...pdfTimes).toFixed(0)} ms over ${pdfTimes.length} checks (target < 1000 ms)`
    );

    const imageRequest = receipt.request;
    const cold = await check(one, imageRequest);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push((await check(one, imageRequest)).ms);
    const doc = cold.body.documents[0]!;
    line(
      `2. receipt photo (${receipt.request.documents[0]!.contentType}, ${((receipt.request.documents[0]!.data.length * 0.75) / 1024).toFixed(0)} KiB, OCR confidence ${doc.ocrConfidence}): cold ${cold.ms.toFixed(0)} ms (engine start included), warm median ${median(warm).toFixed(0)} ms on 1 worker thread (target < 5000 ms)`
    );
  } finally {
    await one.close();
  }

  // 3: 20 concurrent checks on the default pool (one thread per CPU).
  const pool = await buildApp(
    defaultConfig({ workerThreads: os.cpus().length, workerQueueMax: 64, logLevel: 'silent' })
  );
  await pool.ready();
  try {
    const bodies = Array.from({ length: 20 }, (_, i) =>
      i % 4 === 0
        ? receipt.request
        : i % 4 === 1
          ? scanned.request
          : i % 4 === 2
            ? clean.request
            : cases[0]!.request
    );
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t0 = performance.now();
    const results = await Promise.all(bodies.map((b) => check(pool, b)));
    const wall = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    line(
      `3. 20 concurrent checks (5 photos, 5 scanned PDFs, 5 clean images, 5 text PDFs) on ${os.cpus().length} worker threads: all ${results.length} answered in ${(wall / 1000).toFixed(1)} s; RSS before ${mib(before)}, peak ${mib(peak)}`
    );
  } finally {
    await pool.close();
  }
  line(
    `load after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exitCode = 1;
});
