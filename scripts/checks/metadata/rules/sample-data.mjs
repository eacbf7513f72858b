import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export default {
  name: 'sample-data',
  description:
    'the sample data plan beside the source directory (data/plan.json, sf data import tree): its objects, ' +
    'files, fields and picklist values exist',
  run(ctx) {
    const { report } = ctx;
    const planFile = join(dirname(ctx.sourceDir), 'data', 'plan.json');
    if (!existsSync(planFile)) return;
    let plan = [];
    try {
      plan = JSON.parse(readFileSync(planFile, 'utf8'));
    } catch (e) {
      report(planFile, `not valid JSON: ${e.message}`);
    }
    for (const step of plan) {
      if (!ctx.isKnownObject(step.sobject)) report(planFile, `unknown sobject ${step.sobject}`);
      for (const f of step.files ?? []) {
        const dataFile = join(dirname(planFile), f);
        if (!existsSync(dataFile)) {
          report(planFile, `data file ${f} not found`);
          continue;
        }
        const { records = [] } = JSON.parse(readFileSync(dataFile, 'utf8'));
        for (const rec of records) {
          const obj = rec.attributes?.type ?? step.sobject;
          const where = `record ${rec.attributes?.referenceId}`;
          for (const [field, value] of Object.entries(rec)) {
            if (field === 'attributes') continue;
            if (
              ctx.checkFieldRef(dataFile, where, obj, field) &&
              typeof value === 'string' &&
              !value.startsWith('@')
            ) {
              ctx.checkPicklistValue(dataFile, where, obj, field, value);
            }
          }
        }
      }
    }
  }
};
