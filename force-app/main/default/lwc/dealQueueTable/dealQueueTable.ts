import LightningDatatable from 'lightning/datatable';
import badgeTemplate from './badge.html';
import durationTemplate from './duration.html';

/**
 * The review queue's table: lightning-datatable with two cell types it lacks.
 * - `badge`: the value as an SLDS badge; typeAttributes.badgeClass gives its classes (triage, status).
 * - `duration`: sorts by the column's number (hours) but shows typeAttributes.text ("3 d 4 h").
 */
export default class DealQueueTable extends LightningDatatable {
  static customTypes = {
    badge: {
      template: badgeTemplate,
      standardCellLayout: true,
      typeAttributes: ['badgeClass']
    },
    duration: {
      template: durationTemplate,
      standardCellLayout: true,
      typeAttributes: ['text']
    }
  };
}
