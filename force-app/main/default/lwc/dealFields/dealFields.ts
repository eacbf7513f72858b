/**
 * The registration's fields as the partner sees them: one catalogue (label, help, section, contract
 * paths, object field for the describe) used by the registration form, its child sections and the
 * score card, plus the form family's custom labels and the draft checks.
 */
export { LABELS } from './labels';
export {
  FIELDS,
  SECTIONS,
  fieldOfPath,
  labelOfPath,
  labelOfField,
  requiredKeys,
  maxLengthsOf,
  fromParsedFields,
  keysOfParseNames,
  parseNamesOfKeys,
  validateDraft
} from './fields';
export type {
  DraftKey,
  SectionKey,
  FieldKind,
  FieldSpec,
  ObjectInfoLike,
  ParsedValue,
  ValidationRules
} from './fields';
