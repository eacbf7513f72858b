/**
 * Builds the real Lightning Web Components (the .js that `npm run compile-lwc` writes beside each
 * .ts, never copies) into browser bundles with the LWC rollup plugin, lightning-base-components
 * and stand-ins for the modules only Salesforce serves. One bundle per page and shadow mode:
 * synthetic shadow (Lightning Experience, Aura sites) and native shadow (LWR sites).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rollup, type Plugin, type RollupCache } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { XMLParser } from 'fast-xml-parser';

export const ROOT = join(__dirname, '..');
/** Every package directory of sfdx-project.json (core, site, MDF, ...). */
const PACKAGE_DIRS = (
  JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories: { path: string }[];
  }
).packageDirectories.map((d) => join(ROOT, d.path));
/** The lwc folder of every package directory that has components. */
const LWC_DIRS = PACKAGE_DIRS.map((d) => join(d, 'main/default/lwc')).filter((d) => existsSync(d));
/** The CustomLabels file of every package directory that has labels (each package brings its own). */
export const LABEL_FILES = PACKAGE_DIRS.map((d) =>
  join(d, 'main/default/labels/CustomLabels.labels-meta.xml')
).filter((f) => existsSync(f));
const OBJECTS_DIR = join(ROOT, 'force-app/main/default/objects');
const CLIENT_DIR = join(__dirname, 'client');

export type ShadowMode = 'synthetic' | 'native';
export type PageName = 'portal' | 'console';
export const PAGES: readonly PageName[] = ['portal', 'console'];

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (n) => n === 'labels' });

/** Every custom label by name, from the CustomLabels files of every package directory. */
export function readLabels(files: readonly string[] = LABEL_FILES): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const doc = xml.parse(readFileSync(file, 'utf8')) as {
      CustomLabels?: { labels?: { fullName: string; value: string }[] };
    };
    for (const l of doc.CustomLabels?.labels ?? []) {
      const name = String(l.fullName);
      if (out.has(name)) throw new Error(`custom label ${name} is defined twice (again in ${file})`);
      out.set(name, String(l.value ?? ''));
    }
  }
  return out;
}

export interface FieldInfo {
  apiName: string;
  label: string;
  dataType: string;
  length: number | null;
  required: boolean;
}

/** What getObjectInfo answers about each object: field labels, types and lengths from the metadata XML. */
export function readObjectInfo(
  dir = OBJECTS_DIR
): Record<string, { apiName: string; fields: Record<string, FieldInfo> }> {
  const out: Record<string, { apiName: string; fields: Record<string, FieldInfo> }> = {};
  for (const obj of readdirSync(dir)) {
    const fieldsDir = join(dir, obj, 'fields');
    if (!existsSync(fieldsDir)) continue;
    const fields: Record<string, FieldInfo> = {};
    for (const f of readdirSync(fieldsDir)) {
      if (!f.endsWith('.field-meta.xml')) continue;
      const field = (
        xml.parse(readFileSync(join(fieldsDir, f), 'utf8')) as { CustomField: Record<string, string> }
      ).CustomField;
      const name = String(field.fullName);
      fields[name] = {
        apiName: name,
        label: String(field.label ?? name),
        dataType: String(field.type ?? ''),
        length: field.length === undefined ? null : Number(field.length),
        required: field.required === 'true'
      };
    }
    out[obj] = { apiName: obj, fields };
  }
  return out;
}

/** Component folders of the project (namespace c), in every package directory. */
export function componentDirs(): { name: string; dir: string }[] {
  return LWC_DIRS.flatMap((lwcDir) =>
    readdirSync(lwcDir)
      .filter((n) => existsSync(join(lwcDir, n, `${n}.ts`)))
      .map((n) => ({ name: n, dir: join(lwcDir, n) }))
  );
}

/** Component names of the project (namespace c). */
export function componentNames(): string[] {
  return componentDirs().map((c) => c.name);
}

const STUBS: Record<string, string> = {
  'lightning/messageService': 'messageService.js',
  'lightning/empApi': 'empApi.js',
  'lightning/navigation': 'navigation.js',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.js',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.js',
  'lightning/uiRelatedListApi': 'uiRelatedListApi.js',
  '@salesforce/apex': 'apexBridge.js'
};

/** Gates answered closed: the combobox's element-internals gate needs attachInternals(), which synthetic shadow refuses. */
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

export function salesforceModules(labels: Map<string, string>): Plugin {
  const objectInfo = readObjectInfo();
  const stub = (file: string) => JSON.stringify(join(CLIENT_DIR, 'stubs', file));
  return {
    name: 'preview-salesforce-modules',
    resolveId(id) {
      if (STUBS[id]) return join(CLIENT_DIR, 'stubs', STUBS[id]);
      if (
        id.startsWith('@salesforce/label/c.') ||
        id.startsWith('@salesforce/apex/') ||
        id.startsWith('@salesforce/messageChannel/') ||
        id.startsWith('@salesforce/schema/') ||
        id === '@salesforce/user/Id' ||
        id === 'preview:object-info' ||
        CLOSED_GATES.has(id)
      ) {
        return `\0${id}`;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith('\0')) return null;
      const name = id.slice(1);
      if (name.startsWith('@salesforce/label/c.')) {
        const key = name.slice('@salesforce/label/c.'.length);
        const value = labels.get(key);
        if (value === undefined) {
          this.error(
            `custom label c.${key} is imported by a component but not defined in any package's CustomLabels.labels-meta.xml`
          );
        }
        return `export default ${JSON.stringify(value)};`;
      }
      if (name.startsWith('@salesforce/apex/')) {
        const [cls, method] = name.slice('@salesforce/apex/'.length).split('.');
        if (!cls || !method) this.error(`malformed Apex import ${name}`);
        return `import { apexMethod } from ${stub('apexBridge.js')};\nexport default apexMethod(${JSON.stringify(cls)}, ${JSON.stringify(method)});`;
      }
      if (name.startsWith('@salesforce/messageChannel/')) {
        return `export default { channel: ${JSON.stringify(name.slice('@salesforce/messageChannel/'.length))} };`;
      }
      if (name.startsWith('@salesforce/schema/')) {
        const [objectApiName, fieldApiName] = name.slice('@salesforce/schema/'.length).split('.');
        return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};`;
      }
      if (name === '@salesforce/user/Id')
        return 'export default globalThis.PREVIEW && globalThis.PREVIEW.userId;';
      if (name === 'preview:object-info') return `export default ${JSON.stringify(objectInfo)};`;
      if (CLOSED_GATES.has(name)) return 'export default { isOpen: () => false };';
      return null;
    }
  };
}

/** Fails with the component's name when `npm run compile-lwc` has not written its .js. */
function requireCompiled(): void {
  const missing = componentDirs()
    .filter((c) => !existsSync(join(c.dir, `${c.name}.js`)))
    .map((c) => c.name);
  if (missing.length > 0) {
    throw new Error(`compiled LWC missing for ${missing.join(', ')}: run \`npm run compile-lwc\` first`);
  }
}

/** Built files by name (`synthetic/portal.js`, `synthetic/chunk-….js`, `native/portal.js`). */
export type BuiltFiles = Map<string, string>;

/**
 * Builds both shadow modes: synthetic (portal + console, one shared chunk) and native (portal).
 * The second build reuses the first one's compiled modules (rollup cache).
 */
export async function buildAll(log: (line: string) => void = console.log): Promise<BuiltFiles> {
  requireCompiled();
  const labels = readLabels();
  const modules = [
    { dir: join(CLIENT_DIR, 'modules') },
    ...componentDirs().map((c) => ({ name: `c/${c.name}`, path: join(c.dir, `${c.name}.js`) })),
    { npm: 'lightning-base-components' }
  ];
  const files: BuiltFiles = new Map();
  let cache: RollupCache | undefined;
  const projectWarnings: string[] = [];
  const targets: { shadow: ShadowMode; pages: readonly PageName[] }[] = [
    { shadow: 'synthetic', pages: PAGES },
    // The console lives in Lightning Experience only; partner pages also run on LWR sites.
    { shadow: 'native', pages: ['portal'] }
  ];
  for (const { shadow, pages } of targets) {
    const started = Date.now();
    const bundle = await rollup({
      input: Object.fromEntries(pages.map((p) => [p, join(CLIENT_DIR, `${p}.${shadow}.js`)])),
      cache,
      onwarn(w) {
        // Base components' own template warnings are theirs; the project's are reported.
        const where = w.id ?? w.loc?.file ?? '';
        if (where.includes('node_modules') || w.code === 'CIRCULAR_DEPENDENCY') return;
        projectWarnings.push(w.message);
      },
      plugins: [
        salesforceModules(labels),
        replace({
          preventAssignment: true,
          values: { 'process.env.NODE_ENV': JSON.stringify('development'), 'import.meta.env.SSR': 'false' }
        }),
        lwc({ rootDir: ROOT, modules, enableDynamicComponents: true })
      ]
    });
    cache = bundle.cache;
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: 'chunk-[hash].js' });
    await bundle.close();
    for (const item of output) {
      if (item.type === 'chunk') files.set(`${shadow}/${item.fileName}`, item.code);
    }
    log(
      `preview: built ${shadow} shadow (${pages.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  }
  for (const w of new Set(projectWarnings)) log(`preview build warning: ${w}`);
  return files;
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__' && name !== 'node_modules') out.push(...filesUnder(path, keep));
    } else if (keep(name)) out.push(path);
  }
  return out.sort();
}

/** A hash of everything a build reads: compiled components, stand-ins, labels, object metadata, tool versions. */
export function buildKey(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...LWC_DIRS.flatMap((d) => filesUnder(d, (n) => /\.(js|html|css)$/.test(n))),
    ...filesUnder(CLIENT_DIR, () => true),
    ...LABEL_FILES,
    ...filesUnder(OBJECTS_DIR, (n) => n.endsWith('.xml')),
    __filename,
    ...['lwc', '@lwc/rollup-plugin', 'lightning-base-components', 'rollup'].map((p) =>
      join(ROOT, 'node_modules', p, 'package.json')
    )
  ];
  for (const file of inputs) {
    hash.update(file.slice(ROOT.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const DIST = join(__dirname, 'dist');

/**
 * buildAll, reusing the last build when nothing it reads has changed (preview/dist/<key>/, ignored
 * by git). A build takes a minute or more on two cores; the browser tests and the screenshot
 * script then start in seconds.
 */
export async function buildAllCached(log: (line: string) => void = console.log): Promise<BuiltFiles> {
  requireCompiled();
  const key = buildKey();
  const dir = join(DIST, key);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    const names = JSON.parse(readFileSync(manifest, 'utf8')) as string[];
    log(`preview: reusing build ${key} (sources unchanged)`);
    return new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
  }
  const files = await buildAll(log);
  rmSync(DIST, { recursive: true, force: true });
  for (const [name, code] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), code);
  }
  writeFileSync(manifest, JSON.stringify([...files.keys()]));
  return files;
}
