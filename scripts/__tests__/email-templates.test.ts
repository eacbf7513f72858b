/**
 * Partner email templates (issue 16): every partner notification email is a Lightning email
 * template of the package whose merge fields are partner-safe. A template may merge only the
 * recipient's own name and the registration's partner-facing fields that the partner permission
 * set can read; internal AI fields, decision reasons, routing and anything reached through a
 * relationship (another account, another partner) fail here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const def = join(root, 'force-app/main/default');
const folder = join(def, 'email', 'unfiled$public');

/** Fields of the registration a partner email may show. */
const PARTNER_FIELDS = new Set([
  'Name',
  'Customer_Name__c',
  'Opportunity_Name__c',
  'Partner_Message__c',
  'Protection_Expires_On__c',
  'Status__c'
]);
/** Merge fields about the recipient themself. */
const RECIPIENT_FIELDS = new Set(['Recipient.FirstName', 'Recipient.Name']);
/** The partner events the Apex sender names templates after (DR_Partner_<event>). */
const PARTNER_EVENTS = ['SUBMITTED', 'MORE_INFO', 'APPROVED', 'REJECTED', 'EXPIRING', 'EXTENSION_DECIDED'];

function partnerReadable(): Set<string> {
  const xml = readFileSync(
    join(def, 'permissionsets', 'Deal_Registration_Partner.permissionset-meta.xml'),
    'utf8'
  );
  const readable = new Set<string>();
  for (const [, block] of xml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)) {
    const field = /<field>Deal_Registration__c\.([^<]+)<\/field>/.exec(block ?? '')?.[1];
    if (field && /<readable>true<\/readable>/.test(block ?? '')) readable.add(field);
  }
  readable.add('Name'); // the record name is readable with the object
  return readable;
}

/** Merge fields of a template text: Lightning {{{X.Y}}} and Classic {!X.Y}. */
export function mergeFields(text: string): string[] {
  return [...text.matchAll(/\{\{\{\s*([^}\s]+)\s*\}\}\}|\{!\s*([^}\s]+)\s*\}/g)].map(
    (m) => (m[1] ?? m[2]) as string
  );
}

/** Problems of one template's subject and body, each naming the template and the merge field. */
export function partnerSafetyProblems(name: string, text: string, readable: Set<string>): string[] {
  const problems: string[] = [];
  for (const ref of mergeFields(text)) {
    if (RECIPIENT_FIELDS.has(ref)) continue;
    const [object, field, ...rest] = ref.split('.');
    if (object !== 'Deal_Registration__c' || !field || rest.length > 0 || field.includes('__r')) {
      problems.push(`${name}: merge field ${ref} reaches beyond the partner's own registration`);
    } else if (!PARTNER_FIELDS.has(field)) {
      problems.push(`${name}: merge field ${ref} is not a partner-facing field`);
    } else if (!readable.has(field)) {
      problems.push(`${name}: merge field ${ref} is not readable by Deal_Registration_Partner`);
    }
  }
  return problems;
}

const templates = readdirSync(folder)
  .filter((f) => f.startsWith('DR_Partner_') && f.endsWith('.email'))
  .map((f) => {
    const name = f.replace(/\.email$/, '');
    const meta = readFileSync(join(folder, `${name}.email-meta.xml`), 'utf8');
    const subject = /<subject>([\s\S]*?)<\/subject>/.exec(meta)?.[1] ?? '';
    return { name, meta, text: `${subject}\n${readFileSync(join(folder, f), 'utf8')}` };
  });

describe('partner email templates', () => {
  it('has one Lightning template per partner event', () => {
    expect(templates.map((t) => t.name).sort()).toEqual(PARTNER_EVENTS.map((e) => `DR_Partner_${e}`).sort());
    for (const t of templates) {
      expect([t.name, /<uiType>SFX<\/uiType>/.test(t.meta)]).toEqual([t.name, true]);
      expect([t.name, /<relatedEntityType>Deal_Registration__c<\/relatedEntityType>/.test(t.meta)]).toEqual([
        t.name,
        true
      ]);
    }
  });

  it('names the Apex sender prefix and events the templates use', () => {
    const sender = readFileSync(join(def, 'classes/notify/DealNotificationSender.cls'), 'utf8');
    expect(sender).toContain("TEMPLATE_PREFIX = 'DR_Partner_'");
    const prefs = readFileSync(join(def, 'classes/notify/DealNotificationPreferences.cls'), 'utf8');
    const block = /PARTNER_EVENTS = new List<String>\{([\s\S]*?)\};/.exec(prefs)?.[1] ?? '';
    const service = readFileSync(join(def, 'classes/notify/DealNotificationService.cls'), 'utf8');
    const events = [...block.matchAll(/DealNotificationService\.(EVENT_\w+)/g)].map(
      (m) => new RegExp(`${m[1]} = '(\\w+)'`).exec(service)?.[1]
    );
    expect(events.sort()).toEqual([...PARTNER_EVENTS].sort());
  });

  it.each(templates.map((t) => [t.name, t] as const))('%s merges only partner-safe fields', (_n, t) => {
    expect(partnerSafetyProblems(t.name, t.text, partnerReadable())).toEqual([]);
    expect(t.text).toContain('{{{Deal_Registration__c.Name}}}');
  });

  it('carries the partner-safe message in every template that reports a decision', () => {
    for (const t of templates.filter((x) => x.name !== 'DR_Partner_SUBMITTED')) {
      expect([t.name, t.text.includes('{{{Deal_Registration__c.Partner_Message__c}}}')]).toEqual([
        t.name,
        true
      ]);
    }
  });

  it('finds planted manager-only and cross-record merge fields', () => {
    const readable = partnerReadable();
    expect(
      partnerSafetyProblems(
        'Planted',
        'Score {{{Deal_Registration__c.AI_Score__c}}} because {!Deal_Registration__c.Decision_Reason__c}; ' +
          'partner {{{Deal_Registration__c.Partner_Account__r.Name}}}, reviewer {{{Deal_Registration__c.Assigned_Reviewer__c}}}',
        readable
      )
    ).toEqual([
      'Planted: merge field Deal_Registration__c.AI_Score__c is not a partner-facing field',
      'Planted: merge field Deal_Registration__c.Decision_Reason__c is not a partner-facing field',
      "Planted: merge field Deal_Registration__c.Partner_Account__r.Name reaches beyond the partner's own registration",
      'Planted: merge field Deal_Registration__c.Assigned_Reviewer__c is not a partner-facing field'
    ]);
    expect(
      partnerSafetyProblems('Planted', '{{{Deal_Registration__c.Status__c}}}', new Set(['Name']))
    ).toEqual([
      'Planted: merge field Deal_Registration__c.Status__c is not readable by Deal_Registration_Partner'
    ]);
  });
});
