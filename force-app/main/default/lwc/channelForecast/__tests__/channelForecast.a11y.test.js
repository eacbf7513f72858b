import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import ChannelForecast from 'c/channelForecast';
import getForecast from '@salesforce/apex/ChannelForecastController.getForecast';

const FORECAST = require('./data/forecast.json');

jest.mock('@salesforce/apex/ChannelForecastController.getForecast', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/ChannelForecastController.runForecast', () => ({ default: jest.fn() }), {
  virtual: true
});

describe('c-channel-forecast accessibility', () => {
  afterEach(clearDom);

  it('is accessible with the chart, tables and insights', async () => {
    getForecast.mockResolvedValue(FORECAST);
    const element = mountElement('c-channel-forecast', ChannelForecast);
    await flushPromises(8);
    expect(element.shadowRoot.querySelector('[data-id="chart"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
