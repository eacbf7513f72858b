/**
 * `npm run preview`: the whole product on one machine, no org. Builds the real components, starts
 * the in-memory org (which starts the scoring function in-process) and serves, on loopback:
 *   /                       links to every page
 *   the pages listed in pages.ts: partner pages under /portal/, channel-manager pages under /console
 *   (e.g. /portal/new registers a deal; /console is the queue, score card and metrics).
 * Partner pages take ?as=northwind|blueriver (persona) and ?shadow=native (LWR site) or synthetic.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { buildAllCached, ROOT, type BuiltFiles } from './build';
import { AuraError, PreviewOrg } from './org/org';
import { invoke } from './org/controllers';
import { PAGES, pageByPath, type PreviewPage } from './pages';

const SLDS = join(ROOT, 'node_modules/@salesforce-ux/design-system/assets');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.html': 'text/html; charset=utf-8'
};

export const PARTNERS = [
  { persona: 'northwind', label: 'Nora Lind, Northwind Solutions' },
  { persona: 'blueriver', label: 'Ben Carter, Blue River Consulting' }
] as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface PageSpec {
  title: string;
  bundle: string;
  persona: string;
  page: string;
  nav: string;
  body: string;
}

function layout(spec: PageSpec): string {
  const { userId, persona } = { userId: '', persona: spec.persona };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.title)} · preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>
  body { background: #f3f3f3; }
  .preview-header { background: #fff; border-bottom: 1px solid #c9c9c9; }
  .preview-toasts { position: fixed; top: 0.5rem; left: 0; right: 0; z-index: 9000; display: flex; flex-direction: column; align-items: center; }
  .preview-notice:empty { display: none; }
</style>
<script>window.PREVIEW = ${JSON.stringify({ persona, userId, page: spec.page })};</script>
</head>
<body>
<header class="preview-header slds-p-around_small">
  <nav aria-label="Preview pages" class="slds-grid slds-wrap slds-grid_vertical-align-center slds-gutters_x-small">${spec.nav}</nav>
</header>
<div class="preview-toasts" id="toasts" role="status" aria-live="polite"></div>
<main class="slds-p-around_medium">
  <h1 class="slds-text-heading_large slds-m-bottom_medium">${escapeHtml(spec.title)}</h1>
  <p id="navigation-notice" class="preview-notice slds-box slds-theme_info slds-m-bottom_small"></p>
  ${spec.body}
</main>
<script type="module" src="/build/${spec.bundle}"></script>
</body>
</html>`;
}

function link(href: string, text: string, current: boolean): string {
  return `<a class="slds-m-right_large" href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a>`;
}

function partnerNav(persona: string, shadow: string, path: string): string {
  const q = (p: string, s = shadow) => `?as=${p}&shadow=${s}`;
  const parts = [
    ...PAGES.filter((p) => p.audience === 'partner').map((p) =>
      link(`${p.path}${q(persona)}`, p.title, p.path === path)
    ),
    ...PARTNERS.filter((p) => p.persona !== persona).map((p) =>
      link(`${path}${q(p.persona)}`, `Switch to ${p.label}`, false)
    ),
    link(
      `${path}${q(persona, shadow === 'native' ? 'synthetic' : 'native')}`,
      shadow === 'native' ? 'Show as Aura site (synthetic shadow)' : 'Show as LWR site (native shadow)',
      false
    ),
    link('/', 'All preview pages', false)
  ];
  return parts.join('');
}

function managerNav(path: string): string {
  return [
    ...PAGES.filter((p) => p.audience === 'manager').map((p) => link(p.path, p.title, p.path === path)),
    link('/', 'All preview pages', false)
  ].join('');
}

export function rootPage(): string {
  const rows: string[] = [];
  for (const p of PARTNERS) {
    for (const shadow of ['synthetic', 'native']) {
      rows.push(
        `<li class="slds-item">${escapeHtml(p.label)} (${shadow === 'native' ? 'LWR site, native shadow' : 'Aura site, synthetic shadow'}):
        ${PAGES.filter((x) => x.audience === 'partner')
          .map((x) => `<a href="${x.path}?as=${p.persona}&shadow=${shadow}">${escapeHtml(x.title)}</a>`)
          .join(' · ')}</li>`
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deal registration preview</title><link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css"></head>
<body><main class="slds-p-around_large">
<h1 class="slds-text-heading_large slds-m-bottom_medium">Deal registration preview</h1>
<p class="slds-m-bottom_medium">The real Lightning Web Components, an in-memory org and the real scoring function. Nothing leaves this machine.</p>
<h2 class="slds-text-heading_medium slds-m-vertical_small">Partner portal</h2>
<ul class="slds-has-dividers_bottom-space">${rows.join('')}</ul>
<h2 class="slds-text-heading_medium slds-m-vertical_small">Channel manager</h2>
<ul class="slds-has-dividers_bottom-space"><li class="slds-item">Morgan Reyes, channel manager: ${PAGES.filter(
    (x) => x.audience === 'manager'
  )
    .map((x) => `<a href="${x.path}">${escapeHtml(x.title)}</a>`)
    .join(' · ')}</li></ul>
</main></body></html>`;
}

function partnerPage(org: PreviewOrg, page: PreviewPage, persona: string, shadow: string): string {
  const user = org.userByPersona(persona);
  const account = user.accountId ? org.accounts.get(user.accountId)?.name : '';
  const html = layout({
    title: page.title,
    bundle: `${shadow}/portal.js`,
    persona,
    page: page.path.slice('/portal/'.length),
    nav: partnerNav(persona, shadow, page.path),
    body: `<p class="slds-m-bottom_small slds-text-color_weak">Signed in as ${escapeHtml(user.name)} (${escapeHtml(account ?? '')}).</p>
${page.body}`
  });
  return html.replace(`"userId":""`, `"userId":${JSON.stringify(user.id)}`);
}

function consolePage(org: PreviewOrg, page: PreviewPage): string {
  const user = org.userByPersona('manager');
  const html = layout({
    title: page.path === '/console' ? 'Deal review console' : page.title,
    bundle: 'synthetic/console.js',
    persona: 'manager',
    page: page.path === '/console' ? 'console' : page.path.slice(1).replace('/', '-'),
    nav: managerNav(page.path),
    body: `<p class="slds-m-bottom_small slds-text-color_weak">Signed in as ${escapeHtml(user.name)} (channel manager).</p>
${page.body}`
  });
  return html.replace(`"userId":""`, `"userId":${JSON.stringify(user.id)}`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 2 * 1024 * 1024) throw new Error('request body too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export interface Preview {
  url: string;
  org: PreviewOrg;
  server: Server;
  close(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  files?: BuiltFiles;
  log?: (line: string) => void;
}

/** Builds (unless given built files), starts the org and listens on 127.0.0.1. */
export async function startPreview(options: StartOptions = {}): Promise<Preview> {
  const log = options.log ?? console.log;
  const files = options.files ?? (await buildAllCached(log));
  const org = new PreviewOrg();
  await org.start();
  const streams = new Set<ServerResponse>();
  org.onEvent((event) => {
    for (const s of streams) s.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'POST' && path.startsWith('/apex/')) {
      const name = decodeURIComponent(path.slice('/apex/'.length));
      const persona = String(req.headers['x-preview-persona'] ?? '');
      try {
        const user = org.userByPersona(persona);
        const body = await readBody(req);
        const result = await invoke(org, user, name, body ? JSON.parse(body) : {});
        send(res, 200, 'application/json', JSON.stringify(result ?? null));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (!(e instanceof AuraError)) console.error(`preview org: ${name} failed`, e);
        send(
          res,
          e instanceof AuraError ? 400 : 500,
          'application/json',
          JSON.stringify({
            message,
            exceptionType:
              e instanceof AuraError ? 'System.AuraHandledException' : 'System.UnexpectedException'
          })
        );
      }
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (path === '/') return send(res, 200, TYPES['.html'] as string, rootPage());
    const page = pageByPath(path);
    if (page?.audience === 'manager') return send(res, 200, TYPES['.html'] as string, consolePage(org, page));
    if (page) {
      const persona = url.searchParams.get('as') ?? 'northwind';
      const shadow = url.searchParams.get('shadow') === 'native' ? 'native' : 'synthetic';
      if (!PARTNERS.some((p) => p.persona === persona))
        return send(res, 404, 'text/plain', `no partner persona ${persona}`);
      return send(res, 200, TYPES['.html'] as string, partnerPage(org, page, persona, shadow));
    }
    const records = /^\/preview\/records\/(\w+)$/.exec(path);
    if (records) {
      if (records[1] !== 'User') return send(res, 200, 'application/json', '[]');
      const users = [...org.users.values()]
        .filter((u) => u.role === 'manager')
        .map((u) => ({ id: u.id, name: u.name }));
      return send(res, 200, 'application/json', JSON.stringify(users));
    }
    if (path.startsWith('/build/')) {
      const code = files.get(path.slice('/build/'.length));
      return code === undefined
        ? send(res, 404, 'text/plain', 'not built')
        : send(res, 200, TYPES['.js'] as string, code);
    }
    if (path.startsWith('/assets/')) {
      const file = normalize(join(SLDS, path.slice('/assets/'.length)));
      if (!file.startsWith(SLDS) || !existsSync(file)) return send(res, 404, 'text/plain', 'not found');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'max-age=3600'
      });
      res.end(readFileSync(file));
      return;
    }
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
    send(res, 404, 'text/plain', 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('preview server', e);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });
  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    org,
    server,
    async close() {
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await org.stop();
    }
  };
}

/** The port from PREVIEW_PORT (default 8788); a bad value stops with a message naming it. */
export function portFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PREVIEW_PORT;
  if (raw === undefined || raw === '') return 8788;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`PREVIEW_PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return n;
}

async function main(): Promise<void> {
  const preview = await startPreview({ port: portFromEnv() });
  const u = preview.url;
  console.log(`\nPreview running (Ctrl+C stops it):
  ${u}/                                       every page
  ${u}/portal/new?as=northwind                 partner: register a deal (Northwind)
  ${u}/portal/registrations?as=blueriver       partner: my registrations (Blue River)
  ${u}/portal/new?as=northwind&shadow=native   partner pages as an LWR site (native shadow)
  ${u}/console                                 channel manager console`);
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
