// Stand-in for `lightning/uiRelatedListApi`: getRelatedListRecords asks the preview org for the
// records of a related list (the MDF claims of a registration), in the platform's shape
// { records: [{ id, fields: { Name: { value, displayValue } } }] }; an unknown list is an error.
import { apexMethod } from './apexBridge.js';

const relatedRecords = apexMethod('PreviewRelatedList', 'getRelatedListRecords');

export class getRelatedListRecords {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = undefined;
    this.connected = false;
  }
  connect() {
    this.connected = true;
    if (this.config) this.load();
  }
  update(config) {
    this.config = config;
    if (this.connected) this.load();
  }
  disconnect() {
    this.connected = false;
  }
  load() {
    const { parentRecordId, relatedListId } = this.config || {};
    if (!parentRecordId) return;
    relatedRecords({ parentRecordId, relatedListId }).then(
      (data) => this.connected && this.dataCallback({ data, error: undefined }),
      (error) => this.connected && this.dataCallback({ data: undefined, error })
    );
  }
}
