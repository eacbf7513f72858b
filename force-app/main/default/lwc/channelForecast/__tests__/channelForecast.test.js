import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import ChannelForecast from 'c/channelForecast';
import getForecast from '@salesforce/apex/ChannelForecastController.getForecast';
import runForecast from '@salesforce/apex/ChannelForecastController.runForecast';

const FORECAST = require('./data/forecast.json');

jest.mock('@salesforce/apex/ChannelForecastController.getForecast', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/ChannelForecastController.runForecast', () => ({ default: jest.fn() }), {
  virtual: true
});

const flush = () => flushPromises(8);
const q = (el, sel) => el.shadowRoot.querySelector(sel);
const qa = (el, sel) => [...el.shadowRoot.querySelectorAll(sel)];

describe('c-channel-forecast', () => {
  afterEach(() => {
    clearDom();
    jest.clearAllMocks();
  });

  it('draws one band per quarter plus last quarter, with the actual as a dot', async () => {
    getForecast.mockResolvedValue(FORECAST);
    const el = mountElement('c-channel-forecast', ChannelForecast);
    await flush();
    const bands = qa(el, 'rect.band');
    expect(bands).toHaveLength(3);
    expect(bands[0].getAttribute('class')).toContain('band_past');
    expect(qa(el, 'circle.actual')).toHaveLength(1);
    // P90 above P10: the band's top is higher (smaller y) than its bottom and the P50 line inside it.
    const y = Number(bands[1].getAttribute('y'));
    const h = Number(bands[1].getAttribute('height'));
    const median = Number(qa(el, 'line.median')[1].getAttribute('y1'));
    expect(median).toBeGreaterThan(y);
    expect(median).toBeLessThan(y + h);
    // Labels are their names in Jest: the summary holds one sentence per forecast quarter.
    expect(
      q(el, '[data-id="chart"]').getAttribute('aria-label').split('c.DR_Forecast_Chart_Summary')
    ).toHaveLength(3);
  });

  it('lists the quarters, says where history is not enough, and compares last quarter', async () => {
    getForecast.mockResolvedValue(FORECAST);
    const el = mountElement('c-channel-forecast', ChannelForecast);
    await flush();
    const rows = qa(el, '[data-id="quarters"] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain('c.DR_Forecast_Not_Enough');
    expect(rows[0].textContent).not.toContain('c.DR_Forecast_Not_Enough');
    // 1,020,000 closed against a band of 800,000 to 1,100,000.
    expect(q(el, '[data-id="last-quarter"]').textContent).toContain('c.DR_Forecast_Inside_Band');
    expect(q(el, '[data-id="segments"]').textContent).toContain('Northwind Solutions');
  });

  it('keeps manager-only and partner-safe insights apart', async () => {
    getForecast.mockResolvedValue(FORECAST);
    const el = mountElement('c-channel-forecast', ChannelForecast);
    await flush();
    expect(qa(el, '[data-id="insights-manager"] li')).toHaveLength(2);
    const partner = qa(el, '[data-id="insights-partner"] li');
    expect(partner).toHaveLength(1);
    expect(partner[0].textContent).not.toMatch(/USD|Northwind/);
  });

  it('shows the empty state before the first run and starts a run on demand', async () => {
    getForecast.mockResolvedValue({ quarters: [], insights: [] });
    runForecast.mockResolvedValue('7075g00000JOB01');
    const el = mountElement('c-channel-forecast', ChannelForecast);
    await flush();
    expect(q(el, '[data-id="empty"]')).not.toBeNull();
    q(el, '[data-id="run"]').click();
    await flush();
    expect(runForecast).toHaveBeenCalledTimes(1);
    expect(q(el, '[data-id="notice"]').textContent).toBe('c.DR_Forecast_Run_Started');
  });

  it('shows the error panel when the controller refuses', async () => {
    getForecast.mockRejectedValue({ body: { message: 'You do not have permission' } });
    const el = mountElement('c-channel-forecast', ChannelForecast);
    await flush();
    expect(q(el, 'c-error-panel')).not.toBeNull();
    expect(q(el, '[data-id="chart"]')).toBeNull();
  });
});
