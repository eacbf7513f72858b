// The package directories of the project, from sfdx-project.json: every offline check runs over
// each of them by default, so a new directory (the MDF package, the site) cannot escape a check.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Each package directory as `{ path, absolute, isDefault }`, in the order sfdx-project.json lists
 * them. A directory may use the names (objects, fields, classes, labels) of the directories listed
 * before it, never of those after it: the core (`force-app`, listed first) deploys alone.
 */
export function packageDirs(projectRoot = root) {
  const project = JSON.parse(readFileSync(join(projectRoot, 'sfdx-project.json'), 'utf8'));
  const dirs = project.packageDirectories;
  if (!Array.isArray(dirs) || dirs.length === 0) {
    throw new Error('sfdx-project.json has no packageDirectories');
  }
  return dirs.map((d) => ({
    path: d.path,
    absolute: resolve(projectRoot, d.path),
    isDefault: d.default === true
  }));
}

/** The package directories listed before `dir` (what it may depend on). */
export function dependenciesOf(dir, projectRoot = root) {
  const all = packageDirs(projectRoot);
  const i = all.findIndex((d) => d.absolute === resolve(dir));
  return i <= 0 ? [] : all.slice(0, i).map((d) => d.absolute);
}
