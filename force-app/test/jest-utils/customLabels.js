// Custom labels with their real values in a component test. sfdx-lwc-jest turns a label import into
// its name ("c.MDF_Claim_Stage"), so a test of text built from labels would check the label names,
// not what a user reads. mockCustomLabels(prefix) registers every label of the project's
// CustomLabels files (every package directory of sfdx-project.json) whose name starts with prefix,
// with its value. Call it before the component is required (require(), not import, which is hoisted).
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { XMLParser } = require('fast-xml-parser');

const root = join(__dirname, '..', '..', '..');

/** Every custom label of the project by name. */
function customLabels() {
  const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
  const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'labels' });
  const out = new Map();
  for (const dir of project.packageDirectories) {
    const file = join(root, dir.path, 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
    if (!existsSync(file)) continue;
    for (const l of xml.parse(readFileSync(file, 'utf8')).CustomLabels?.labels ?? []) {
      out.set(String(l.fullName), String(l.value ?? ''));
    }
  }
  return out;
}

/** Registers the labels whose names start with `prefix` (at least one must) with their values. */
function mockCustomLabels(prefix) {
  const matching = [...customLabels()].filter(([name]) => name.startsWith(prefix));
  if (matching.length === 0) throw new Error(`no custom label starts with ${prefix}`);
  for (const [name, value] of matching) {
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ default: value }), { virtual: true });
  }
  return new Map(matching);
}

module.exports = { customLabels, mockCustomLabels };
