// Every offline check covers every package directory of sfdx-project.json (core, site, MDF), and a
// directory may use the names of the directories listed before it but never after it: the core
// package must deploy to an org without the optional packages.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');
const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
  packageDirectories: { path: string }[];
};
const dirs = project.packageDirectories.map((d) => d.path);

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('package directories', () => {
  it('lists the core first and the MDF and site packages after it', () => {
    expect(dirs[0]).toBe('force-app');
    expect(dirs).toEqual(expect.arrayContaining(['force-app-site', 'force-app-mdf']));
  });

  it('makes every package directory a root of the LWC Jest tests', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(join(root, 'jest.config.js')) as {
      projects: { displayName: string; roots: string[] }[];
    };
    const lwc = config.projects.find((p) => p.displayName === 'lwc');
    expect(lwc?.roots).toEqual(dirs.map((d) => `<rootDir>/${d}`));
  });

  it('runs the metadata rules over every package directory by default', () => {
    const r = run('check-metadata.mjs', []);
    for (const d of dirs) expect(r.stdout).toContain(`${join(root, d)}:`);
  });

  it('compiles the TypeScript components of every package directory', () => {
    const r = run('compile-lwc.mjs', ['--check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/in 2 lwc folder\(s\)/);
  });
});

describe('metadata references across package directories', () => {
  const field = (obj: string, name: string, extra = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n  <fullName>${name}</fullName>\n  <label>${name}</label>\n${extra}  <type>Text</type>\n  <length>10</length>\n</CustomField>\n`;
  const object = (label: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n  <label>${label}</label>\n  <pluralLabel>${label}s</pluralLabel>\n  <nameField><label>Name</label><type>Text</type></nameField>\n  <deploymentStatus>Deployed</deploymentStatus>\n  <sharingModel>ReadWrite</sharingModel>\n</CustomObject>\n`;
  const permset = (fieldRef: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n  <fieldPermissions>\n    <editable>false</editable>\n    <field>${fieldRef}</field>\n    <readable>true</readable>\n  </fieldPermissions>\n  <label>P</label>\n</PermissionSet>\n`;

  function twoPackages(): { dir: string; core: string; extra: string } {
    const dir = mkdtempSync(join(tmpdir(), 'package-dirs-'));
    temps.push(dir);
    writeFileSync(
      join(dir, 'sfdx-project.json'),
      JSON.stringify({
        packageDirectories: [{ path: 'core', default: true }, { path: 'extra' }],
        sourceApiVersion: '62.0'
      })
    );
    const core = join(dir, 'core', 'main', 'default');
    const extra = join(dir, 'extra', 'main', 'default');
    mkdirSync(join(core, 'objects', 'Core_Thing__c', 'fields'), { recursive: true });
    writeFileSync(
      join(core, 'objects', 'Core_Thing__c', 'Core_Thing__c.object-meta.xml'),
      object('Core Thing')
    );
    writeFileSync(
      join(core, 'objects', 'Core_Thing__c', 'fields', 'Code__c.field-meta.xml'),
      field('Core_Thing__c', 'Code__c')
    );
    mkdirSync(join(extra, 'objects', 'Core_Thing__c', 'fields'), { recursive: true });
    writeFileSync(
      join(extra, 'objects', 'Core_Thing__c', 'fields', 'Extra__c.field-meta.xml'),
      field('Core_Thing__c', 'Extra__c')
    );
    mkdirSync(join(extra, 'permissionsets'), { recursive: true });
    mkdirSync(join(core, 'permissionsets'), { recursive: true });
    return { dir, core, extra };
  }

  it("lets a later package use the core's objects and add fields to them", () => {
    const p = twoPackages();
    writeFileSync(
      join(p.core, 'permissionsets', 'Core.permissionset-meta.xml'),
      permset('Core_Thing__c.Code__c')
    );
    // The later package grants the core's field and its own field on the core's object.
    writeFileSync(
      join(p.extra, 'permissionsets', 'Extra.permissionset-meta.xml'),
      permset('Core_Thing__c.Code__c').replace(
        '  <label>P</label>',
        '  <fieldPermissions>\n    <editable>false</editable>\n    <field>Core_Thing__c.Extra__c</field>\n    <readable>true</readable>\n  </fieldPermissions>\n  <label>P</label>'
      )
    );
    const r = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'check-metadata.mjs'), join(p.dir, 'core'), join(p.dir, 'extra')],
      {
        cwd: p.dir,
        encoding: 'utf8'
      }
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('refuses a core reference to a field only a later package defines', () => {
    const p = twoPackages();
    writeFileSync(
      join(p.core, 'permissionsets', 'Core.permissionset-meta.xml'),
      permset('Core_Thing__c.Extra__c')
    );
    const r = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'check-metadata.mjs'), join(p.dir, 'core'), join(p.dir, 'extra')],
      {
        cwd: p.dir,
        encoding: 'utf8'
      }
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown field Core_Thing__c.Extra__c');
  });
});

describe('apex-ls layers the package directories', () => {
  const meta =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    '  <apiVersion>62.0</apiVersion>\n  <status>Active</status>\n</ApexClass>\n';

  it('passes a later package using a core class and fails a core class using a later package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'package-dirs-apex-'));
    temps.push(dir);
    writeFileSync(
      join(dir, 'sfdx-project.json'),
      JSON.stringify({
        packageDirectories: [{ path: 'core', default: true }, { path: 'extra' }],
        sourceApiVersion: '62.0'
      })
    );
    const coreClasses = join(dir, 'core', 'main', 'default', 'classes');
    const extraClasses = join(dir, 'extra', 'main', 'default', 'classes');
    mkdirSync(coreClasses, { recursive: true });
    mkdirSync(extraClasses, { recursive: true });
    const write = (folder: string, name: string, body: string) => {
      writeFileSync(join(folder, `${name}.cls`), body);
      writeFileSync(join(folder, `${name}.cls-meta.xml`), meta);
    };
    write(
      coreClasses,
      'CoreThing',
      'public with sharing class CoreThing {\n  public static Integer one() {\n    return 1;\n  }\n}\n'
    );
    write(
      extraClasses,
      'ExtraThing',
      'public with sharing class ExtraThing {\n  public static Integer two() {\n    return CoreThing.one() + 1;\n  }\n}\n'
    );
    const clean = run('check-apex.mjs', [dir]);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);

    write(
      coreClasses,
      'CoreThing',
      'public with sharing class CoreThing {\n  public static Integer one() {\n    return ExtraThing.two();\n  }\n}\n'
    );
    const broken = run('check-apex.mjs', [dir]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/CoreThing\.cls:3:\d+ .*ExtraThing/);
  });
});
