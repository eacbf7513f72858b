import { byId, clearDom, flushPromises, mountElement } from '../../../../../test/jest-utils/lwcTestUtils';
import PartnerOnboarding from 'c/partnerOnboarding';
import getMyOnboarding from '@salesforce/apex/PartnerOnboardingController.getMyOnboarding';
import askOnboarding from '@salesforce/apex/PartnerOnboardingController.askOnboarding';

const ONBOARDING = require('./data/onboarding.json');

jest.mock('@salesforce/apex/PartnerOnboardingController.getMyOnboarding', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.completeMyStep', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.askOnboarding', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-partner-onboarding accessibility', () => {
  afterEach(clearDom);

  it('is accessible with steps and an answer', async () => {
    getMyOnboarding.mockResolvedValue(ONBOARDING);
    askOnboarding.mockResolvedValue({ available: true, known: true, answer: 'Yes.', sources: ['Entry'] });
    const element = mountElement('c-partner-onboarding', PartnerOnboarding);
    await flushPromises(6);
    const q = byId(element, 'question');
    q.value = 'How?';
    q.dispatchEvent(new CustomEvent('input'));
    byId(element, 'ask').click();
    await flushPromises(6);
    expect(byId(element, 'answer')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
