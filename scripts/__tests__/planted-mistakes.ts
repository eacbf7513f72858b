// The planted mistakes of scripts/__tests__/offline-checks-planted.test.ts: realistic deploy- or
// runtime-breaking mistakes, each with the rule expected to report it and a pattern its message
// must match. `plant` makes the mistake in a copy of the project (see copyProject).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Copy {
  dir: string;
  def: string;
}
export interface Planted {
  /** The rule expected to report it. */
  rule: string;
  what: string;
  plant: (c: Copy) => void;
  /** A new problem line must match this. */
  expect: RegExp;
}

const classMeta =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
  '  <apiVersion>62.0</apiVersion>\n  <status>Active</status>\n</ApexClass>\n';

/** The one file under `dir` whose path ends with `suffix` (classes may sit in feature folders). */
function find(dir: string, suffix: string): string {
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(`/${suffix}`)) hits.push(p);
    }
  };
  walk(dir);
  if (hits.length !== 1) throw new Error(`test setup: ${hits.length} files end with ${suffix}`);
  return hits[0]!;
}

/** The first file under `dir` (of the given extension) whose text matches `pattern`. */
function findContaining(dir: string, ext: string, pattern: RegExp): string {
  const walk = (d: string): string | undefined => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) {
        if (n === '__tests__') continue;
        const hit = walk(p);
        if (hit) return hit;
      } else if (p.endsWith(ext) && pattern.test(readFileSync(p, 'utf8'))) return p;
    }
    return undefined;
  };
  const hit = walk(dir);
  if (!hit) throw new Error(`test setup: no ${ext} file under ${dir} matches ${String(pattern)}`);
  return hit;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

/** Adds an Apex class (and its -meta.xml) to the copy. */
function addClass(c: Copy, name: string, lines: string[]): void {
  writeFileSync(join(c.def, 'classes', `${name}.cls`), lines.join('\n') + '\n');
  writeFileSync(join(c.def, 'classes', `${name}.cls-meta.xml`), classMeta);
}

const at = (c: Copy, rel: string): string => join(c.def, rel);
const APPROVAL = 'approvalProcesses/Deal_Registration__c.Deal_Registration_Review.approvalProcess-meta.xml';
const WORKFLOW = 'workflows/Deal_Registration__c.workflow-meta.xml';
const SETTING = 'customMetadata/Deal_Scoring_Setting.Default.md-meta.xml';
const PARTNER_SET = 'permissionsets/Deal_Registration_Partner.permissionset-meta.xml';

export const PLANTED: Planted[] = [
  // --- structure and references (the checks that existed before) ---
  {
    rule: 'schema',
    what: 'misspelled element in a field definition',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/fields/Customer_Name__c.field-meta.xml'),
        /<inlineHelpText>([\s\S]*?)<\/inlineHelpText>/,
        '<inlineHelpTxt>$1</inlineHelpTxt>'
      ),
    expect: /unknown element <inlineHelpTxt>/
  },
  {
    rule: 'schema',
    what: '"yes" for a boolean',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/fields/Customer_Name__c.field-meta.xml'),
        '<required>false</required>',
        '<required>no</required>'
      ),
    expect: /expected true or false, found "no"/
  },
  {
    rule: 'schema',
    what: 'misspelled element nested inside a permission set',
    plant: (c) => edit(at(c, PARTNER_SET), '<allowRead>true</allowRead>', '<allowReed>true</allowReed>'),
    expect: /unknown element <allowReed>/
  },
  {
    rule: 'objects-and-fields',
    what: 'relationship name with a double underscore',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/fields/Assigned_Reviewer__c.field-meta.xml'),
        '<relationshipName>Assigned_Deal_Registrations</relationshipName>',
        '<relationshipName>Assigned__Deals</relationshipName>'
      ),
    expect: /invalid relationshipName "Assigned__Deals"/
  },
  {
    rule: 'objects-and-fields',
    what: 'field file with an invalid API name',
    plant: (c) =>
      cpSync(
        at(c, 'objects/Deal_Registration__c/fields/Products__c.field-meta.xml'),
        at(c, 'objects/Deal_Registration__c/fields/Bad__Name__c.field-meta.xml')
      ),
    expect: /Bad__Name__c: invalid custom field API name/
  },
  {
    rule: 'objects-and-fields',
    what: 'duplicate picklist value',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/fields/Customer_Region__c.field-meta.xml'),
        '<fullName>APAC</fullName>',
        '<fullName>emea</fullName>'
      ),
    expect: /duplicate picklist value "emea"/
  },
  {
    rule: 'objects-and-fields',
    what: 'Text field longer than 255',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/fields/Customer_Name__c.field-meta.xml'),
        '<length>255</length>',
        '<length>300</length>'
      ),
    expect: /Text length ≤ 255/
  },
  {
    rule: 'permission-sets',
    what: 'a new field no permission set grants',
    plant: (c) =>
      writeFileSync(
        at(c, 'objects/Deal_Registration__c/fields/Competitor__c.field-meta.xml'),
        '<?xml version="1.0" encoding="UTF-8" ?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
          '  <fullName>Competitor__c</fullName>\n  <label>Competitor</label>\n  <length>80</length>\n' +
          '  <required>false</required>\n  <type>Text</type>\n</CustomField>\n'
      ),
    expect: /field Deal_Registration__c\.Competitor__c is readable in no permission set/
  },
  {
    rule: 'permission-sets',
    what: 'misspelled field in a permission set',
    plant: (c) =>
      edit(
        at(c, PARTNER_SET),
        'Deal_Registration__c.Contact_Email__c',
        'Deal_Registration__c.Contact_Emial__c'
      ),
    expect: /unknown field Deal_Registration__c\.Contact_Emial__c/
  },
  {
    rule: 'permission-sets',
    what: 'class access to a class that does not exist',
    plant: (c) =>
      edit(
        at(c, 'permissionsets/Deal_Registration_Manager.permissionset-meta.xml'),
        '<apexClass>DealMetricsController</apexClass>',
        '<apexClass>DealMetricController</apexClass>'
      ),
    expect: /classAccesses: unknown Apex class DealMetricController/
  },
  {
    rule: 'permission-sets',
    what: 'internal AI field granted to partners',
    plant: (c) =>
      edit(
        at(c, PARTNER_SET),
        '<field>Deal_Registration__c.Contact_Email__c</field>',
        '<field>Deal_Registration__c.AI_Summary__c</field>'
      ),
    expect: /AI_Summary__c: internal field granted to partners/
  },
  {
    rule: 'permission-sets',
    what: 'edit granted on the append-only audit log',
    plant: (c) =>
      edit(
        at(c, 'permissionsets/Deal_Registration_Admin.permissionset-meta.xml'),
        /(<objectPermissions>\s*<allowCreate>false<\/allowCreate>\s*<allowDelete>false<\/allowDelete>\s*)<allowEdit>false<\/allowEdit>(\s*<allowRead>true<\/allowRead>\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>AI_Audit_Log__c<\/object>)/,
        '$1<allowEdit>true</allowEdit>$2'
      ),
    expect: /objectPermissions AI_Audit_Log__c: append-only object/
  },
  {
    rule: 'permission-sets',
    what: 'partner-visible field without help text',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/fields/Customer_Name__c.field-meta.xml'),
        /\s*<inlineHelpText>[\s\S]*?<\/inlineHelpText>/,
        ''
      ),
    expect: /Customer_Name__c is visible to partners and needs <inlineHelpText>/
  },
  {
    rule: 'event-field-permissions',
    what: 'field permission on a platform-event field',
    plant: (c) =>
      edit(
        at(c, PARTNER_SET),
        '<fieldPermissions>',
        '<fieldPermissions>\n    <editable>false</editable>\n    <field>Deal_Scored__e.Score__c</field>\n    <readable>true</readable>\n  </fieldPermissions>\n  <fieldPermissions>'
      ),
    expect:
      /Deal_Registration_Partner.*Deal_Scored__e\.Score__c: platform-event fields take no field permissions/
  },
  {
    rule: 'layouts',
    what: 'misspelled field on a layout',
    plant: (c) =>
      edit(
        at(c, 'layouts/Deal_Registration__c-Deal Registration Layout.layout-meta.xml'),
        '<field>Products__c</field>',
        '<field>Product__c</field>'
      ),
    expect: /layoutItems: unknown field Deal_Registration__c\.Product__c/
  },
  {
    rule: 'list-views',
    what: 'misspelled list view column',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/listViews/Needs_Review.listView-meta.xml'),
        '<columns>AI_Score__c</columns>',
        '<columns>AI_Scores__c</columns>'
      ),
    expect: /listView column: unknown field Deal_Registration__c\.AI_Scores__c/
  },
  {
    rule: 'list-views',
    what: 'list view filter on a value the picklist does not have',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/listViews/Conflicts.listView-meta.xml'),
        '<value>Conflict Review</value>',
        '<value>Conflicts</value>'
      ),
    expect: /"Conflicts" is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'validation-rules',
    what: 'ISPICKVAL on a misspelled status',
    plant: (c) =>
      edit(
        at(
          c,
          'objects/Deal_Registration__c/validationRules/Close_Date_Required_On_Submit.validationRule-meta.xml'
        ),
        "ISPICKVAL(Status__c, 'Withdrawn')",
        "ISPICKVAL(Status__c, 'Withdrawed')"
      ),
    expect: /ISPICKVAL: "Withdrawed" is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'sharing-rules',
    what: 'sharing rule to a group that does not exist',
    plant: (c) =>
      edit(
        at(c, 'sharingRules/Deal_Registration__c.sharingRules-meta.xml'),
        '<group>Deal_Registration_Managers</group>',
        '<group>Deal_Registration_Manager</group>'
      ),
    expect: /shares to unknown group Deal_Registration_Manager\b/
  },
  {
    rule: 'queues',
    what: 'queue member group misspelled',
    plant: (c) =>
      edit(
        at(c, 'queues/Deal_Registration_Review.queue-meta.xml'),
        '<publicGroup>Deal_Registration_Managers</publicGroup>',
        '<publicGroup>Deal_Registration_Manager</publicGroup>'
      ),
    expect: /queue member: unknown public group Deal_Registration_Manager\b/
  },
  {
    rule: 'apps-and-tabs',
    what: 'app tab that does not exist',
    plant: (c) =>
      edit(
        at(c, 'applications/Deal_Registration_Console.app-meta.xml'),
        '<tabs>Deal_Program_Metrics</tabs>',
        '<tabs>Deal_Programme_Metrics</tabs>'
      ),
    expect: /app tab: unknown tab Deal_Programme_Metrics/
  },
  {
    rule: 'credentials',
    what: 'named credential pointing at a misspelled external credential',
    plant: (c) =>
      edit(
        at(c, 'namedCredentials/Deal_Scoring.namedCredential-meta.xml'),
        '<externalCredential>Deal_Scoring</externalCredential>',
        '<externalCredential>DealScoring</externalCredential>'
      ),
    expect: /unknown external credential DealScoring/
  },
  {
    rule: 'subscriber-configs',
    what: 'subscriber config naming a trigger that does not exist',
    plant: (c) =>
      edit(
        find(c.def, 'DealRegistrationSubmittedTriggerConfig.platformEventSubscriberConfig-meta.xml'),
        '<platformEventConsumer>DealRegistrationSubmittedTrigger</platformEventConsumer>',
        '<platformEventConsumer>DealSubmittedTrigger</platformEventConsumer>'
      ),
    expect: /platformEventConsumer: trigger DealSubmittedTrigger not found/
  },
  {
    rule: 'sample-data',
    what: 'sample data with a region the picklist does not have',
    plant: (c) =>
      edit(
        join(c.dir, 'data', 'Deal_Registration__c.json'),
        '"Customer_Region__c": "EMEA"',
        '"Customer_Region__c": "Europe"'
      ),
    expect: /"Europe" is not a value of picklist Deal_Registration__c\.Customer_Region__c/
  },
  {
    rule: 'apex-references',
    what: 'misspelled field in static SOQL',
    plant: (c) =>
      addClass(c, 'PlantedSoql', [
        'public with sharing class PlantedSoql {',
        '  public static List<Deal_Registration__c> rows() {',
        '    return [SELECT Id, Customer_Nmae__c FROM Deal_Registration__c WITH USER_MODE];',
        '  }',
        '}'
      ]),
    expect: /unknown field Deal_Registration__c\.Customer_Nmae__c/
  },
  // --- approval processes and workflow ---
  {
    rule: 'approval-processes',
    what: 'entry criteria on a misspelled field',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<field>Deal_Registration__c.Status__c</field>',
        '<field>Deal_Registration__c.Stauts__c</field>'
      ),
    expect: /entryCriteria criteria: unknown field Deal_Registration__c\.Stauts__c/
  },
  {
    rule: 'approval-processes',
    what: 'entry criteria on a status the picklist does not have',
    plant: (c) =>
      edit(at(c, APPROVAL), '<value>In Review,Conflict Review</value>', '<value>In Review,Conflict</value>'),
    expect: /"Conflict" is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'approval-processes',
    what: 'step criteria: checkbox compared with "Yes"',
    plant: (c) => edit(at(c, APPROVAL), '<value>True</value>', '<value>Yes</value>'),
    expect: /"Yes" is not True or False \(Checkbox\)/
  },
  {
    rule: 'approval-processes',
    what: 'approver queue misspelled',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<name>Deal_Registration_Conflicts</name>',
        '<name>Deal_Registration_Conflict</name>'
      ),
    expect: /approver queue: unknown queue Deal_Registration_Conflict\b/
  },
  {
    rule: 'approval-processes',
    what: 'approver is one org’s user',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<name>Deal_Registration_Review</name>\n        <type>queue</type>',
        '<name>channel.manager@example.com</name>\n        <type>user</type>'
      ),
    expect: /user channel\.manager@example\.com exists in one org only/
  },
  {
    rule: 'approval-processes',
    what: 'allowed submitters: group misspelled',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<submitter>Deal_Scoring_Integration</submitter>',
        '<submitter>Deal_Scoring_Integrations</submitter>'
      ),
    expect: /allowedSubmitters group: unknown public group Deal_Scoring_Integrations/
  },
  {
    rule: 'approval-processes',
    what: 'final approval action names a field update that does not exist',
    plant: (c) =>
      edit(at(c, APPROVAL), '<name>DR_Set_Status_Approved</name>', '<name>DR_Set_Status_Approve</name>'),
    expect: /action FieldUpdate DR_Set_Status_Approve not found/
  },
  {
    rule: 'approval-processes',
    what: 'assignment email template that is not in the project',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<enableMobileDeviceAccess>',
        '<emailTemplate>unfiled$public/Deal_Approval_Request</emailTemplate>\n  <enableMobileDeviceAccess>'
      ),
    expect: /emailTemplate unfiled\$public\/Deal_Approval_Request not found/
  },
  {
    rule: 'workflows',
    what: 'field update literal misspelled',
    plant: (c) =>
      edit(at(c, WORKFLOW), '<literalValue>Approved</literalValue>', '<literalValue>Aproved</literalValue>'),
    expect: /literalValue "Aproved" is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'workflows',
    what: 'field update on a field that does not exist',
    plant: (c) => edit(at(c, WORKFLOW), '<field>Decided_At__c</field>', '<field>Decision_At__c</field>'),
    expect: /fieldUpdates DR_Set_Decided_At: unknown field Deal_Registration__c\.Decision_At__c/
  },
  {
    rule: 'workflows',
    what: 'email alert with a template that is not in the project',
    plant: (c) =>
      edit(
        at(c, WORKFLOW),
        '<fieldUpdates>',
        '<alerts>\n    <fullName>DR_Approved_Alert</fullName>\n    <description>Tells the owner.</description>\n    <protected>false</protected>\n    <recipients>\n      <type>owner</type>\n    </recipients>\n    <senderType>CurrentUser</senderType>\n    <template>unfiled$public/Deal_Approved</template>\n  </alerts>\n  <fieldUpdates>'
      ),
    expect: /alerts DR_Approved_Alert: email template unfiled\$public\/Deal_Approved not found/
  },
  // --- LWC imports ---
  {
    rule: 'lwc-imports',
    what: 'label import misspelled',
    plant: (c) => {
      const f = findContaining(join(c.def, 'lwc'), '.ts', /'@salesforce\/label\/c\.DR_Console_Refresh'/);
      edit(f, "'@salesforce/label/c.DR_Console_Refresh'", "'@salesforce/label/c.DR_Console_Refesh'");
    },
    expect: /no custom label DR_Console_Refesh/
  },
  {
    rule: 'lwc-imports',
    what: 'schema import of a field that does not exist',
    plant: (c) => {
      const f = findContaining(join(c.def, 'lwc'), '.ts', /from 'lwc';/);
      edit(
        f,
        /(import [^\n]* from 'lwc';)/,
        "$1\nimport STATUS_FIELD from '@salesforce/schema/Deal_Registration__c.Deal_Status__c';\nvoid STATUS_FIELD;"
      );
    },
    expect: /import @salesforce\/schema\/Deal_Registration__c\.Deal_Status__c: unknown field/
  },
  {
    rule: 'lwc-imports',
    what: 'message channel import misspelled',
    plant: (c) => {
      const f = findContaining(join(c.def, 'lwc'), '.ts', /'@salesforce\/messageChannel\/Deal_Selection__c'/);
      edit(
        f,
        "'@salesforce/messageChannel/Deal_Selection__c'",
        "'@salesforce/messageChannel/Deal_Selected__c'"
      );
    },
    expect: /no message channel Deal_Selected__c/
  },
  // --- custom metadata values and enumerated values ---
  {
    rule: 'custom-metadata',
    what: 'setting value that is not a number',
    plant: (c) =>
      edit(
        at(c, SETTING),
        '<value xsi:type="xsd:double">10000</value>',
        '<value xsi:type="xsd:double">10s</value>'
      ),
    expect: /values Callout_Timeout_Ms__c: "10s" is not a number/
  },
  {
    rule: 'custom-metadata',
    what: 'checkbox setting "yes"',
    plant: (c) =>
      edit(
        at(c, SETTING),
        '<value xsi:type="xsd:boolean">true</value>',
        '<value xsi:type="xsd:boolean">yes</value>'
      ),
    expect: /values Shadow_Mode__c: "yes" is not true or false/
  },
  {
    rule: 'custom-metadata',
    what: 'number beyond the field’s precision (threshold 0.82 written as 82.5)',
    plant: (c) =>
      edit(
        at(c, SETTING),
        '<value xsi:type="xsd:double">0.82</value>',
        '<value xsi:type="xsd:double">82.5</value>'
      ),
    expect: /values Conflict_Threshold__c: 82\.5 has more than 1 digits before the decimal point/
  },
  {
    rule: 'custom-metadata',
    what: 'number typed as a string',
    plant: (c) =>
      edit(
        at(c, SETTING),
        '<value xsi:type="xsd:double">70</value>',
        '<value xsi:type="xsd:string">70</value>'
      ),
    expect: /values Review_Threshold__c: xsi:type xsd:string, expected xsd:double/
  },
  {
    rule: 'enumerated-values',
    what: 'external credential parameter type misspelled',
    plant: (c) =>
      edit(
        at(c, 'externalCredentials/Deal_Scoring.externalCredential-meta.xml'),
        '<parameterType>NamedPrincipal</parameterType>',
        '<parameterType>NamedPrinciple</parameterType>'
      ),
    expect: /parameterType: "NamedPrinciple" is not a ExternalCredentialParamType/
  },
  {
    rule: 'enumerated-values',
    what: 'named credential parameter type misspelled',
    plant: (c) =>
      edit(
        at(c, 'namedCredentials/Deal_Scoring.namedCredential-meta.xml'),
        '<parameterType>HttpHeader</parameterType>',
        '<parameterType>Header</parameterType>'
      ),
    expect: /parameterType: "Header" is not a NamedCredentialParamType/
  },
  {
    rule: 'enumerated-values',
    what: 'LWC target misspelled',
    plant: (c) =>
      edit(
        at(c, 'lwc/dealScoreCard/dealScoreCard.js-meta.xml'),
        '<target>lightning__RecordPage</target>',
        '<target>lightning__RecordPages</target>'
      ),
    expect: /targets: "lightning__RecordPages" is not a Lightning web component target/
  },
  {
    rule: 'enumerated-values',
    what: 'FlexiPage type misspelled',
    plant: (c) =>
      edit(
        at(c, 'flexipages/Deal_Program_Metrics.flexipage-meta.xml'),
        '<type>AppPage</type>',
        '<type>AppHomePage</type>'
      ),
    expect: /type: "AppHomePage" is not a FlexiPageType/
  },
  {
    rule: 'enumerated-values',
    what: 'sharing model misspelled',
    plant: (c) =>
      edit(
        at(c, 'objects/AI_Recommendation__c/AI_Recommendation__c.object-meta.xml'),
        '<sharingModel>Read</sharingModel>',
        '<sharingModel>ReadOnly</sharingModel>'
      ),
    expect: /sharingModel: "ReadOnly" is not a SharingModel/
  },
  {
    rule: 'enumerated-values',
    what: 'approval step: multiple-approver rule misspelled',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<whenMultipleApprovers>FirstResponse</whenMultipleApprovers>',
        '<whenMultipleApprovers>FirstResponder</whenMultipleApprovers>'
      ),
    expect: /whenMultipleApprovers: "FirstResponder" is not a RoutingType/
  },
  {
    rule: 'flexipages',
    what: 'standard page component misspelled',
    plant: (c) =>
      edit(
        at(c, 'flexipages/Deal_Registration_Record_Page.flexipage-meta.xml'),
        '<componentName>force:highlightsPanel</componentName>',
        '<componentName>force:highlightPanel</componentName>'
      ),
    expect: /component force:highlightPanel is not a standard Lightning page component/
  },
  {
    rule: 'flexipages',
    what: 'project component misspelled on a page',
    plant: (c) =>
      edit(
        at(c, 'flexipages/Deal_Program_Metrics.flexipage-meta.xml'),
        '<componentName>dealProgramMetrics</componentName>',
        '<componentName>dealProgramMetric</componentName>'
      ),
    expect: /component dealProgramMetric not found in lwc\//
  },
  {
    rule: 'flexipages',
    what: 'page template misspelled',
    plant: (c) =>
      edit(
        at(c, 'flexipages/Deal_Registration_Record_Page.flexipage-meta.xml'),
        '<name>flexipage:recordHomeTemplateDesktop</name>',
        '<name>flexipage:recordHomeTemplate</name>'
      ),
    expect: /template flexipage:recordHomeTemplate is not a standard Lightning page template/
  },
  // --- Apex: picklist literals ---
  {
    rule: 'apex-picklist-literals',
    what: "reg.Status__c = 'Aproved'",
    plant: (c) =>
      addClass(c, 'PlantedAssign', [
        'public with sharing class PlantedAssign {',
        '  public static void approve(Deal_Registration__c reg) {',
        "    reg.Status__c = 'Aproved';",
        '  }',
        '}'
      ]),
    expect:
      /PlantedAssign\.cls: line 3: 'Aproved' \(assigned\) is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'apex-picklist-literals',
    what: "Status__c == 'Foo' through a loop variable",
    plant: (c) =>
      addClass(c, 'PlantedCompare', [
        'public with sharing class PlantedCompare {',
        '  public static Integer count(List<Deal_Registration__c> regs) {',
        '    Integer n = 0;',
        '    for (Deal_Registration__c r : regs) {',
        "      if (r.Status__c == 'Under Review') {",
        '        n++;',
        '      }',
        '    }',
        '    return n;',
        '  }',
        '}'
      ]),
    expect: /'Under Review' \(compared\) is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'apex-picklist-literals',
    what: "SOQL Status__c IN ('X')",
    plant: (c) =>
      addClass(c, 'PlantedSoqlIn', [
        'public with sharing class PlantedSoqlIn {',
        '  public static List<Deal_Registration__c> open() {',
        "    return [SELECT Id FROM Deal_Registration__c WHERE Status__c IN ('Submitted', 'Pending') WITH USER_MODE];",
        '  }',
        '}'
      ]),
    expect: /'Pending' \(in SOQL\) is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'apex-picklist-literals',
    what: 'status constant misspelled (used by every comparison through it)',
    plant: (c) => edit(find(c.def, 'DealStatus.cls'), "APPROVED = 'Approved'", "APPROVED = 'Aproved'"),
    expect:
      /'Aproved' \((assigned|compared|given|in SOQL|in a switch)\) is not a value of picklist Deal_Registration__c\.Status__c/
  },
  {
    rule: 'apex-picklist-literals',
    what: 'triage value misspelled in a record constructor',
    plant: (c) =>
      addClass(c, 'PlantedTriage', [
        'public with sharing class PlantedTriage {',
        '  public static Deal_Registration__c sample() {',
        "    return new Deal_Registration__c(AI_Triage_Status__c = 'NEEDS_REVEIW');",
        '  }',
        '}'
      ]),
    expect: /'NEEDS_REVEIW' \(given\) is not a value of picklist Deal_Registration__c\.AI_Triage_Status__c/
  },
  // --- Apex: fields read that the query did not select ---
  {
    rule: 'queried-fields',
    what: 'a field dropped from selectByIds while the scoring mapper still reads it (three calls away)',
    plant: (c) =>
      edit(
        find(c.def, 'registration/DealRegistrationSelector.cls'),
        /(SCORING_FIELDS = [\s\S]*?)'Contact_Title__c',\n\s*/,
        '$1'
      ),
    expect:
      /DealRequestMapper\.cls: line \d+: r\.Contact_Title__c is read in DealRequestMapper\.toContact, but r comes from .*selectByIds.*which does not select Contact_Title__c/
  },
  {
    rule: 'queried-fields',
    what: 'a record read from its own query, a field not in the select list',
    plant: (c) =>
      addClass(c, 'PlantedUnqueried', [
        'public with sharing class PlantedUnqueried {',
        '  public static String run(Set<Id> ids) {',
        "    String out = '';",
        '    for (Deal_Registration__c d : [SELECT Id, Name FROM Deal_Registration__c WHERE Id IN :ids WITH USER_MODE]) {',
        '      out += d.Name + d.Customer_Name__c;',
        '    }',
        '    return out;',
        '  }',
        '}'
      ]),
    expect:
      /PlantedUnqueried\.cls: line 5: d\.Customer_Name__c is read .*which does not select Customer_Name__c/
  },
  {
    rule: 'queried-fields',
    what: 'the same loop variable name over two queries; only the second lacks the field',
    plant: (c) =>
      addClass(c, 'PlantedScopes', [
        'public with sharing class PlantedScopes {',
        '  public static String run(Set<Id> ids) {',
        "    String out = '';",
        '    for (Deal_Registration__c d : [SELECT Id, Customer_Name__c FROM Deal_Registration__c WHERE Id IN :ids WITH USER_MODE]) {',
        '      out += d.Customer_Name__c;',
        '    }',
        '    for (Deal_Registration__c d : [SELECT Id, Name FROM Deal_Registration__c WHERE Id IN :ids WITH USER_MODE]) {',
        '      out += d.Name + d.Customer_Name__c;',
        '    }',
        '    return out;',
        '  }',
        '}'
      ]),
    expect: /PlantedScopes\.cls: line 8: d\.Customer_Name__c is read .*the query at line 7/
  },
  {
    rule: 'queried-fields',
    what: 'a parameter documented as read with a field list that does not exist',
    plant: (c) =>
      edit(
        find(c.def, 'registration/DealPortalMapper.cls'),
        'read with DealRegistrationSelector.PORTAL_FIELDS',
        'read with DealRegistrationSelector.PORTAL_FIELD_LIST'
      ),
    expect: /DealPortalMapper\.toDto: @param d says "read with DealRegistrationSelector\.PORTAL_FIELD_LIST"/
  },
  {
    rule: 'queried-fields',
    what: 'a misspelt field in a field-list constant a dynamic query is built from (no parser sees it as SOQL)',
    plant: (c) =>
      edit(
        find(c.def, 'registration/DealRegistrationSelector.cls'),
        "    'Assigned_Reviewer__c'\n",
        "    'Assigned_Reviewr__c'\n"
      ),
    expect:
      /DealRegistrationSelector\.cls: line \d+ \(dynamic, from constants\): SOQL select: unknown field Deal_Registration__c\.Assigned_Reviewr__c/
  },
  {
    rule: 'queried-fields',
    what: 'a misspelt relationship in a field-list constant a dynamic query is built from',
    plant: (c) =>
      edit(
        find(c.def, 'registration/DealRegistrationSelector.cls'),
        "'Latest_Recommendation__r.Request_Id__c'",
        "'Latest_Recomendation__r.Request_Id__c'"
      ),
    expect:
      /DealRegistrationSelector\.cls: line \d+ \(dynamic, from constants\): SOQL select: unknown relationship Deal_Registration__c\.Latest_Recomendation__r/
  },
  // --- Apex: DML before a callout ---
  {
    rule: 'dml-before-callout',
    what: 'insert, then Http.send in the same method',
    plant: (c) =>
      addClass(c, 'PlantedDmlDirect', [
        'public with sharing class PlantedDmlDirect {',
        '  public static HttpResponse run(Account a) {',
        '    insert as user a;',
        '    HttpRequest req = new HttpRequest();',
        "    req.setEndpoint('callout:Deal_Scoring/v1/score');",
        '    return new Http().send(req);',
        '  }',
        '}'
      ]),
    expect: /PlantedDmlDirect\.cls: line 6: Http\.send after DML \(insert at line 3\)/
  },
  {
    rule: 'dml-before-callout',
    what: 'Database.update, then a call into the scoring client (another class)',
    plant: (c) =>
      addClass(c, 'PlantedDmlViaClient', [
        'public with sharing class PlantedDmlViaClient {',
        '  public static void run(Deal_Registration__c reg, DealScoringApi.ScoreRequest req) {',
        '    Database.update(reg, AccessLevel.USER_MODE);',
        '    DealScoringClient.score(req);',
        '  }',
        '}'
      ]),
    expect:
      /PlantedDmlViaClient\.cls: line 4: a call to DealScoringClient\.score, which makes .*after DML \(Database\.update at line 3\)/
  },
  {
    rule: 'dml-before-callout',
    what: 'callout and DML in one loop (the second iteration calls out after DML)',
    plant: (c) =>
      addClass(c, 'PlantedDmlLoop', [
        'public with sharing class PlantedDmlLoop {',
        '  public static void run(List<Account> accounts) {',
        '    for (Account a : accounts) {',
        '      fetch();',
        '      update as user a;',
        '    }',
        '  }',
        '  private static void fetch() {',
        '    Http h = new Http();',
        '    h.send(new HttpRequest());',
        '  }',
        '}'
      ]),
    expect:
      /PlantedDmlLoop\.cls: line 4: a call to PlantedDmlLoop\.fetch, which makes Http\.send at line 10 after DML/
  },
  // --- Apex: objects read through their selector only ---
  {
    rule: 'selector-queries',
    what: 'a service queries Product2 itself instead of ProductCatalogSelector',
    plant: (c) =>
      addClass(c, 'PlantedProductQuery', [
        'public with sharing class PlantedProductQuery {',
        '  public static List<String> names() {',
        '    List<String> out = new List<String>();',
        '    for (Product2 p : [SELECT Name FROM Product2 WHERE IsActive = TRUE WITH USER_MODE]) {',
        '      out.add(p.Name);',
        '    }',
        '    return out;',
        '  }',
        '}'
      ]),
    expect:
      /PlantedProductQuery\.cls: line 4: SOQL FROM Product2 in PlantedProductQuery; read Product2 through ProductCatalogSelector/
  },
  {
    rule: 'selector-queries',
    what: 'dynamic SOQL on Product2 in a constant outside the selector',
    plant: (c) =>
      addClass(c, 'PlantedProductDynamic', [
        'public with sharing class PlantedProductDynamic {',
        "  static final String QUERY = 'SELECT Name, ProductCode FROM Product2 WHERE IsActive = TRUE';",
        '  public static List<SObject> rows() {',
        '    return Database.query(QUERY, AccessLevel.USER_MODE);',
        '  }',
        '}'
      ]),
    expect: /PlantedProductDynamic\.cls: line 2: dynamic SOQL FROM Product2 in PlantedProductDynamic/
  }
];

/** A copy of the project (sfdx-project.json, force-app, data) in a new temp directory. */
export function copyProject(from: string): Copy {
  const dir = mkdtempSync(join(tmpdir(), 'planted-'));
  for (const p of ['sfdx-project.json', 'force-app', 'data']) {
    if (existsSync(join(from, p))) cpSync(join(from, p), join(dir, p), { recursive: true });
  }
  return { dir, def: join(dir, 'force-app', 'main', 'default') };
}

/**
 * Held-out mistakes: written after the rules above were finished and run once without changing a
 * rule for them, to measure the catch rate on mistakes the rules were not written against (the
 * first-run figure is reported in the commit that added them). They stay in the suite.
 */
export const HELD_OUT: Planted[] = [
  {
    rule: 'approval-processes',
    what: 'initial submission action names a field update that does not exist',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<label>Deal Registration Review</label>',
        '<initialSubmissionActions>\n    <action>\n      <name>DR_Set_Submitted</name>\n      <type>FieldUpdate</type>\n    </action>\n  </initialSubmissionActions>\n  <label>Deal Registration Review</label>'
      ),
    expect: /DR_Set_Submitted/
  },
  {
    rule: 'approval-processes',
    what: 'approval page field misspelled',
    plant: (c) => edit(at(c, APPROVAL), '<field>Deal_Value__c</field>', '<field>Deal_Valu__c</field>'),
    expect: /Deal_Valu__c/
  },
  {
    rule: 'approval-processes',
    what: 'allowed submitter role that is not in the project',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<allowedSubmitters>\n    <type>owner</type>',
        '<allowedSubmitters>\n    <submitter>Channel_Manager</submitter>\n    <type>role</type>\n  </allowedSubmitters>\n  <allowedSubmitters>\n    <type>owner</type>'
      ),
    expect: /Channel_Manager/
  },
  {
    rule: 'enumerated-values',
    what: 'approval step ifCriteriaNotMet with the wrong case',
    plant: (c) =>
      edit(
        at(c, APPROVAL),
        '<ifCriteriaNotMet>GotoNextStep</ifCriteriaNotMet>',
        '<ifCriteriaNotMet>GoToNextStep</ifCriteriaNotMet>'
      ),
    expect: /GoToNextStep/
  },
  {
    rule: 'workflows',
    what: 'literal field update on a text field',
    plant: (c) =>
      edit(
        at(c, WORKFLOW),
        '<field>Status__c</field>\n    <literalValue>Approved',
        '<field>Decision_Reason__c</field>\n    <literalValue>Approved'
      ),
    expect: /Decision_Reason__c/
  },
  {
    rule: 'enumerated-values',
    what: 'field update operation misspelled',
    plant: (c) => edit(at(c, WORKFLOW), '<operation>Literal</operation>', '<operation>Literl</operation>'),
    expect: /Literl/
  },
  {
    rule: 'lwc-imports',
    what: 'schema import of a misspelled object',
    plant: (c) => {
      const f = findContaining(join(c.def, 'lwc'), '.ts', /from 'lwc';/);
      edit(
        f,
        /(import [^\n]* from 'lwc';)/,
        "$1\nimport DEAL_OBJECT from '@salesforce/schema/Deal_Registratoin__c';\nvoid DEAL_OBJECT;"
      );
    },
    expect: /Deal_Registratoin__c/
  },
  {
    rule: 'lwc-imports',
    what: 'import of a component that does not exist (c/ldsUtil)',
    plant: (c) => {
      const f = findContaining(join(c.def, 'lwc'), '.ts', /from 'c\/ldsUtils'/);
      edit(f, "from 'c/ldsUtils'", "from 'c/ldsUtil'");
    },
    expect: /ldsUtil\b/
  },
  {
    rule: 'lwc-imports',
    what: 'portal label misspelled',
    plant: (c) => {
      const f = findContaining(join(c.def, 'lwc'), '.ts', /'@salesforce\/label\/c\.DR_Portal_Submit'/);
      edit(f, "'@salesforce/label/c.DR_Portal_Submit'", "'@salesforce/label/c.DR_Portal_Sumbit'");
    },
    expect: /DR_Portal_Sumbit/
  },
  {
    rule: 'custom-metadata',
    what: 'number setting written with its unit',
    plant: (c) =>
      edit(
        at(c, SETTING),
        '<value xsi:type="xsd:double">90</value>',
        '<value xsi:type="xsd:double">90 days</value>'
      ),
    expect: /Protection_Days__c/
  },
  {
    rule: 'custom-metadata',
    what: 'value for a field the type does not have',
    plant: (c) =>
      edit(
        at(c, SETTING),
        '<values>',
        '<values>\n    <field>Max_Retries__c</field>\n    <value xsi:type="xsd:double">3</value>\n  </values>\n  <values>'
      ),
    expect: /Max_Retries__c/
  },
  {
    rule: 'enumerated-values',
    what: 'field type misspelled',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/fields/Customer_Region__c.field-meta.xml'),
        '<type>Picklist</type>',
        '<type>PickList</type>'
      ),
    expect: /PickList/
  },
  {
    rule: 'enumerated-values',
    what: 'lookup delete constraint that does not exist',
    plant: (c) =>
      edit(
        at(c, 'objects/AI_Recommendation__c/fields/Decided_By__c.field-meta.xml'),
        '<deleteConstraint>SetNull</deleteConstraint>',
        '<deleteConstraint>Clear</deleteConstraint>'
      ),
    expect: /Clear/
  },
  {
    rule: 'enumerated-values',
    what: 'list view filter scope misspelled',
    plant: (c) =>
      edit(
        at(c, 'objects/Deal_Registration__c/listViews/Conflicts.listView-meta.xml'),
        '<filterScope>Everything</filterScope>',
        '<filterScope>All</filterScope>'
      ),
    expect: /"All"/
  },
  {
    rule: 'enumerated-values',
    what: 'external credential protocol that does not exist',
    plant: (c) =>
      edit(
        at(c, 'externalCredentials/Deal_Scoring.externalCredential-meta.xml'),
        '<authenticationProtocol>Custom</authenticationProtocol>',
        '<authenticationProtocol>Bearer</authenticationProtocol>'
      ),
    expect: /Bearer/
  },
  {
    rule: 'enumerated-values',
    what: 'named credential type misspelled',
    plant: (c) =>
      edit(
        at(c, 'namedCredentials/Deal_Scoring.namedCredential-meta.xml'),
        '<namedCredentialType>SecuredEndpoint</namedCredentialType>',
        '<namedCredentialType>SecureEndpoint</namedCredentialType>'
      ),
    expect: /SecureEndpoint/
  },
  {
    rule: 'enumerated-values',
    what: 'targetConfig for a target the component does not declare',
    plant: (c) =>
      edit(
        at(c, 'lwc/dealRegistrationForm/dealRegistrationForm.js-meta.xml'),
        '<targetConfigs>',
        '<targetConfigs>\n    <targetConfig targets="lightning__FlowScreen">\n    </targetConfig>'
      ),
    expect: /lightning__FlowScreen/
  },
  {
    rule: 'flexipages',
    what: 'standard component name with the wrong case',
    plant: (c) =>
      edit(
        at(c, 'flexipages/Deal_Registration_Record_Page.flexipage-meta.xml'),
        '<componentName>force:detailPanel</componentName>',
        '<componentName>force:DetailPanel</componentName>'
      ),
    expect: /force:DetailPanel/
  },
  {
    rule: 'queues',
    what: 'queue for a misspelled object',
    plant: (c) =>
      edit(
        at(c, 'queues/Deal_Registration_Conflicts.queue-meta.xml'),
        '<sobjectType>Deal_Registration__c</sobjectType>',
        '<sobjectType>Deal_Registraton__c</sobjectType>'
      ),
    expect: /Deal_Registraton__c/
  },
  {
    rule: 'apex-picklist-literals',
    what: 'region compared with a value the picklist does not have, over a SOQL for loop',
    plant: (c) =>
      addClass(c, 'HeldOutRegion', [
        'public with sharing class HeldOutRegion {',
        '  public static Integer europe() {',
        '    Integer n = 0;',
        '    for (Deal_Registration__c d : [SELECT Customer_Region__c FROM Deal_Registration__c WITH USER_MODE]) {',
        "      if (d.Customer_Region__c != 'EU') {",
        '        n++;',
        '      }',
        '    }',
        '    return n;',
        '  }',
        '}'
      ]),
    expect: /'EU'/
  },
  {
    rule: 'apex-picklist-literals',
    what: 'switch on the triage status with a misspelled value',
    plant: (c) =>
      addClass(c, 'HeldOutSwitch', [
        'public with sharing class HeldOutSwitch {',
        '  public static Boolean auto(Deal_Registration__c reg) {',
        '    switch on reg.AI_Triage_Status__c {',
        "      when 'AUTO_APPROVE' {",
        '        return true;',
        '      }',
        '      when else {',
        '        return false;',
        '      }',
        '    }',
        '  }',
        '}'
      ]),
    expect: /'AUTO_APPROVE'/
  },
  {
    rule: 'apex-picklist-literals',
    what: 'SOQL bound to a constant set with a wrong-case value',
    plant: (c) =>
      addClass(c, 'HeldOutBind', [
        'public with sharing class HeldOutBind {',
        "  private static final Set<String> OPEN = new Set<String>{ 'Submitted', 'Under Review' };",
        '  public static List<Deal_Registration__c> open() {',
        '    return [SELECT Id FROM Deal_Registration__c WHERE Status__c IN :OPEN WITH USER_MODE];',
        '  }',
        '}'
      ]),
    expect: /'Under Review'/
  },
  {
    rule: 'dml-before-callout',
    what: 'a save helper, then a fetch helper, in the same class',
    plant: (c) =>
      addClass(c, 'HeldOutHelpers', [
        'public with sharing class HeldOutHelpers {',
        '  public static void run(Account a) {',
        '    save(a);',
        '    fetch();',
        '  }',
        '  private static void save(Account a) {',
        '    Database.upsert(a, AccessLevel.USER_MODE);',
        '  }',
        '  private static HttpResponse fetch() {',
        '    HttpRequest req = new HttpRequest();',
        "    req.setEndpoint('callout:Deal_Scoring/v1/health');",
        '    return new Http().send(req);',
        '  }',
        '}'
      ]),
    expect: /HeldOutHelpers\.fetch/
  },
  {
    rule: 'dml-before-callout',
    what: 'delete in a try block, callout in finally',
    plant: (c) =>
      addClass(c, 'HeldOutFinally', [
        'public with sharing class HeldOutFinally {',
        '  public static void run(List<Account> old) {',
        '    try {',
        '      delete as user old;',
        '    } finally {',
        '      Http h = new Http();',
        '      h.send(new HttpRequest());',
        '    }',
        '  }',
        '}'
      ]),
    expect: /HeldOutFinally\.cls: line 7/
  },
  {
    rule: 'dml-before-callout',
    what: 'an instance of the scoring client called after insert',
    plant: (c) =>
      addClass(c, 'HeldOutInstance', [
        'public with sharing class HeldOutInstance {',
        '  public static void run(AI_Recommendation__c rec, Map<String, Object> body) {',
        '    insert as user rec;',
        "    Map<String, Object> res = DealScoringClient.postJson('/v1/precheck', body);",
        '  }',
        '}'
      ]),
    expect: /DealScoringClient\.postJson/
  }
];
