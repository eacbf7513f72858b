import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealProgramMetrics from 'c/dealProgramMetrics';
import getMetrics from '@salesforce/apex/DealMetricsController.getMetrics';

const METRICS_30 = require('./data/metrics30.json');
const METRICS_EMPTY = require('./data/metricsEmpty.json');

jest.mock('@salesforce/apex/DealMetricsController.getMetrics', () => ({ default: jest.fn() }), {
  virtual: true
});

const flush = () => flushPromises(8);

async function mount() {
  const element = mountElement('c-deal-program-metrics', DealProgramMetrics);
  await flush();
  return element;
}

function tile(element, key) {
  const li = element.shadowRoot.querySelector(`li[data-key="${key}"]`);
  return {
    value: li.querySelector('[data-id="tile-value"]').textContent,
    detail: li.querySelector('[data-id="tile-detail"]')?.textContent
  };
}

describe('c-deal-program-metrics', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('shows the rates for the last 30 days by default', async () => {
    getMetrics.mockResolvedValue(METRICS_30);
    const element = await mount();
    expect(getMetrics).toHaveBeenCalledWith({ days: 30 });
    expect(tile(element, 'approval').value).toBe('66.7%');
    expect(tile(element, 'agreement').value).toBe('66.7%');
    expect(tile(element, 'override').value).toBe('33.3%');
    expect(tile(element, 'conflict').value).toBe('12.5%');
    expect(tile(element, 'auto').value).toBe('50%');
    expect(tile(element, 'median').value).toBe('c.DR_Console_Hours');
    expect(tile(element, 'median').detail).toBeUndefined();
    expect(element.shadowRoot.querySelector('[data-id="shadow-note"]')).toBeNull();
  });

  it('draws the backlog as proportional bars, marking buckets past the SLA', async () => {
    getMetrics.mockResolvedValue(METRICS_30);
    const element = await mount();
    const rows = Array.from(element.shadowRoot.querySelectorAll('[data-id="backlog-chart"] tbody tr'));
    expect(rows.map((r) => r.dataset.key)).toEqual(['LT_1D', 'D1_2', 'D2_7', 'GTE_7D']);
    const bars = rows.map((r) => r.querySelector('.bar'));
    expect(bars[2].getAttribute('style')).toContain('width: 100%');
    expect(bars[0].getAttribute('style')).toContain('width: 50%');
    expect(bars[2].className).toContain('bar_over-sla');
    expect(bars[0].className).toContain('bar_ok');
    expect(rows[0].textContent).toContain('c.DR_Console_Bucket_LT_1D');
    expect(rows[0].textContent).toContain('4');
    const triage = element.shadowRoot.querySelectorAll('[data-id="triage-chart"] tbody tr');
    expect(triage).toHaveLength(3);
    const caption = element.shadowRoot.querySelector('[data-id="backlog-chart"] caption');
    expect(caption.textContent).toContain('c.DR_Console_Backlog_Total');
    expect(element.shadowRoot.querySelector('[data-id="triage-chart"] caption')).toBeNull();
  });

  it('reloads for 90 days when the period changes', async () => {
    getMetrics.mockResolvedValueOnce(METRICS_30).mockResolvedValueOnce(METRICS_EMPTY);
    const element = await mount();
    element.shadowRoot
      .querySelector('[data-id="period"]')
      .dispatchEvent(new CustomEvent('change', { detail: { value: '90' } }));
    await flush();
    expect(getMetrics).toHaveBeenLastCalledWith({ days: 90 });
    expect(element.shadowRoot.querySelector('[data-id="period"]').value).toBe('90');
  });

  it('shows one empty state for a period with nothing in it, and the shadow note once', async () => {
    getMetrics.mockResolvedValue(METRICS_EMPTY);
    const element = await mount();
    expect(element.shadowRoot.querySelector('[data-id="empty-period"]').textContent).toBe(
      'c.DR_Console_Metrics_Empty_Period'
    );
    expect(element.shadowRoot.querySelector('[data-id="tiles"]')).toBeNull();
    expect(element.shadowRoot.querySelector('[data-id="backlog-empty"]')).toBeNull();
    expect(element.shadowRoot.textContent).not.toContain('c.DR_Console_No_Data');
    expect(element.shadowRoot.textContent).not.toContain('c.DR_Console_Of_Count');
    expect(element.shadowRoot.querySelectorAll('[data-id="shadow-note"]')).toHaveLength(1);
    expect(element.shadowRoot.textContent.split('c.DR_Console_Shadow_Metrics')).toHaveLength(2);
  });

  it('says "no data" without "0 of 0" on a tile with nothing to measure, and the shadow note once', async () => {
    getMetrics.mockResolvedValue({
      ...METRICS_EMPTY,
      submittedCount: 3,
      backlogTotal: 3,
      backlog: [{ key: 'LT_1D', count: 3, overSla: false }]
    });
    const element = await mount();
    expect(tile(element, 'approval').value).toBe('c.DR_Console_No_Data');
    expect(tile(element, 'approval').detail).toBeUndefined();
    expect(tile(element, 'median').value).toBe('c.DR_Console_No_Data');
    expect(tile(element, 'auto').detail).toBeUndefined();
    expect(element.shadowRoot.querySelector('[data-id="triage-empty"]')).not.toBeNull();
    expect(element.shadowRoot.textContent.split('c.DR_Console_Shadow_Metrics')).toHaveLength(2);
  });

  it('says when the median is taken over a sample', async () => {
    getMetrics.mockResolvedValue({ ...METRICS_30, medianSampled: true, medianSampleSize: 2000 });
    const element = await mount();
    expect(tile(element, 'median').detail).toBe('c.DR_Console_Median_Sampled');
  });

  it('shows the error panel when the metrics cannot load, and recovers on refresh', async () => {
    getMetrics.mockRejectedValueOnce({
      body: { message: 'Only channel managers and admins can use the console.' }
    });
    const element = await mount();
    const panel = element.shadowRoot.querySelector('c-error-panel');
    expect(panel.errors).toEqual({
      body: { message: 'Only channel managers and admins can use the console.' }
    });
    expect(element.shadowRoot.querySelector('[data-id="tiles"]')).toBeNull();

    getMetrics.mockResolvedValue(METRICS_30);
    element.shadowRoot.querySelector('[data-id="refresh"]').click();
    await flush();
    expect(element.shadowRoot.querySelector('c-error-panel')).toBeNull();
    expect(element.shadowRoot.querySelector('[data-id="tiles"]')).not.toBeNull();
  });
});
