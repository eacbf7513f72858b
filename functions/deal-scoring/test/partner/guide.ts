// The programme's own onboarding content, read from the package's custom metadata records the way
// PartnerOnboardingController sends it (FAQ entries plus the checklist steps of one partner type),
// so the assistant's tests run on the real guide rather than on text written for the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OnboardingArticle } from '../../src/partner/schemas';

const DIR = join(__dirname, '..', '..', '..', '..', 'force-app', 'main', 'default', 'customMetadata');

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function values(xml: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const m of xml.matchAll(/<field>(\w+)<\/field>\s*<value(?: [^>]*?)?(?:\/>|>([\s\S]*?)<\/value>)/g)) {
    out[m[1]!] = m[2] === undefined ? undefined : unescape(m[2]);
  }
  return out;
}

function records(type: string): Array<{ name: string; v: Record<string, string | undefined> }> {
  return readdirSync(DIR)
    .filter((f) => f.startsWith(`${type}.`))
    .sort()
    .map((f) => ({
      name: f.slice(type.length + 1).replace('.md-meta.xml', ''),
      v: values(readFileSync(join(DIR, f), 'utf8'))
    }));
}

export function guideArticles(partnerType: string): OnboardingArticle[] {
  const faq: OnboardingArticle[] = records('Onboarding_Article')
    .filter((r) => r.v.Active__c === 'true')
    .map((r) => ({
      id: r.name,
      title: r.v.Title__c!,
      body: r.v.Body__c!,
      ...(r.v.Partner_Types__c ? { partnerTypes: r.v.Partner_Types__c.split(',').map((t) => t.trim()) } : {})
    }));
  const steps: OnboardingArticle[] = records('Onboarding_Step')
    .filter((r) => r.v.Partner_Type__c === partnerType && r.v.Active__c === 'true')
    .sort((a, b) => Number(a.v.Sort_Order__c) - Number(b.v.Sort_Order__c))
    .map((r) => ({
      id: `step-${r.name}`,
      title: `Onboarding step: ${r.v.Title__c}`,
      body: [
        r.v.Description__c,
        r.v.Due_Offset_Days__c
          ? `It is due ${Number(r.v.Due_Offset_Days__c)} days after your onboarding starts.`
          : '',
        r.v.Evidence_Required__c === 'true' && r.v.Evidence_Hint__c
          ? `Evidence to give: ${r.v.Evidence_Hint__c}.`
          : '',
        r.v.Unlocks__c ? `Finishing it unlocks: ${r.v.Unlocks__c}.` : ''
      ]
        .filter(Boolean)
        .join(' ')
    }));
  return [...faq, ...steps];
}
