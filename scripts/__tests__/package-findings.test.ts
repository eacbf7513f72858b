/**
 * Package-review findings that live in metadata and configuration (issue 19): each assertion
 * reads the shipped files and fails if the finding comes back.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const def = join(root, 'force-app/main/default');

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p, suffix);
    return p.endsWith(suffix) ? [p] : [];
  });
}

function permissionSet(name: string): string {
  return readFileSync(join(def, 'permissionsets', `${name}.permissionset-meta.xml`), 'utf8');
}

function objectPermission(xml: string, object: string): Record<string, string> {
  const block = [...xml.matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)]
    .map((m) => m[1] ?? '')
    .find((b) => b.includes(`<object>${object}</object>`));
  const out: Record<string, string> = {};
  for (const [, key, value] of (block ?? '').matchAll(/<(\w+)>([^<]*)<\/\1>/g)) out[key ?? ''] = value ?? '';
  return out;
}

describe('package findings (metadata and configuration)', () => {
  it('1: the scratch org edition is one any Dev Hub can create, and the docs explain each feature', () => {
    const scratch = JSON.parse(readFileSync(join(root, 'config/project-scratch-def.json'), 'utf8')) as {
      edition: string;
      features: string[];
    };
    expect(['Developer', 'Enterprise']).toContain(scratch.edition);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const feature of scratch.features) expect(readme).toContain(`\`${feature}\``);
  });

  it('2: Account.IsPartner is never named outside a string in Apex (compile fails without PRM)', () => {
    const offenders = files(join(def, 'classes'), '.cls').filter((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*\*)/.test(line))
        .some((line) => /IsPartner/.test(line.replace(/'[^']*'/g, "''")))
    );
    expect(offenders).toEqual([]);
  });

  it('3: no permission set grants field permissions on platform-event fields', () => {
    for (const f of files(join(def, 'permissionsets'), '.xml')) {
      expect({
        file: f,
        eventFields: readFileSync(f, 'utf8').match(/<field>\w+__e\.\w+<\/field>/g) ?? []
      }).toEqual({
        file: f,
        eventFields: []
      });
    }
  });

  it('11: registrations are not searched IN NAME FIELDS (their Name is an AutoNumber)', () => {
    const selector = readFileSync(join(def, 'classes/scoring/DealCandidateSelector.cls'), 'utf8');
    const nameSearches = [...selector.matchAll(/IN NAME FIELDS[\s\S]*?(?=;|\]\s*;)/g)].map((m) => m[0]);
    expect(nameSearches.length).toBeGreaterThan(0);
    for (const search of nameSearches) expect(search).not.toContain('Deal_Registration__c');
  });

  it('13: every permission set that grants Deal_Registration_Decide can edit registrations and recommendations', () => {
    for (const name of ['Deal_Registration_Admin', 'Deal_Registration_Manager']) {
      const xml = permissionSet(name);
      expect(xml).toMatch(/<name>Deal_Registration_Decide<\/name>/);
      expect(objectPermission(xml, 'Deal_Registration__c').allowEdit).toBe('true');
      expect(objectPermission(xml, 'AI_Recommendation__c').allowEdit).toBe('true');
      for (const field of ['Decision_Reason__c', 'Partner_Message__c', 'Assigned_Reviewer__c']) {
        expect(xml).toMatch(
          new RegExp(`<editable>true</editable>\\s*<field>Deal_Registration__c\\.${field}</field>`)
        );
      }
    }
  });

  it('15: the audit log is Private; only the admin (auditor) persona reads it directly', () => {
    const object = readFileSync(join(def, 'objects/AI_Audit_Log__c/AI_Audit_Log__c.object-meta.xml'), 'utf8');
    expect(object).toMatch(/<sharingModel>Private<\/sharingModel>/);
    expect(objectPermission(permissionSet('Deal_Registration_Manager'), 'AI_Audit_Log__c')).toEqual({});
    expect(objectPermission(permissionSet('Deal_Scoring_Integration'), 'AI_Audit_Log__c')).toEqual({});
    expect(permissionSet('Deal_Registration_Admin')).toMatch(/<name>Deal_Audit_Maintenance<\/name>/);
  });

  it('7: portal callouts have a short timeout and limits, with defaults in the settings record', () => {
    const record = readFileSync(join(def, 'customMetadata/Deal_Scoring_Setting.Default.md-meta.xml'), 'utf8');
    const value = (field: string) =>
      Number(new RegExp(`<field>${field}</field>\\s*<value[^>]*>([^<]+)</value>`).exec(record)?.[1]);
    expect(value('Portal_Callout_Timeout_Ms__c')).toBeLessThan(5000);
    expect(value('Portal_Calls_Per_User_Hour__c')).toBeGreaterThan(0);
    expect(value('Portal_Calls_Per_Day__c')).toBeGreaterThan(0);
    expect(value('Stuck_Republish_Limit__c')).toBeGreaterThan(0);
  });
});

describe('partner site and org scripts', () => {
  const node = (args: string[]) => spawnSync('node', args, { cwd: root, encoding: 'utf8' });

  it('places the form and my registrations on the home view once, inside a nested content region', () => {
    const bundle = mkdtempSync(join(tmpdir(), 'bundle-'));
    mkdirSync(join(bundle, 'views'));
    const view = {
      componentName: 'siteforce:dynamicLayout',
      label: 'Home',
      viewType: 'home',
      type: 'view',
      regions: [
        {
          type: 'region',
          regionName: 'header',
          components: []
        },
        {
          type: 'region',
          regionName: 'body',
          components: [
            {
              type: 'component',
              componentName: 'forceCommunity:section',
              regions: [{ type: 'region', regionName: 'content', components: [] }]
            }
          ]
        }
      ]
    };
    writeFileSync(join(bundle, 'views/home.json'), JSON.stringify(view));
    const first = node(['scripts/org/place-portal-components.mjs', bundle]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const second = node(['scripts/org/place-portal-components.mjs', bundle]);
    expect(second.stdout).toMatch(/already placed/);
    interface Node {
      componentName?: string;
      regions?: { components: Node[] }[];
    }
    const placed = JSON.parse(readFileSync(join(bundle, 'views/home.json'), 'utf8')) as Node;
    const content = placed.regions?.[1]?.components[0]?.regions?.[0]?.components ?? [];
    expect(content.map((c) => c.componentName)).toEqual([
      'c:dealRegistrationForm',
      'c:myDealRegistrations',
      'c:dealNotificationPreferences',
      'c:partnerOnboarding',
      'c:partnerStanding',
      'c:enablementFeed'
    ]);
  });

  it('fails clearly when the bundle has no home view', () => {
    const r = node(['scripts/org/place-portal-components.mjs', mkdtempSync(join(tmpdir(), 'empty-'))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });

  it('the site package directory is listed in sfdx-project.json and holds the partner sharing set', () => {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories: { path: string }[];
    };
    // The core first; the site (and the optional MDF package) after it.
    const paths = project.packageDirectories.map((d) => d.path);
    expect(paths[0]).toBe('force-app');
    expect(paths).toEqual(expect.arrayContaining(['force-app', 'force-app-site']));
    const set = readFileSync(
      join(root, 'force-app-site/main/default/sharingSets/Deal_Registration_Partners.sharingSet-meta.xml'),
      'utf8'
    );
    expect(set).toMatch(/<objectField>Partner_Account__c<\/objectField>/);
    expect(set).toMatch(/<userField>Contact.Account<\/userField>/);
    expect(
      readFileSync(join(def, 'objects/Deal_Registration__c/fields/Partner_Account__c.field-meta.xml'), 'utf8')
    ).toMatch(/<referenceTo>Account<\/referenceTo>/);
  });

  it('the coverage gate fails a class under 85 % and a failed test, and passes a clean run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cov-'));
    const write = (name: string, body: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(body));
      return join(dir, name);
    };
    const good = write('good.json', {
      result: {
        tests: [{ FullName: 'ATest.it_works', Outcome: 'Pass' }],
        coverage: { coverage: [{ name: 'A', totalLines: 100, totalCovered: 90 }] }
      }
    });
    const bad = write('bad.json', {
      result: {
        tests: [{ FullName: 'ATest.it_fails', Outcome: 'Fail', Message: 'boom' }],
        coverage: { coverage: [{ name: 'B', totalLines: 100, totalCovered: 84 }] }
      }
    });
    expect(node(['scripts/check-coverage.mjs', good, '85']).status).toBe(0);
    const r = node(['scripts/check-coverage.mjs', bad, '85']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/B: 84.0 % covered/);
    expect(r.stderr).toMatch(/ATest.it_fails: Fail boom/);
  });

  it('the GitHub workflow runs every local Apex test with coverage, gates at 85 % and deletes the org', () => {
    const wf = readFileSync(join(root, '.github/workflows/scratch-org.yml'), 'utf8');
    expect(wf).toMatch(/secrets\.SF_DEVHUB_AUTH_URL/);
    expect(wf).toMatch(/--test-level RunLocalTests --code-coverage/);
    expect(wf).toMatch(/check-coverage\.mjs test-results\.json 85/);
    expect(wf).toMatch(/if: always\(\)[^\n]*\n\s*run: npx --no-install sf org delete scratch/);
  });

  it('the site package directory converts to a deployable package holding the sharing set', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'site-convert-')), 'package');
    const sf = join(root, 'node_modules/.bin/sf');
    const r = spawnSync(
      sf,
      ['project', 'convert', 'source', '--root-dir', 'force-app-site', '--output-dir', out, '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          SF_DISABLE_TELEMETRY: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
          FORCE_COLOR: '0'
        }
      }
    );
    expect(r.status).toBe(0);
    const manifest = readFileSync(join(out, 'package.xml'), 'utf8');
    expect(manifest).toMatch(/<members>Deal_Registration_Partners<\/members>\s*<name>SharingSet<\/name>/);
  }, 60000);
});
