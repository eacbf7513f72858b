// DealPortalMapper against the portal DTOs it fills and reads: a field added to
// DealPortalDto.Registration (or its Draft) that toDto never sets reaches the partner as null, and a
// Draft field toRecord never reads is silently dropped on save. Both only showed in an org's portal
// tests before; this reads the Apex with the Apex lexer and fails at the forgotten place.
import { readFileSync } from 'node:fs';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import { apexClass, classesDir, filesUnder, loadApexProject, type ApexClass } from './boundary-apex-model';

const project = loadApexProject();
const dto = apexClass(project, 'DealPortalDto');
const inner = (name: string): ApexClass => {
  const c = dto.inner.find((x) => x.name === name);
  if (!c) throw new Error(`DealPortalDto.${name} not found`);
  return c;
};
const instanceProps = (c: ApexClass): string[] =>
  c.fields.filter((f) => !f.modifiers.includes('static')).map((f) => f.name);

/** Tokens of one method of DealPortalMapper, from its name to its closing brace. */
function methodTokens(method: string): string[] {
  const file = filesUnder(classesDir, '.cls').find((f) => f.endsWith('/DealPortalMapper.cls'));
  if (!file) throw new Error('DealPortalMapper.cls not found');
  const stream = ApexParserFactory.createTokenStream(readFileSync(file, 'utf8'));
  stream.fill();
  const t = stream.tokens.filter((x) => x.channel === 0 && x.type !== -1).map((x) => x.text);
  const start = t.findIndex((x, i) => x === method && t[i + 1] === '(');
  if (start < 0) throw new Error(`DealPortalMapper.${method} not found`);
  let depth = 0;
  for (let i = t.indexOf('{', start); i < t.length; i++) {
    if (t[i] === '{') depth++;
    if (t[i] === '}' && --depth === 0) return t.slice(start, i + 1);
  }
  throw new Error(`DealPortalMapper.${method}: no closing brace`);
}

/** `v.prop =` assignments in a token list. */
const assigned = (t: string[], v: string) =>
  new Set(t.flatMap((x, i) => (x === v && t[i + 1] === '.' && t[i + 3] === '=' ? [t[i + 2]!] : [])));
/** `v.prop` reads in a token list. */
const read = (t: string[], v: string) =>
  new Set(t.flatMap((x, i) => (x === v && t[i + 1] === '.' ? [t[i + 2]!] : [])));

/** Draft fields toRecord deliberately does not read, and why. */
const NOT_READ: Record<string, string> = {
  id: 'the record to update is the existingId the service checked (own company), never the draft id'
};

describe('DealPortalMapper fills and reads every portal DTO field', () => {
  const draft = inner('Draft');
  const registration = inner('Registration');

  it('reads the DTO classes', () => {
    expect(registration.extends).toBe('Draft');
    expect(instanceProps(draft).length).toBeGreaterThan(10);
  });

  it('toDto sets every property of Registration, its Draft part included', () => {
    const set = assigned(methodTokens('toDto'), 'r');
    const props = [...instanceProps(draft), ...instanceProps(registration)];
    expect(props.filter((p) => !set.has(p))).toEqual([]);
  });

  it('toRecord reads every Draft property a partner types', () => {
    const used = read(methodTokens('toRecord'), 'draft');
    expect(instanceProps(draft).filter((p) => !used.has(p) && !NOT_READ[p])).toEqual([]);
  });

  it('finds a forgotten property (the check itself)', () => {
    const t = methodTokens('toDto').filter(
      (_x, i, all) => !(all[i - 2] === 'r' && all[i] === 'contactTitle')
    );
    expect(assigned(t, 'r').has('contactTitle')).toBe(false);
  });
});
