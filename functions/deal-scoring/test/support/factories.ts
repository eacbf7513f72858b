/** Small builders for requests used across the tests. */
import type { Candidate, Deal, ScoreRequest } from '../../src/schemas';

export const AS_OF = '2026-11-22';

export function goodDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: 'a0B000000000001',
    submittedAt: '2026-11-20T10:00:00Z',
    partner: {
      id: '0015g000001',
      tier: 'GOLD',
      winRate: 0.45,
      decidedCount: 20,
      certifications: 3,
      registrationsLast90Days: 6,
      averageDealSize: 80000,
      firstTime: false
    },
    customer: {
      name: 'Acme GmbH',
      website: 'https://www.acme.de',
      domain: 'acme.de',
      country: 'DE',
      region: 'EMEA',
      industry: 'Manufacturing',
      employees: 1200
    },
    opportunity: {
      name: 'Acme ERP rollout',
      amount: 120000,
      currency: 'EUR',
      closeDate: '2027-03-31',
      products: ['Analytics Cloud'],
      description:
        'Acme replaces its legacy reporting in three plants; the CIO sponsors the project and we ran the discovery workshop last month.'
    },
    contact: { name: 'Jane Doe', email: 'jane.doe@acme.de', phone: '+49 89 1234', title: 'CIO' },
    candidates: [],
    ...overrides
  };
}

export function candidate(overrides: Partial<Candidate> & Pick<Candidate, 'id'>): Candidate {
  return { kind: 'registration', name: 'Unrelated Widgets Ltd', ...overrides };
}

export function request(deals: Deal[], settings: ScoreRequest['settings'] = { asOf: AS_OF }): ScoreRequest {
  return { requestId: 'req-1', settings, deals };
}
