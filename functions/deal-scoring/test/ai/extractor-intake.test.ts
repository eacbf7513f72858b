// The extractor on the intake fixture (100 emails written for the intake work, split by a hash
// before any result was seen), the product catalogue, the structure of mail chains and HTML, and
// the linear-time guarantee under adversarial input.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/ai/extractor';
import { evaluate, f1, table } from './extraction-eval';
import type { EmailCase } from './fixtures/partner-emails';
import { INTAKE_CATALOG, INTAKE_EMAILS, INTAKE_HELDOUT, INTAKE_TUNING, partOf } from './fixtures/intake';

// Measured on the held-out part (see docs/ai-assist.md); the target, not the measurement.
const HELDOUT_MIN_MICRO_F1 = 0.92;
const HELDOUT_MIN_FIELD_F1 = 0.8;

const run = (c: EmailCase) => extract(c.text, c.receivedAt, { catalog: INTAKE_CATALOG });

describe('intake fixture', () => {
  it('has 100 distinct emails in at least eight languages and the committed split', () => {
    expect(INTAKE_EMAILS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(INTAKE_EMAILS.map((c) => c.id)).size).toBe(INTAKE_EMAILS.length);
    expect(new Set(INTAKE_EMAILS.map((c) => c.lang)).size).toBeGreaterThanOrEqual(8);
    const split = JSON.parse(readFileSync(join(__dirname, 'fixtures/intake/split.json'), 'utf8')) as {
      tuning: string[];
      heldout: string[];
    };
    expect(INTAKE_TUNING.map((c) => c.id)).toEqual(split.tuning);
    expect(INTAKE_HELDOUT.map((c) => c.id)).toEqual(split.heldout);
    expect(split.tuning.every((id) => partOf(id) === 'tuning')).toBe(true);
  });

  it('meets the target on the held-out two thirds (micro-F1 and every field)', () => {
    const result = evaluate(INTAKE_HELDOUT, run);
    // Held-out misses are not printed: the part is measured, never read case by case.
    console.log(table(`Intake held-out, ${INTAKE_HELDOUT.length} emails:`, result, false));
    expect(f1(result.total)).toBeGreaterThanOrEqual(HELDOUT_MIN_MICRO_F1);
    for (const [field, t] of result.perField) {
      expect({ field, f1: f1(t) >= HELDOUT_MIN_FIELD_F1 }).toEqual({ field, f1: true });
    }
  });

  it('reports the tuning third with its misses', () => {
    const result = evaluate(INTAKE_TUNING, run);
    console.log(table(`Intake tuning, ${INTAKE_TUNING.length} emails:`, result));
    expect(f1(result.total)).toBeGreaterThanOrEqual(HELDOUT_MIN_MICRO_F1);
  });
});

describe('structure', () => {
  it('reads HTML: tags become lines, entities are decoded', () => {
    const { fields } = extract(
      '<p>Customer: Hargreaves &amp; Sons Ltd<br>Amount: &pound;72,500</p><p>Contact: Priya Nair, <a href="mailto:p@hs.co.uk">p@hs.co.uk</a></p>',
      '2026-11-24'
    );
    expect(fields.customerName).toBe('Hargreaves & Sons Ltd');
    expect(fields.amount).toBe(72500);
    expect(fields.currency).toBe('GBP');
    expect(fields.contactEmail).toBe('p@hs.co.uk');
  });

  it('takes the newest statement in a reply chain and ignores a struck figure', () => {
    const text = `Correction: it's €60k instead of the €90k I wrote, close moved to 31 March 2027.

Tom

On Tue, 24 Nov 2026 at 10:12, Tom Hale <tom@kestrel.eu> wrote:
> Please register Veldhoven Foods B.V., about €90k, close end of February.
> Contact is Anouk de Wit, anouk@veldhovenfoods.nl`;
    const { fields } = extract(text, '2026-11-24');
    expect(fields.amount).toBe(60000);
    expect(fields.closeDate).toBe('2027-03-31');
    expect(fields.contactEmail).toBe('anouk@veldhovenfoods.nl');
  });

  it('never takes the partner quoted in their own chain for the customer', () => {
    const text = `Yes please register it.

Kevin

On Tue, 24 Nov 2026 at 17:20, Kevin Walsh <kevin.walsh@harborlight.io> wrote:
> Customer is Greystone Insurance. Contact Paula Greer, paula.greer@greystone-ins.com.`;
    const { fields } = extract(text, '2026-11-24');
    expect(fields.contactEmail).toBe('paula.greer@greystone-ins.com');
    expect(fields.customerDomain).toBe('greystone-ins.com');
  });

  it('takes the name before a title between name and email, not the title', () => {
    const { fields } = extract(
      'We spoke to Mr Ian Doyle (Head of Operations Technology), ian.doyle@korvath.com, about it.',
      '2026-11-24'
    );
    expect(fields.contactName).toBe('Ian Doyle');
    expect(fields.contactTitle).toBe('Head of Operations Technology');
  });

  it('reads a contact block under a heading', () => {
    const { fields } = extract(
      'Kunde: Stadtwerke Lindenau GmbH\n\nAnsprechpartner beim Kunden:\nFrau Dr. Petra Lindner\nBereichsleiterin Digitalisierung\npetra.lindner@stadtwerke-lindenau.de\n',
      '2026-11-24'
    );
    expect(fields.contactName).toBe('Petra Lindner');
    expect(fields.contactTitle).toBe('Bereichsleiterin Digitalisierung');
  });

  it('spells a lowercase customer from its domain instead of joining the domain up', () => {
    const { fields } = extract(
      'talked to tamsin freight, ~150k usd. guy is rob kettering rob.k@tamsinfreight.com',
      '2026-11-24'
    );
    expect(fields.customerName).toBe('Tamsin Freight');
    expect(fields.contactName).toBe('Rob Kettering');
    const bare = extract(
      'please register the team at vdltransport.nl, contact joost@vdltransport.nl',
      '2026-11-24'
    );
    expect(bare.fields.customerName).toBeUndefined();
  });
});

describe('product catalogue', () => {
  const catalog = [
    { name: 'Service Desk Pro', aliases: ['helpdesk'] },
    { name: 'Warehouse Manager', aliases: ['WMS'] },
    { name: 'Analytics Cloud' }
  ];

  it('finds catalogue products in prose, fuzzy, and proposes an opportunity name', () => {
    const { fields, proposed, confidence } = extract(
      'Customer: Orchard Health. They are replacing their help-desk and want Analytcs Cloud too; wms later.',
      '2026-11-24',
      { catalog }
    );
    expect(fields.products).toEqual(['Service Desk Pro', 'Analytics Cloud']);
    expect(fields.opportunityName).toBe('Orchard Health – Service Desk Pro');
    expect(proposed).toEqual(['opportunityName']);
    expect(confidence.opportunityName).toBeLessThan(0.5);
  });

  it('drops a product the newest message removes and keeps labelled items outside the catalogue', () => {
    const { fields } = extract(
      'The client removed Analytics Cloud from scope.\nProducts: Service Desk Pro, Custom Training',
      '2026-11-24',
      { catalog }
    );
    expect(fields.products).toEqual(['Service Desk Pro', 'Custom Training']);
  });

  it('proposes nothing without a product and marks nothing proposed when the text names the deal', () => {
    const named = extract('Opportunity: Orchard rollout\nCustomer: Orchard Health\nhelpdesk', '2026-11-24', {
      catalog
    });
    expect(named.fields.opportunityName).toBe('Orchard rollout');
    expect(named.proposed).toEqual([]);
  });
});

describe('linear time under adversarial input', () => {
  const cpuMs = (f: () => void): number => {
    const start = process.cpuUsage();
    f();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  // Measured 5-400 ms per 100 kB call on this machine; quadratic regular expressions take seconds.
  const BOUND_MS = 3000;
  const fragments = [
    ' ',
    '-,',
    'a.',
    '@',
    'a@b',
    '\n>',
    '> ',
    '<div>',
    '</p>',
    '&amp;',
    '1',
    '1.',
    '$1.2M ',
    'Q3 ',
    'Customer: ',
    'Contact: Jane Doe (Head of IT), ',
    'jane.doe@acme.de ',
    'Acme GmbH ',
    'On Tue wrote:\n',
    '(',
    ', Head',
    'Aa ',
    '\t'
  ];

  it('stays under a generous CPU-time bound on 100 kB inputs built from adversarial fragments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...fragments),
        (pattern, tail) => {
          const unit = pattern.join('');
          const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000) + tail;
          const ms = cpuMs(() => extract(text, '2026-11-24', { catalog: INTAKE_CATALOG }));
          expect({ pattern, ms: ms < BOUND_MS ? 'ok' : ms }).toEqual({ pattern, ms: 'ok' });
        }
      ),
      { numRuns: 25, seed: 13 }
    );
  });

  it.each([
    ['20,000 spaces', `Customer:${' '.repeat(100_000)}x`],
    ['repeated "-,"', `Customer: A${'-,'.repeat(50_000)}x`],
    ['deeply nested HTML', '<div>'.repeat(20_000)],
    [
      'one line of mentions',
      'jane.doe@acme.de 2026-11-20 $1.2M Q3 Contact: Jane Doe (Head of IT), '.repeat(1400)
    ]
  ])('%s', (_label, text) => {
    expect(cpuMs(() => extract(text, '2026-11-24'))).toBeLessThan(BOUND_MS);
  });
});
