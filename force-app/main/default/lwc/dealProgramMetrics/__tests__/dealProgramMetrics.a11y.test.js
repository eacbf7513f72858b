import { createElement } from 'lwc';
import DealProgramMetrics from 'c/dealProgramMetrics';
import getMetrics from '@salesforce/apex/DealMetricsController.getMetrics';

const METRICS_30 = require('./data/metrics30.json');

jest.mock('@salesforce/apex/DealMetricsController.getMetrics', () => ({ default: jest.fn() }), {
  virtual: true
});

async function flush() {
  for (let i = 0; i < 8; i += 1) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

describe('c-deal-program-metrics accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('is accessible with tiles and both charts', async () => {
    getMetrics.mockResolvedValue(METRICS_30);
    const element = createElement('c-deal-program-metrics', { is: DealProgramMetrics });
    document.body.appendChild(element);
    await flush();
    expect(element.shadowRoot.querySelector('[data-id="backlog-chart"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
