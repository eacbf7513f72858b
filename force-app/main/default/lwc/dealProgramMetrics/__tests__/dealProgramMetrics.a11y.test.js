import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealProgramMetrics from 'c/dealProgramMetrics';
import getMetrics from '@salesforce/apex/DealMetricsController.getMetrics';

const METRICS_30 = require('./data/metrics30.json');

jest.mock('@salesforce/apex/DealMetricsController.getMetrics', () => ({ default: jest.fn() }), {
  virtual: true
});

const flush = () => flushPromises(8);

describe('c-deal-program-metrics accessibility', () => {
  afterEach(clearDom);

  it('is accessible with tiles and both charts', async () => {
    getMetrics.mockResolvedValue(METRICS_30);
    const element = mountElement('c-deal-program-metrics', DealProgramMetrics);
    await flush();
    expect(element.shadowRoot.querySelector('[data-id="backlog-chart"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
