import { childText } from '../project.mjs';
import { checkFormula } from '../formula.mjs';

export default {
  name: 'validation-rules',
  description:
    'validation rules: the error display field and every field in the condition formula exist, ISPICKVAL ' +
    'literals are values of the picklist',
  run(ctx) {
    for (const [file, r] of ctx.byType('ValidationRule')) {
      const obj = ctx.objectOf(file);
      const display = childText(r, 'errorDisplayField');
      if (display) ctx.checkFieldRef(file, 'errorDisplayField', obj, display);
      checkFormula(ctx, file, obj, childText(r, 'errorConditionFormula') ?? '');
    }
  }
};
