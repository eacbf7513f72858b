#!/usr/bin/env node
// Deployable package check, offline: `sf project convert source` turns force-app into a Metadata
// API package (what `sf project deploy` would send) and this script asserts its package.xml lists
// the components the product needs, every field and list view file in source, the compiled
// LWC JavaScript (never the TypeScript), API version 62.0, and not the org-specific
// PlatformEventSubscriberConfig (deployed separately by scripts/install-scratch.sh).
//
// Without an argument every package directory of sfdx-project.json is converted on its own (each
// must convert alone: the core deploys to an org without the MDF package), with the components
// each one must hold (REQUIRED_BY_DIR).
//
//   node scripts/check-convert.mjs [source-dir=every package directory]
//
// Needs @salesforce/cli (npx sf). Run `node scripts/compile-lwc.mjs` first (npm test does).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDirs } from './checks/package-dirs.mjs';

const require = createRequire(import.meta.url);
const { XMLParser } = require('fast-xml-parser');
const root = fileURLToPath(new URL('..', import.meta.url));

// The components other parts of the product code against (docs/contract.md).
export const REQUIRED = {
  CustomObject: [
    'Deal_Registration__c',
    'AI_Recommendation__c',
    'AI_Audit_Log__c',
    'Deal_Registration_Submitted__e',
    'Deal_Scored__e',
    'Deal_Scoring_Setting__mdt'
  ],
  CustomField: [
    'Deal_Registration__c.Customer_Name_Key__c',
    'Deal_Registration__c.Customer_Domain__c',
    'Deal_Registration__c.Status__c',
    'AI_Recommendation__c.Request_Id__c',
    'AI_Audit_Log__c.Input_Hash__c'
  ],
  CustomMetadata: ['Deal_Scoring_Setting.Default'],
  PermissionSet: [
    'Deal_Registration_Partner',
    'Deal_Registration_Manager',
    'Deal_Registration_Admin',
    'Deal_Scoring_Integration'
  ],
  NamedCredential: ['Deal_Scoring'],
  ExternalCredential: ['Deal_Scoring'],
  Queue: ['Deal_Registration_Review', 'Deal_Registration_Conflicts'],
  CustomApplication: ['Deal_Registration_Console'],
  CustomTab: ['Deal_Registration__c', 'AI_Recommendation__c', 'AI_Audit_Log__c'],
  ListView: [
    'Deal_Registration__c.My_Registrations',
    'Deal_Registration__c.Needs_Review',
    'Deal_Registration__c.Conflicts',
    'AI_Recommendation__c.Shadow_Mode_Recommendations'
  ],
  Layout: ['Deal_Registration__c-Deal Registration Layout'],
  ValidationRule: [
    'Deal_Registration__c.Close_Date_Required_On_Submit',
    'Deal_Registration__c.Deal_Value_Not_Negative'
  ],
  ApexTrigger: ['AiAuditLogTrigger'],
  ApexClass: ['AiAuditLogTriggerHandler'],
  SharingCriteriaRule: ['Deal_Registration__c.Submitted_To_Managers'],
  CustomLabels: ['CustomLabels']
};
// The Market Development Funds package (force-app-mdf): what its Apex, LWC and docs/mdf.md rely on.
export const REQUIRED_MDF = {
  CustomObject: ['MDF_Policy__mdt'],
  CustomField: [
    'PartnerFundClaim.Claim_Stage__c',
    'PartnerFundClaim.Recommendation__c',
    'PartnerFundClaim.Deal_Registration__c',
    'MDF_Policy__mdt.Co_Funding_Percent__c'
  ],
  CustomMetadata: ['MDF_Policy.Default'],
  PermissionSet: ['MDF_Claim_Partner', 'MDF_Claim_Manager'],
  ApprovalProcess: ['PartnerFundClaim.MDF_Claim_Review'],
  ApexClass: ['MdfApi', 'MdfClaimService', 'MdfClaimController', 'MdfClaimReviewController'],
  LightningComponentBundle: ['mdfClaim', 'mdfClaimReview'],
  CustomLabels: ['CustomLabels']
};
/** What each package directory must hold, by its folder name. */
export const REQUIRED_BY_DIR = {
  'force-app': REQUIRED,
  'force-app-mdf': REQUIRED_MDF,
  'force-app-site': { SharingSet: ['Deal_Registration_Partners'] }
};
export const FORBIDDEN = ['PlatformEventSubscriberConfig'];

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const sfBin = join(root, 'node_modules/.bin/sf');
if (!existsSync(sfBin)) fail(2, `Salesforce CLI not found at ${sfBin}: run npm ci`);

/** Converts one package directory and returns its number of problems. */
function checkDirectory(sourceDir) {
  const projectDir = resolve(sourceDir, '..');
  const REQUIRED_HERE = REQUIRED_BY_DIR[basename(sourceDir)] ?? {};
  if (!existsSync(join(projectDir, 'sfdx-project.json')))
    fail(2, `no sfdx-project.json next to ${sourceDir}`);

  const work = mkdtempSync(join(tmpdir(), 'sf-convert-'));
  const out = join(work, 'package');
  try {
    const r = spawnSync(
      sfBin,
      ['project', 'convert', 'source', '--root-dir', sourceDir, '--output-dir', out, '--json'],
      {
        cwd: projectDir,
        encoding: 'utf8',
        env: {
          ...process.env,
          SF_DISABLE_TELEMETRY: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
          FORCE_COLOR: '0'
        },
        maxBuffer: 64 * 1024 * 1024
      }
    );
    if (r.error) fail(2, `sf did not run: ${r.error.message}`);
    if (r.status !== 0)
      fail(1, `sf project convert source failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    const manifestFile = join(out, 'package.xml');
    if (!existsSync(manifestFile)) fail(1, `sf project convert source wrote no package.xml`);

    const manifest = new XMLParser({
      parseTagValue: false,
      isArray: (name) => name === 'types' || name === 'members'
    }).parse(readFileSync(manifestFile, 'utf8')).Package;
    const listed = new Map((manifest.types ?? []).map((t) => [t.name, new Set(t.members.map(String))]));
    const problems = [];
    if (String(manifest.version) !== '62.0')
      problems.push(`package.xml version ${manifest.version}, expected 62.0`);
    for (const [type, members] of Object.entries(REQUIRED_HERE)) {
      for (const m of members) {
        if (!listed.get(type)?.has(m)) problems.push(`package.xml lacks ${type} ${m}`);
      }
    }
    for (const type of FORBIDDEN) {
      if (listed.has(type))
        problems.push(`package.xml must not list ${type} (org-specific, deployed separately)`);
    }
    // Every field and list view file in source made it into the package.
    const sourceFiles = walk(sourceDir);
    for (const f of sourceFiles.filter(
      (p) => p.endsWith('.field-meta.xml') || p.endsWith('.listView-meta.xml')
    )) {
      const parts = f.split(sep);
      const obj = parts[parts.length - 3];
      const name = basename(f).replace(/\.(field|listView)-meta\.xml$/, '');
      const type = f.endsWith('.field-meta.xml') ? 'CustomField' : 'ListView';
      if (!listed.get(type)?.has(`${obj}.${name}`))
        problems.push(`package.xml lacks ${type} ${obj}.${name} (from source)`);
    }
    // LWC: compiled JavaScript deployed, TypeScript not.
    const lwcOut = join(out, 'lwc');
    for (const bundle of existsSync(lwcOut) ? readdirSync(lwcOut) : []) {
      const filesIn = readdirSync(join(lwcOut, bundle));
      if (!filesIn.includes(`${bundle}.js`)) {
        problems.push(
          `LWC ${bundle} has no compiled ${bundle}.js in the package (run node scripts/compile-lwc.mjs)`
        );
      }
      for (const f of filesIn.filter((n) => n.endsWith('.ts')))
        problems.push(`LWC ${bundle} ships TypeScript source ${f}`);
    }
    for (const p of problems) console.error(p);
    const total = [...listed.values()].reduce((n, s) => n + s.size, 0);
    console.log(
      `sf project convert source ${basename(sourceDir)}: package.xml lists ${total} components in ${listed.size} types: ${problems.length} problem(s)`
    );
    return problems.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const dirs = process.argv[2] ? [resolve(process.argv[2])] : packageDirs(root).map((d) => d.absolute);
let total = 0;
for (const d of dirs) total += checkDirectory(d);
process.exitCode = total === 0 ? 0 : 1;
