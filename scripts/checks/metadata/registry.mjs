// The registered metadata rules, in the order they report. Each rule module exports
// { name, description, run(ctx) }: `ctx` is the project model (project.mjs), `run` reports through
// ctx.report(file, message) and may be async. scripts/__tests__/offline-checks-planted.test.ts
// plants at least one mistake per rule and fails when a rule has none.
import { loadProject } from './project.mjs';
import schema from './rules/schema.mjs';
import objectsAndFields from './rules/objects-and-fields.mjs';
import permissionSets from './rules/permission-sets.mjs';
import eventFieldPermissions from './rules/event-field-permissions.mjs';
import layouts from './rules/layouts.mjs';
import listViews from './rules/list-views.mjs';
import validationRules from './rules/validation-rules.mjs';
import sharingRules from './rules/sharing-rules.mjs';
import queues from './rules/queues.mjs';
import appsAndTabs from './rules/apps-and-tabs.mjs';
import customMetadata from './rules/custom-metadata.mjs';
import credentials from './rules/credentials.mjs';
import subscriberConfigs from './rules/subscriber-configs.mjs';
import flexipages from './rules/flexipages.mjs';
import sampleData from './rules/sample-data.mjs';
import apexReferences from './rules/apex-references.mjs';
import approvalProcesses from './rules/approval-processes.mjs';
import workflows from './rules/workflows.mjs';
import lwcImports from './rules/lwc-imports.mjs';
import enumeratedValues from './rules/enumerated-values.mjs';
import apexPicklistLiterals from './rules/apex-picklist-literals.mjs';
import dmlBeforeCallout from './rules/dml-before-callout.mjs';
import queriedFields from './rules/queried-fields.mjs';
import selectorQueries from './rules/selector-queries.mjs';

export const RULES = [
  schema,
  objectsAndFields,
  permissionSets,
  eventFieldPermissions,
  layouts,
  listViews,
  validationRules,
  sharingRules,
  queues,
  appsAndTabs,
  customMetadata,
  credentials,
  subscriberConfigs,
  flexipages,
  sampleData,
  apexReferences,
  approvalProcesses,
  workflows,
  lwcImports,
  enumeratedValues,
  apexPicklistLiterals,
  dmlBeforeCallout,
  queriedFields,
  selectorQueries
];

const names = RULES.map((r) => r.name);
if (new Set(names).size !== names.length) throw new Error(`rule names must be unique: ${names.join(', ')}`);
for (const r of RULES) {
  if (!r.name || !r.description || typeof r.run !== 'function') {
    throw new Error(`rule ${r.name ?? '?'} needs a name, a description and run(ctx)`);
  }
}

/**
 * Runs the rules (all, or those named in `only`) on one source directory; `dependencies` are the
 * package directories its references may resolve to (not checked here).
 * @returns {{ problems: string[], files: number, objects: number, rules: string[] }}
 */
export async function runRules(sourceDir, only = [], dependencies = []) {
  const unknown = only.filter((n) => !names.includes(n));
  if (unknown.length > 0)
    throw new Error(`unknown rule(s): ${unknown.join(', ')} (known: ${names.join(', ')})`);
  const ctx = loadProject(sourceDir, dependencies);
  const selected = only.length > 0 ? RULES.filter((r) => only.includes(r.name)) : RULES;
  for (const rule of selected) {
    const before = ctx.problems.length;
    try {
      await rule.run(ctx);
    } catch (e) {
      throw new Error(`rule ${rule.name} failed to run: ${e.stack ?? e.message}`);
    }
    for (let i = before; i < ctx.problems.length; i++) ctx.problems[i] = `${ctx.problems[i]} [${rule.name}]`;
  }
  return {
    problems: ctx.problems,
    files: ctx.metaFiles.length,
    objects: ctx.objects.size,
    rules: selected.map((r) => r.name)
  };
}
