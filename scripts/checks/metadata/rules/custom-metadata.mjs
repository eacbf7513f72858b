import { basename } from 'node:path';
import { child, childText, childrenNamed, textOf } from '../project.mjs';

const XSI_TYPE = {
  Checkbox: 'xsd:boolean',
  Number: 'xsd:double',
  Percent: 'xsd:double',
  Currency: 'xsd:double'
};
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export default {
  name: 'custom-metadata',
  description:
    'custom metadata records: the type and every field exist, each value parses as its field type (number ' +
    'within precision and scale, checkbox, date, date-time, email, URL, picklist value, text within the ' +
    'field length) with the matching xsi:type, and required fields have a value',
  run(ctx) {
    const { report } = ctx;
    for (const [file, r] of ctx.byType('CustomMetadata')) {
      const [typeName] = basename(file).split('.');
      const mdt = `${typeName}__mdt`;
      const o = ctx.projectObject(mdt);
      if (!o?.root) {
        report(file, `record of unknown custom metadata type ${mdt}`);
        continue;
      }
      const given = new Set();
      for (const v of childrenNamed(r, 'values')) {
        const field = childText(v, 'field');
        if (!ctx.checkFieldRef(file, 'values', mdt, field)) continue;
        given.add(field);
        const valueEl = child(v, 'value');
        const f = o.fields.get(field);
        if (!f || !valueEl) continue;
        const xsiType = valueEl.attrs['xsi:type'];
        if (valueEl.attrs['xsi:nil'] === 'true') {
          if (childText(f.root, 'required') === 'true')
            report(file, `values ${field}: required field is nil`);
          continue;
        }
        const expected = XSI_TYPE[f.type] ?? 'xsd:string';
        if (xsiType !== undefined && xsiType !== expected) {
          report(file, `values ${field}: xsi:type ${xsiType}, expected ${expected} for a ${f.type} field`);
        }
        const problem = valueProblem(ctx, f, textOf(valueEl));
        if (problem) report(file, `values ${field}: ${problem}`);
      }
      for (const [name, f] of o.fields) {
        if (childText(f.root, 'required') === 'true' && !given.has(name)) {
          report(file, `values: required field ${name} has no value`);
        }
      }
    }
  }
};

/** Why a custom metadata value does not parse as its field's type, or undefined when it does. */
function valueProblem(ctx, f, value) {
  const type = f.type;
  const length = Number(childText(f.root, 'length'));
  switch (type) {
    case 'Checkbox':
      return value === 'true' || value === 'false' ? undefined : `"${value}" is not true or false (Checkbox)`;
    case 'Number':
    case 'Percent':
    case 'Currency': {
      if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return `"${value}" is not a number (${type})`;
      const precision = Number(childText(f.root, 'precision'));
      const scale = Number(childText(f.root, 'scale'));
      if (!Number.isFinite(precision) || !Number.isFinite(scale)) return undefined;
      const n = Number(value);
      const [int, frac = ''] = Math.abs(n).toString().split('.');
      if (!/e/i.test(int) && int.replace(/^0$/, '').length > precision - scale) {
        return `${value} has more than ${precision - scale} digits before the decimal point (precision ${precision}, scale ${scale})`;
      }
      if (frac.length > scale) return `${value} has more than ${scale} decimal places (scale ${scale})`;
      return undefined;
    }
    case 'Date':
      return DATE.test(value) && isCalendarDate(value) ? undefined : `"${value}" is not a date (YYYY-MM-DD)`;
    case 'DateTime':
      return DATE_TIME.test(value) ? undefined : `"${value}" is not a date-time (YYYY-MM-DDThh:mm:ssZ)`;
    case 'Email':
      return EMAIL.test(value) ? undefined : `"${value}" is not an email address`;
    case 'Url':
      return URL.canParse(value) || URL.canParse(`https://${value}`) ? undefined : `"${value}" is not a URL`;
    case 'Picklist': {
      const values = ctx.picklistValues(f.obj, basenameOf(f.file));
      return !values || values.includes(value)
        ? undefined
        : `"${value}" is not a value of picklist ${f.obj}.${basenameOf(f.file)}`;
    }
    case 'Text':
    case 'TextArea':
    case 'LongTextArea': {
      const max = type === 'TextArea' ? 255 : length;
      return Number.isFinite(max) && value.length > max
        ? `${value.length} characters, the ${type} field holds ${max}`
        : undefined;
    }
    default:
      return undefined;
  }
}

/** 2025-02-30 has the right shape but is no day of the calendar. */
function isCalendarDate(value) {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function basenameOf(fieldFile) {
  return basename(fieldFile).replace('.field-meta.xml', '');
}
