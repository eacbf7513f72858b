// Stand-in for lightning-file-upload (not in the npm base components), same contract: uploads the
// chosen files to `record-id` as Files, sets `file-field-name` = `file-field-value` on each
// version, then fires `uploadfinished` with detail { files: [{ name, documentId }] }. The preview
// org stores the files in memory.
import { LightningElement, api } from 'lwc';

export default class FileUpload extends LightningElement {
  @api label = '';
  @api name;
  @api accept;
  @api recordId;
  @api fileFieldName;
  @api fileFieldValue;
  @api multiple = false;
  @api disabled = false;
  uploading = false;
  message = '';

  get acceptText() {
    return Array.isArray(this.accept) ? this.accept.join(',') : this.accept || '';
  }

  get inputId() {
    return `upload-${this.name || 'files'}`;
  }

  async handleChange(event) {
    const input = event.target;
    const chosen = Array.from(input.files || []);
    if (chosen.length === 0) return;
    this.uploading = true;
    this.message = '';
    try {
      const files = await Promise.all(
        chosen.map(
          (file) =>
            new Promise((resolve, reject) => {
              const reader = new FileReader();
              reader.onload = () =>
                resolve({ name: file.name, base64: String(reader.result).split(',')[1] || '' });
              reader.onerror = () => reject(reader.error);
              reader.readAsDataURL(file);
            })
        )
      );
      const response = await fetch('/apex/PreviewFiles.upload', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-preview-persona': (globalThis.PREVIEW && globalThis.PREVIEW.persona) || ''
        },
        body: JSON.stringify({
          recordId: this.recordId,
          fieldName: this.fileFieldName,
          fieldValue: this.fileFieldValue,
          files
        })
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.message || response.statusText);
      this.message = `${files.length} file(s) uploaded`;
      this.dispatchEvent(new CustomEvent('uploadfinished', { detail: { files: body } }));
    } catch (e) {
      this.message = `Upload failed: ${e.message}`;
    } finally {
      this.uploading = false;
      input.value = '';
    }
  }
}
