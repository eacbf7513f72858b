/**
 * The preview's contract with the components and its in-memory org: every Apex method a component
 * imports is implemented, labels and field lengths come from the metadata, and the org behaves as
 * the Apex controllers do for the journeys the preview shows (submit → scoring → queue → decision
 * → the partner's list; partners never see each other's registrations).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROLLERS, invoke } from '../org/controllers';
import { PreviewOrg } from '../org/org';
import { readLabels, readObjectInfo, salesforceModules, ROOT } from '../build';
import { portFromEnv } from '../server';
import { chromiumPath } from '../e2e/harness';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__') out.push(...sources(path));
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const LWC_DIRS = ['force-app', 'force-app-mdf'].map((d) => join(ROOT, d, 'main/default/lwc'));

describe('contract with the components', () => {
  const imported = new Set<string>();
  for (const file of LWC_DIRS.flatMap(sources)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from '@salesforce\/apex\/([\w]+\.[\w]+)'/g)) {
      imported.add(m[1] as string);
    }
  }

  it('finds the Apex imports of the components', () => {
    expect(imported.size).toBeGreaterThan(10);
  });

  it.each([...imported].sort())('%s has a preview implementation', (name) => {
    expect(Object.keys(CONTROLLERS)).toContain(name);
  });

  it('resolves the labels of every package directory (the MDF components speak MDF_* labels)', () => {
    const labels = readLabels();
    expect(labels.get('DR_Error_Generic')).toBeTruthy();
    expect(labels.get('MDF_Claim_Title')).toBe('Claim Market Development Funds');
    expect(labels.get('MDF_Review_Title')).toBe('MDF claim review');
  });

  it('every label the org and controllers speak exists in CustomLabels', () => {
    const labels = readLabels();
    const used = new Set<string>();
    for (const file of sources(join(ROOT, 'preview/org'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(DR_[A-Za-z_]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((l) => !labels.has(l))).toEqual([]);
  });
});

describe('build stand-ins', () => {
  const plugin = salesforceModules(new Map([['DR_Known', 'Known value']]));
  const load = plugin.load as (this: unknown, id: string) => string | null;
  const ctx = {
    error(message: string): never {
      throw new Error(message);
    }
  };

  it('serves a custom label from the CustomLabels file', () => {
    expect(load.call(ctx, '\0@salesforce/label/c.DR_Known')).toBe('export default "Known value";');
  });

  it('fails the build when a component imports a label that does not exist', () => {
    expect(() => load.call(ctx, '\0@salesforce/label/c.DR_Missing')).toThrow(/c\.DR_Missing .*not defined/);
  });

  it('answers the combobox element-internals gate closed (synthetic shadow refuses attachInternals)', () => {
    expect(load.call(ctx, '\0@salesforce/gate/bc.260.enableComboboxElementInternals')).toContain(
      'isOpen: () => false'
    );
  });

  it('getObjectInfo answers field lengths from the object metadata', () => {
    const info = readObjectInfo();
    expect(info.Deal_Registration__c?.fields.Contact_Title__c?.length).toBe(120);
    expect(info.Deal_Registration__c?.fields.Customer_Name__c?.label).toBeTruthy();
  });
});

describe('configuration', () => {
  it('PREVIEW_PORT defaults to 8788 and rejects what is not a port', () => {
    expect(portFromEnv({})).toBe(8788);
    expect(portFromEnv({ PREVIEW_PORT: '9100' })).toBe(9100);
    expect(() => portFromEnv({ PREVIEW_PORT: 'abc' })).toThrow(/PREVIEW_PORT .*"abc"/);
  });

  it('a missing browser is a loud failure naming how to install it', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      /apt-get install -y chromium/
    );
  });
});

describe('in-memory org', () => {
  let org: PreviewOrg;
  beforeAll(async () => {
    org = new PreviewOrg();
    await org.start();
  }, 60_000);
  afterAll(async () => {
    await org.stop();
  });

  const as = (persona: string) => org.userByPersona(persona);
  const draft = {
    customerName: 'Ijsselmeer Dairy',
    customerWebsite: 'https://ijsselmeer-dairy.nl',
    customerRegion: 'EMEA',
    opportunityName: 'Dairy planning',
    dealValue: 64000,
    dealCurrency: 'EUR',
    expectedCloseDate: '2027-04-30',
    contactName: 'Eva Smit',
    contactEmail: 'eva@ijsselmeer-dairy.nl'
  };

  it('seeds both partners and scores the submitted seed registrations into the queue', async () => {
    const page = (await invoke(org, as('manager'), 'DealReviewController.getQueue', {
      query: {}
    })) as DealReviewQueuePage;
    expect(page.rows.length).toBe(2);
    expect(new Set(page.rows.map((r) => r.partnerName)).size).toBe(2);
    expect(page.rows.every((r) => typeof r.score === 'number')).toBe(true);
  });

  it('a submitted registration is scored by the function, reaches the queue, and approval reaches the partner', async () => {
    const submitted = (await invoke(org, as('northwind'), 'DealRegistrationPortalController.submit', {
      draft
    })) as DealPortalSubmitResult;
    expect(submitted.status).toBe('Submitted');
    await org.settled();
    const queue = (await invoke(org, as('manager'), 'DealReviewController.getQueue', {
      query: {}
    })) as DealReviewQueuePage;
    const row = queue.rows.find((r) => r.id === submitted.id);
    expect(row?.score).toEqual(expect.any(Number));

    const card = (await invoke(org, as('manager'), 'DealReviewController.getScoreCard', {
      dealId: submitted.id
    })) as DealReviewScoreCard;
    expect(card.recommendation?.factors.length).toBeGreaterThan(0);
    expect(card.decisionOpen).toBe(true);

    await invoke(org, as('manager'), 'DealReviewController.decide', {
      dealId: submitted.id,
      action: 'APPROVE',
      reason: 'Good fit',
      reassignToUserId: null
    });
    const mine = (await invoke(org, as('northwind'), 'DealRegistrationPortalController.getMyRegistrations', {
      status: null
    })) as DealPortalRegistration[];
    const approved = mine.find((r) => r.id === submitted.id);
    expect(approved?.status).toBe('Approved');
    expect(approved?.partnerMessage).toBe(org.label('DR_Apex_Approved', approved?.protectionExpiresOn));
    expect(approved?.partnerMessage).not.toContain('Good fit');
  });

  it('a partner never sees or opens another partner’s registration', async () => {
    const northwind = (await invoke(
      org,
      as('northwind'),
      'DealRegistrationPortalController.getMyRegistrations',
      {
        status: null
      }
    )) as DealPortalRegistration[];
    const blueriver = (await invoke(
      org,
      as('blueriver'),
      'DealRegistrationPortalController.getMyRegistrations',
      {
        status: null
      }
    )) as DealPortalRegistration[];
    const theirs = new Set(blueriver.map((r) => r.id));
    expect(northwind.some((r) => theirs.has(r.id))).toBe(false);
    await expect(
      invoke(org, as('blueriver'), 'DealRegistrationPortalController.getRegistration', {
        registrationId: northwind[0]?.id
      })
    ).rejects.toThrow(org.label('DR_Portal_Apex_Not_Found'));
  });

  it('a duplicate from another partner is reported without naming it', async () => {
    const result = (await invoke(org, as('blueriver'), 'DealRegistrationPortalController.precheck', {
      draft: { customerName: 'Ijsselmeer Dairy B.V.', customerWebsite: 'https://www.ijsselmeer-dairy.nl' }
    })) as DealPortalPrecheckResult;
    expect(result.available).toBe(true);
    const other = result.duplicates.filter((d) => !d.ownCompany);
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((d) => d.registrationName === null)).toBe(true);
  });

  it('a decision needs a reason and a manager', async () => {
    const id = [...org.registrations.values()].find((r) => org.isReviewable(r.status))?.id;
    await expect(
      invoke(org, as('manager'), 'DealReviewController.decide', {
        dealId: id,
        action: 'REJECT',
        reason: ' ',
        reassignToUserId: null
      })
    ).rejects.toThrow(org.label('DR_Apex_Reason_Required'));
    await expect(
      invoke(org, as('northwind'), 'DealReviewController.decide', {
        dealId: id,
        action: 'REJECT',
        reason: 'x',
        reassignToUserId: null
      })
    ).rejects.toThrow(org.label('DR_Apex_Not_Manager'));
  });

  it('when the function is unreachable the precheck says so instead of failing', async () => {
    org.scoring.reachable = false;
    try {
      const result = (await invoke(org, as('northwind'), 'DealRegistrationPortalController.precheck', {
        draft
      })) as DealPortalPrecheckResult;
      expect(result).toMatchObject({
        available: false,
        message: org.label('DR_Portal_Apex_Precheck_Unavailable')
      });
    } finally {
      org.scoring.reachable = true;
    }
  });
});
