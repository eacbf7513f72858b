import {
  byId,
  clearDom,
  flushPromises,
  mountElement,
  queryAll
} from '../../../../../test/jest-utils/lwcTestUtils';
import StalledOnboardings from 'c/stalledOnboardings';
import getStalledOnboardings from '@salesforce/apex/PartnerConsoleController.getStalledOnboardings';
import completeManagerStep from '@salesforce/apex/PartnerConsoleController.completeManagerStep';

jest.mock('@salesforce/apex/PartnerConsoleController.completeManagerStep', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerConsoleController.getStalledOnboardings', () => ({ default: jest.fn() }), {
  virtual: true
});

const ROWS = [
  {
    id: 'a02000000000001AAA',
    accountId: '001000000000001AAA',
    accountName: 'Blue River Consulting',
    partnerType: 'System Integrator',
    percentComplete: 28.57,
    nextStep: 'Sign the partner agreement',
    nextDueOn: '2026-11-06',
    daysOverdue: 25,
    managerName: 'Morgan Reyes',
    managerStepKey: 'SI_Kickoff',
    managerStepTitle: 'Kick-off call with your partner manager'
  }
];

describe('c-stalled-onboardings', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('lists each stalled onboarding with progress, next step and days overdue', async () => {
    getStalledOnboardings.mockResolvedValue(ROWS);
    const element = mountElement('c-stalled-onboardings', StalledOnboardings);
    await flushPromises(4);
    const cells = queryAll(element, `[data-row="${ROWS[0].id}"] th, [data-row="${ROWS[0].id}"] td`).map((c) =>
      c.textContent.trim()
    );
    expect(cells[0]).toBe('Blue River Consulting');
    expect(cells[2]).toBe('29%');
    expect(cells[3]).toBe('Sign the partner agreement');
    expect(byId(element, 'overdue').textContent).toBe('c.PS_Days_Overdue');
    expect(cells[5]).toBe('Morgan Reyes');
  });

  it("marks the manager's own open step done and shows the refreshed list", async () => {
    getStalledOnboardings.mockResolvedValue(ROWS);
    const element = mountElement('c-stalled-onboardings', StalledOnboardings);
    await flushPromises(4);
    const button = byId(element, 'manager-step');
    expect(button.label).toBe('c.PS_Complete_Manager_Step');
    completeManagerStep.mockResolvedValue([{ ...ROWS[0], managerStepKey: null, managerStepTitle: null }]);
    button.click();
    await flushPromises(4);
    expect(completeManagerStep).toHaveBeenCalledWith({
      onboardingId: ROWS[0].id,
      stepKey: 'SI_Kickoff',
      evidence: null
    });
    expect(byId(element, 'saved').textContent).toBe('c.PO_Step_Saved');
    expect(byId(element, 'manager-step')).toBeNull();
  });

  it('says when nothing is overdue, and refreshes', async () => {
    getStalledOnboardings.mockResolvedValue([]);
    const element = mountElement('c-stalled-onboardings', StalledOnboardings);
    await flushPromises(4);
    expect(byId(element, 'empty').textContent).toBe('c.PS_Stalled_Empty');
    getStalledOnboardings.mockResolvedValue(ROWS);
    byId(element, 'refresh').click();
    await flushPromises(4);
    expect(getStalledOnboardings).toHaveBeenCalledTimes(2);
    expect(byId(element, 'stalled')).not.toBeNull();
  });
});
