// Stand-in for `lightning/uiObjectInfoApi`: getObjectInfo answers each field's label, type and
// length from the object metadata XML the build read (the same describe Salesforce serves).
import OBJECT_INFO from 'preview:object-info';

function objectName(config) {
  const o = config && config.objectApiName;
  return o && typeof o === 'object' ? o.objectApiName : o;
}

export class getObjectInfo {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = undefined;
  }
  connect() {
    if (this.config) this.deliver();
  }
  update(config) {
    this.config = config;
    this.deliver();
  }
  disconnect() {}
  deliver() {
    const name = objectName(this.config);
    if (!name) return;
    const info = OBJECT_INFO[name];
    queueMicrotask(() =>
      this.dataCallback(
        info
          ? { data: info, error: undefined }
          : { data: undefined, error: { status: 404, body: { message: `no object ${name}` } } }
      )
    );
  }
}

export class getPicklistValues {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {}
  update() {
    queueMicrotask(() =>
      this.dataCallback({
        data: undefined,
        error: { status: 404, body: { message: 'picklists are not in the preview' } }
      })
    );
  }
  disconnect() {}
}
