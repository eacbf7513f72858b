#!/usr/bin/env node
// Places the partner portal components on the home page of an Aura Experience Cloud site, in a
// retrieved ExperienceBundle (source format): adds the partner components listed in COMPONENTS
// (registration form, my registrations, notification preferences, onboarding, standing, the
// enablement feed) to the home view's `content` region unless they are there already (running it
// twice changes nothing). install-scratch.sh retrieves the bundle of the site it created, runs
// this, and deploys the bundle back.
// Usage: node scripts/org/place-portal-components.mjs <experiences/<Site>1 folder>
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMPONENTS = [
  'c:dealRegistrationForm',
  'c:myDealRegistrations',
  'c:dealNotificationPreferences',
  'c:partnerOnboarding',
  'c:partnerStanding',
  'c:enablementFeed'
];

/** The region named `name` anywhere in a view (sections nest regions inside components). */
function findRegion(node, name) {
  if (!node || typeof node !== 'object') return null;
  if (node.type === 'region' && node.regionName === name) return node;
  for (const value of Object.values(node)) {
    const list = Array.isArray(value) ? value : [value];
    for (const child of list) {
      const found = findRegion(child, name);
      if (found) return found;
    }
  }
  return null;
}

function hasComponent(node, componentName) {
  return JSON.stringify(node).includes(`"componentName":"${componentName}"`);
}

/**
 * Adds the missing portal components to the view's content region.
 * @returns the names added (empty when both were there)
 */
export function placeComponents(view) {
  const region = findRegion(view, 'content');
  if (!region) throw new Error(`view ${view.viewType ?? view.label ?? '?'} has no "content" region`);
  region.components = region.components ?? [];
  const added = [];
  for (const componentName of COMPONENTS) {
    if (hasComponent(view, componentName)) continue;
    region.components.push({
      componentAttributes: {},
      componentName,
      id: randomUUID(),
      renderPriority: 'NEUTRAL',
      renderer: 'Aura',
      type: 'component'
    });
    added.push(componentName);
  }
  return added;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const bundle = process.argv[2];
  const file = bundle ? join(bundle, 'views', 'home.json') : '';
  if (!bundle || !existsSync(file)) {
    console.error(
      'usage: node scripts/org/place-portal-components.mjs <ExperienceBundle folder with views/home.json>'
    );
    process.exit(2);
  }
  const view = JSON.parse(readFileSync(file, 'utf8'));
  const added = placeComponents(view);
  writeFileSync(file, `${JSON.stringify(view, null, 2)}\n`);
  console.log(added.length === 0 ? 'components already placed' : `placed ${added.join(', ')} on ${file}`);
}
