// Proves the offline checks catch what they claim: each test copies the project (or a minimal
// one) into a temp directory with its own sfdx-project.json, breaks one thing on purpose and runs
// the real check script as `npm test` does. Every "broken" case is paired with the clean input
// passing (or with the problem being new compared to the clean copy), so a check that always
// fails or never fails cannot pass these tests.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Java (apex-ls, PMD) and the Salesforce CLI take seconds each on a shared 2-core machine.
jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');
const classMeta =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
  '  <apiVersion>62.0</apiVersion>\n  <status>Active</status>\n</ApexClass>\n';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A temp SFDX project: sfdx-project.json plus the given parts of force-app/main/default. */
function project(parts: string[]): { dir: string; src: string; def: string } {
  const dir = mkdtempSync(join(tmpdir(), 'offline-check-'));
  temps.push(dir);
  cpSync(join(root, 'sfdx-project.json'), join(dir, 'sfdx-project.json'));
  const def = join(dir, 'force-app', 'main', 'default');
  mkdirSync(def, { recursive: true });
  for (const p of parts) {
    // Parts another engineer has not created yet are skipped; the checks run on what exists.
    const from = join(root, 'force-app', 'main', 'default', p);
    if (existsSync(from)) cpSync(from, join(def, p), { recursive: true });
  }
  return { dir, src: join(dir, 'force-app'), def };
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024
  });
}

function problemLines(r: SpawnSyncReturns<string>): string[] {
  return r.stderr.split('\n').filter((l) => l.trim() !== '');
}

/** The declarative metadata folders both the metadata check and the convert check read. */
const DECLARATIVE_PARTS = [
  'objects',
  'permissionsets',
  'layouts',
  'tabs',
  'applications',
  'customMetadata',
  'customPermissions',
  'queues',
  'groups',
  'sharingRules',
  'namedCredentials',
  'externalCredentials'
];

describe('check-metadata', () => {
  const parts = [
    ...DECLARATIVE_PARTS,
    'classes',
    'triggers',
    'flexipages',
    'lwc',
    'labels',
    'messageChannels',
    'approvalProcesses',
    'workflows'
  ];
  // One clean copy and its problems (none); each case breaks a fresh copy and must add the expected
  // problem. One planted mistake per rule, each in its own copy: offline-checks-planted.test.ts.
  let baseline: string[];
  beforeAll(() => {
    const clean = project(parts);
    const r = run('check-metadata.mjs', [clean.src]);
    baseline = problemLines(r).map((l) => l.replace(clean.dir, ''));
    expect(r.stdout).toMatch(/metadata: \d+ -meta\.xml files/);
  });

  function brokenCase(breakIt: (def: string) => void): string[] {
    const p = project(parts);
    breakIt(p.def);
    const r = run('check-metadata.mjs', [p.src]);
    expect(r.status).toBe(1);
    return problemLines(r)
      .map((l) => l.replace(p.dir, ''))
      .filter((l) => !baseline.includes(l));
  }

  it('passes the project as it is', () => {
    expect(baseline).toEqual([]);
  });

  it('catches unknown fields referenced from Apex (SObject fields, constructors, SOQL, sub-queries, dynamic SOQL)', () => {
    const added = brokenCase((def) => {
      writeFileSync(
        join(def, 'classes/BrokenRefs.cls'),
        [
          'public with sharing class BrokenRefs {',
          '  public static void run() {',
          "    Deal_Registration__c d = new Deal_Registration__c(Customer_Nam__c = 'x');",
          "    d.Stauts__c = 'Draft';",
          '    Object f = Deal_Registration__c.Deal_Valeu__c;',
          '    List<Deal_Registration__c> rows = [SELECT Id, Partner_Account__r.Name, AI_Scor__c,',
          '      (SELECT Id, Scoore__c FROM AI_Recommendations__r) FROM Deal_Registration__c',
          '      WHERE Statsu__c = :d.Status__c WITH USER_MODE];',
          "    rows = Database.query('SELECT Id, Opportunity_Nme__c ' + 'FROM Deal_Registration__c', AccessLevel.USER_MODE);",
          // A bind holding a type name is no field; the filter after it still is.
          '    rows = [SELECT Id FROM Deal_Registration__c WHERE Id IN :new Map<Id, Deal_Registration__c>(rows).keySet()',
          "      AND Regoin__c = 'x' WITH USER_MODE];",
          '  }',
          '}',
          ''
        ].join('\n')
      );
      writeFileSync(join(def, 'classes/BrokenRefs.cls-meta.xml'), classMeta);
    });
    const text = added.join('\n');
    for (const bad of [
      'Customer_Nam__c',
      'Stauts__c',
      'Deal_Valeu__c',
      'AI_Scor__c',
      'Statsu__c',
      'Opportunity_Nme__c',
      'Regoin__c'
    ]) {
      expect(text).toContain(`unknown field Deal_Registration__c.${bad}`);
    }
    expect(text).toContain('unknown field AI_Recommendation__c.Scoore__c');
    expect(text).toMatch(/\(dynamic\): SOQL select: unknown field Deal_Registration__c\.Opportunity_Nme__c/);
    expect(text).not.toContain('Deal_Registration__c.Deal_Registration__c');
    expect(added).toHaveLength(8);
  });
});

describe('check-apex (apex-ls)', () => {
  it('passes a correct class and fails on a type error and an unknown field', () => {
    const p = project(['objects']);
    const classes = join(p.def, 'classes');
    mkdirSync(classes);
    writeFileSync(
      join(classes, 'Probe.cls'),
      'public with sharing class Probe {\n  public static Decimal value(Deal_Registration__c d) {\n    return d.Deal_Value__c;\n  }\n}\n'
    );
    writeFileSync(join(classes, 'Probe.cls-meta.xml'), classMeta);
    const clean = run('check-apex.mjs', [p.dir]);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);

    writeFileSync(
      join(classes, 'Probe.cls'),
      'public with sharing class Probe {\n  public static Decimal value(Deal_Registration__c d) {\n' +
        '    DealRegistrationTypo x = null;\n    return d.Deal_Valeu__c;\n  }\n}\n'
    );
    const broken = run('check-apex.mjs', [p.dir]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/Probe\.cls:3:\d+ .*DealRegistrationTypo/);
    expect(broken.stderr).toMatch(/Probe\.cls:4:\d+ .*Deal_Valeu__c/);
  });
});

describe('check-pmd', () => {
  it('passes clean Apex, fails a DML-in-loop / CRUD violation and an unjustified NOPMD', () => {
    const p = project([]);
    const classes = join(p.def, 'classes');
    mkdirSync(classes);
    const good = [
      '/**',
      ' * @description Clean sample.',
      ' */',
      'public with sharing class Sample {',
      '  /**',
      ' * @description Renames accounts in one DML statement.',
      ' * @param accounts the accounts',
      ' */',
      '  public static void rename(List<Account> accounts) {',
      '    for (Account a : accounts) {',
      "      a.Name = a.Name + ' (renamed)';",
      '    }',
      '    Database.update(accounts, AccessLevel.USER_MODE);',
      '  }',
      '}',
      ''
    ];
    writeFileSync(join(classes, 'Sample.cls'), good.join('\n'));
    writeFileSync(join(classes, 'Sample.cls-meta.xml'), classMeta);
    const clean = run('check-pmd.mjs', [p.src]);
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toMatch(/0 violation\(s\)/);
    expect(clean.status).toBe(0);

    const bad = [...good];
    bad[10] = '      update a;';
    bad[12] = '    System.debug(LoggingLevel.FINE, accounts.size()); // NOPMD';
    writeFileSync(join(classes, 'Sample.cls'), bad.join('\n'));
    const broken = run('check-pmd.mjs', [p.src]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/Sample\.cls:11 OperationWithLimitsInLoop/);
    expect(broken.stderr).toMatch(/Sample\.cls:11 ApexCRUDViolation/);
    expect(broken.stderr).toMatch(/Sample\.cls:13: NOPMD without a reason/);
  });

  it('fails loudly, never skips, when Java is missing', () => {
    const r = run('check-pmd.mjs', [], { ...process.env, PATH: '/nonexistent' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/java not found/);
  });
});

describe('check-convert (sf project convert source)', () => {
  it('passes the metadata as shipped and fails when a contract component is missing or the per-org config leaks in', () => {
    const parts = [...DECLARATIVE_PARTS, 'platformEventSubscriberConfigs', 'labels'];
    const p = project(parts);
    cpSync(join(root, '.forceignore'), join(p.dir, '.forceignore'));
    const classes = join(p.def, 'classes');
    const triggers = join(p.def, 'triggers');
    mkdirSync(classes);
    mkdirSync(triggers);
    for (const f of ['AiAuditLogTriggerHandler.cls', 'AiAuditLogTriggerHandler.cls-meta.xml']) {
      cpSync(join(root, 'force-app/main/default/classes/audit', f), join(classes, f));
    }
    for (const f of ['AiAuditLogTrigger.trigger', 'AiAuditLogTrigger.trigger-meta.xml']) {
      cpSync(join(root, 'force-app/main/default/triggers', f), join(triggers, f));
    }
    const clean = run('check-convert.mjs', [p.src]);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);

    rmSync(join(p.def, 'queues/Deal_Registration_Conflicts.queue-meta.xml'));
    writeFileSync(join(p.dir, '.forceignore'), '**/__tests__/**\n');
    const broken = run('check-convert.mjs', [p.src]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/package\.xml lacks Queue Deal_Registration_Conflicts/);
    expect(broken.stderr).toMatch(/must not list PlatformEventSubscriberConfig/);
  });
});
