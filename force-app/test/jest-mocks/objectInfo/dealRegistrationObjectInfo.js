// getObjectInfo (lightning/uiObjectInfoApi) answer for Deal_Registration__c, built from the field
// metadata in force-app so tests see the real lengths: a test that types one character more than a
// field holds fails if a component uses any other number. Emit it with getObjectInfo.emit(...) on
// sfdx-lwc-jest's uiObjectInfoApi stub.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const FIELDS_DIR = join(__dirname, '../../../main/default/objects/Deal_Registration__c/fields');

function tag(xml, name) {
  const match = xml.match(new RegExp(`<${name}>([^<]*)</${name}>`));
  return match ? match[1] : undefined;
}

/** Default lengths the platform gives field types whose metadata states none. */
const IMPLICIT_LENGTH = { Url: 255, Email: 80, Phone: 40 };

function dealRegistrationObjectInfo() {
  const fields = {};
  readdirSync(FIELDS_DIR)
    .filter((name) => name.endsWith('.field-meta.xml'))
    .forEach((name) => {
      const xml = readFileSync(join(FIELDS_DIR, name), 'utf8');
      const apiName = tag(xml, 'fullName') || name.replace('.field-meta.xml', '');
      const dataType = tag(xml, 'type');
      const stated = Number(tag(xml, 'length'));
      const length = Number.isFinite(stated) && stated > 0 ? stated : IMPLICIT_LENGTH[dataType] || 0;
      fields[apiName] = { apiName, dataType, length, label: tag(xml, 'label') || apiName };
    });
  return { apiName: 'Deal_Registration__c', fields };
}

/** The length the field's metadata gives (for assertions). */
function fieldLength(apiName) {
  return dealRegistrationObjectInfo().fields[apiName].length;
}

module.exports = { dealRegistrationObjectInfo, fieldLength };
