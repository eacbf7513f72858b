// User-visible text in a Lightning web component's template comes from custom labels (translatable,
// editable by the subscriber), never typed into the HTML. This test parses every template of every
// package directory (sfdx-project.json) with the LWC template compiler's parser and reports text nodes
// and user-facing attributes (label, title, alternative-text, placeholder, message-when-*, ...) whose
// value is a literal with a letter in it. Punctuation such as ` · ` between expressions is fine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
// The parser of the LWC template compiler (the version the `lwc` package builds with).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@lwc/template-compiler') as {
  parse: (source: string, config: object) => { root: TemplateNode; warnings: { message: string }[] };
};

interface TemplateNode {
  type: string;
  name?: string;
  value?: { type: string; value?: unknown };
  attributes?: { name: string; value: { type: string; value?: unknown } }[];
  properties?: { attributeName: string; value: { type: string; value?: unknown } }[];
  children?: TemplateNode[];
  location?: { startLine: number };
}

const root = join(__dirname, '..', '..');

/** Every package directory of sfdx-project.json that has components (core, MDF, ...). */
const CHECKED = (
  JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories: { path: string }[];
  }
).packageDirectories
  .map((d) => d.path)
  .filter((d) => templates(join(root, d)).length > 0);

const TEXT_ATTRIBUTES = new Set([
  'label',
  'title',
  'alternative-text',
  'alternativetext',
  'placeholder',
  'friendly-message',
  'friendlymessage',
  'field-level-help',
  'fieldlevelhelp',
  'aria-label',
  'arialabel',
  'header',
  'heading',
  'help-text',
  'loading-text',
  'empty-message'
]);
const isTextAttribute = (name: string) =>
  TEXT_ATTRIBUTES.has(name.toLowerCase()) || /^message-?when/i.test(name);
const hasWords = (v: unknown) => typeof v === 'string' && /\p{L}/u.test(v);

/** Hard-coded user-visible text of one template: `line: what`. */
export function hardCodedText(html: string): string[] {
  const { root: tree, warnings } = parse(html, {});
  if (warnings.some((w) => /error/i.test(w.message)))
    throw new Error(warnings.map((w) => w.message).join('; '));
  const found: string[] = [];
  const at = (n: TemplateNode) => `line ${n.location?.startLine ?? '?'}`;
  const visit = (n: TemplateNode) => {
    if (n.type === 'Text' && n.value?.type === 'Literal' && hasWords(n.value.value)) {
      found.push(`${at(n)}: text "${String(n.value.value).trim()}"`);
    }
    for (const a of n.attributes ?? []) {
      if (isTextAttribute(a.name) && a.value.type === 'Literal' && hasWords(a.value.value))
        found.push(`${at(n)}: ${a.name}="${String(a.value.value)}"`);
    }
    for (const p of n.properties ?? []) {
      if (isTextAttribute(p.attributeName) && p.value.type === 'Literal' && hasWords(p.value.value))
        found.push(`${at(n)}: ${p.attributeName}="${String(p.value.value)}"`);
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  return found;
}

function templates(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__' && name !== 'node_modules') out.push(...templates(path));
    } else if (name.endsWith('.html') && path.includes(`${join('lwc', '')}`)) out.push(path);
  }
  return out;
}

describe('LWC templates take their text from custom labels', () => {
  it('reports literal text, labels, titles and messages, and accepts expressions and punctuation', () => {
    const html = [
      '<template>',
      '  <h2>Claim funds</h2>',
      '  <lightning-button label="Save draft" variant="brand"></lightning-button>',
      '  <lightning-spinner alternative-text="Loading" size="small"></lightning-spinner>',
      '  <lightning-textarea message-when-value-missing="Give a reason"></lightning-textarea>',
      '  <p title="Remove this cost" class="slds-text-body_small">{a} · {b}</p>',
      '  <lightning-input label={labels.Title} data-id="title" type="date"></lightning-input>',
      '</template>'
    ].join('\n');
    expect(hardCodedText(html)).toEqual([
      'line 2: text "Claim funds"',
      'line 3: label="Save draft"',
      'line 4: alternative-text="Loading"',
      'line 5: message-when-value-missing="Give a reason"',
      'line 6: title="Remove this cost"'
    ]);
  });

  it('checks the core package and the MDF package', () => {
    expect(CHECKED).toEqual(expect.arrayContaining(['force-app', 'force-app-mdf']));
  });

  it.each(CHECKED)('%s has no hard-coded text in its templates', (dir) => {
    const files = templates(join(root, dir));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) =>
      hardCodedText(readFileSync(f, 'utf8')).map((m) => `${relative(root, f)} ${m}`)
    );
    expect(found).toEqual([]);
  });
});
