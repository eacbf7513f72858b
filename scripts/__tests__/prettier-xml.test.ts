import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Prettier runs with --write in the pre-commit hook. For metadata XML it must never change the text
// inside an element: a label's value, a help text or a formula is what users see and what the
// platform evaluates. The project config sets whitespace sensitivity to "preserve" for *-meta.xml;
// these tests fail if that ever regresses to a setting that reflows or re-spaces text.
const labelsFile = path.resolve(
  __dirname,
  '../../force-app/main/default/labels/CustomLabels.labels-meta.xml'
);

const prettierBin = require.resolve('prettier/bin/prettier.cjs');

// The real CLI with the project's config, as the hook and `npm test` run it.
function formatted(xml: string): string {
  const r = spawnSync(process.execPath, [prettierBin, '--stdin-filepath', labelsFile], {
    input: xml,
    encoding: 'utf8'
  });
  if (r.status !== 0) throw new Error(`prettier failed: ${r.stderr}`);
  return r.stdout;
}

function valueOf(xml: string): string {
  const match = /<value\s*>([\s\S]*?)<\/value>/.exec(xml);
  if (!match || match[1] === undefined) throw new Error(`no <value> in:\n${xml}`);
  return match[1];
}

describe('prettier on metadata XML', () => {
  it('keeps entities and long label text exactly as written', () => {
    const text =
      'Your partner&apos;s registration &amp; its protection period: this value is deliberately longer than any print width so that a reflowing formatter would wrap it onto several lines.';
    const xml = `<?xml version="1.0" encoding="UTF-8" ?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n  <labels>\n    <fullName>X</fullName>\n    <value>${text}</value>\n  </labels>\n</CustomLabels>\n`;
    expect(valueOf(formatted(xml))).toBe(text);
  });

  it('keeps leading and inner spacing of a value', () => {
    const text = 'Two  spaces and a trailing one ';
    const xml = `<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata"><labels><fullName>Y</fullName><value>${text}</value></labels></CustomLabels>`;
    expect(valueOf(formatted(xml))).toBe(text);
  });
});
