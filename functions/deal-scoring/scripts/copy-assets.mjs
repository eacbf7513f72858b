// Part of `npm run build:function`: copies the runtime files tsc does not emit (plain JavaScript
// modules such as the PDF worker, src/ai/pdf-worker.mjs) from src/ to dist/, keeping their paths.
import { cpSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
let copied = 0;
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(mjs|cjs)$/.test(entry.name)) continue;
  const from = join(entry.parentPath ?? entry.path, entry.name);
  cpSync(from, join(dist, relative(src, from)));
  copied += 1;
}
process.stdout.write(`copied ${copied} runtime asset(s) to ${relative(process.cwd(), dist) || '.'}\n`);
