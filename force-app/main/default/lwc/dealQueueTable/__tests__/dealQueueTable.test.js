import { flushPromises, mountElement, clearDom } from '../../../../../test/jest-utils/lwcTestUtils';
import DealQueueTable from 'c/dealQueueTable';

describe('c-deal-queue-table', () => {
  afterEach(clearDom);

  it('adds the badge and duration cell types to lightning-datatable', () => {
    expect(Object.keys(DealQueueTable.customTypes).sort()).toEqual(['badge', 'duration']);
    expect(DealQueueTable.customTypes.badge.typeAttributes).toEqual(['badgeClass']);
    expect(DealQueueTable.customTypes.duration.typeAttributes).toEqual(['text']);
    expect(DealQueueTable.customTypes.badge.template).toBeDefined();
  });

  it('is accessible', async () => {
    const element = mountElement('c-deal-queue-table', DealQueueTable, {
      keyField: 'id',
      columns: [{ label: 'Triage', fieldName: 'triage', type: 'badge' }],
      data: [{ id: '1', triage: 'Needs review' }]
    });
    await flushPromises(2);
    await expect(element).toBeAccessible();
  });
});
