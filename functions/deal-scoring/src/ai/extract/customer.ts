// The customer's name: a labelled line first; then a phrase in the text that spells the customer's
// domain (also in lowercase chat notes); then a capitalised phrase after a customer cue ("with",
// "bei der", "chez", "Customer is") that is not a person, a product or the partner; then a phrase
// carrying a legal form or an organisation word; then the company in the contact's signature.
// Never a joined-up domain: a name the text does not spell is left out.
import { clean, compact, compactVariants, looksLikeName, titleCase } from './text';
import { CUSTOMER_CUES, isLegalForm, MULTIWORD_LEGAL, ORG_WORDS } from './vocabulary';

const CAPITALIZED = /^[A-ZÀ-Þ0-9][\p{L}0-9&'’.-]*[,.;:)]?$/u;
const CONNECTORS = /^(?:de|del|des|du|of|and|und|&|van|der|den|am|an|la|le|di|do|da|y|e|et|i|för|z|o\.o\.)$/;
const STOP_WORDS =
  /^(?:The|This|That|These|We|I|Hi|Hello|Dear|Re|Fwd|Deal|Registration|Please|Thanks|Contact|Customer|Budget|Value|Expected|Close|Team|New|Our|Their|They|It|IT|ERP|CRM|POS|MES|SSO|WMS|Q[1-4]|H[12]|FY|EUR|USD|GBP|CHF|Mr|Mrs|Ms|Dr|Herr|Frau|Die|Der|Das|Wir|Sie|Es|Le|La|Les|Nous|El|Los|Las|Het|We|Il|Lo|Ci|Hej|Vi|De|Den|Det|Bitte|Merci|Gracias|Grazie|Hallo|Bonjour|Hola|Ciao|Hoi|Moin|Servus|Grüezi|On|Am|Op|Kunde|Cliente|Client|Klant|Kund|Klient|Project|Projekt|Projet|Proyecto|Progetto|Projeto|For|Für|Pour|Para|Per|Voor|Bei|Chez|Con|Presso|With|Mit|Met|Avec|Since|After|Before|Following|Suite|Nach|Tras|Vorstand|Gefordert|Wettbewerb|Just|Early|Small|Quick|Kindly|Heads-up|FYI|Adding|Meeting|Attendees|Update|Correction|Confirmed)$/;

export interface NameCandidate {
  name: string;
  score: number;
}

function bare(w: string): string {
  let end = w.length;
  while (end > 0 && ',.;:)'.includes(w[end - 1]!)) end--;
  return w.slice(0, end);
}

/** Capitalised words from `words[from]` on: connectors inside, legal forms at the end ("Cementos del Norte S.A."). */
export function capitalizedRun(words: string[], from: number, max = 7): string | undefined {
  const out: string[] = [];
  for (let i = from; i < words.length && out.length < max; i++) {
    const w = words[i]!;
    const b = bare(w);
    if (out.length > 0 && CONNECTORS.test(w) && words[i + 1] && /^[A-ZÀ-Þ]/.test(words[i + 1]!)) {
      out.push(w);
      continue;
    }
    const legal = isLegalForm(w);
    if (!legal && (!CAPITALIZED.test(w) || STOP_WORDS.test(b) || /[(@<]/.test(w))) break;
    if (out.length === 0 && (legal || STOP_WORDS.test(b))) break;
    out.push(w);
    // A word ending in punctuation ends the name; "Ltd." ends it too (a sentence may end there).
    if (/[,;:)]$/.test(w)) break;
    if (w.endsWith('.') && !(legal && words[i + 1] && isLegalForm(words[i + 1]!))) break;
  }
  while (out.length > 0 && CONNECTORS.test(out[out.length - 1]!)) out.pop();
  if (out.length === 0) return undefined;
  let name = out.join(' ');
  let cut = name.length;
  while (cut > 0 && ',;:)'.includes(name[cut - 1]!)) cut--;
  name = name.slice(0, cut);
  const last = out[out.length - 1]!;
  if (name.endsWith('.') && !isLegalForm(last) && !/\b[A-Z]\.$/.test(name)) name = name.slice(0, -1);
  return clean(name) || undefined;
}

/** A capitalised or lowercase phrase that spells the domain's name ("Stark Logistics" for starklogistics.co.uk). */
export function nameFromDomain(domain: string, text: string): string | undefined {
  const parts = domain.split('.');
  const label =
    parts
      .filter((l, i) => i < parts.length - 1 && !/^(?:co|com|www|mail|gov|org|net|ac|coop)$/.test(l))
      .pop() ?? parts[0]!;
  const key = compact(label);
  if (key.length < 3) return undefined;
  let best: string | undefined;
  for (const line of text.split('\n')) {
    if (line.length > 2000) continue;
    const words = line.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      if (/[@/]/.test(words[i]!)) continue;
      const upper = /^[A-ZÀ-Þ]/.test(words[i]!);
      const accs = compactVariants(words[i]!);
      for (let j = i; j < words.length && j < i + 5; j++) {
        if (j > i) {
          const next = words[j]!;
          if (/[@/]/.test(next)) break;
          const nv = compactVariants(next);
          for (let k = 0; k < accs.length; k++) accs[k] = accs[k]! + (nv[k] ?? nv[0]!);
        }
        const hit = accs.some((a) => a === key || (a.startsWith(key) && j > i && key.length >= 6));
        if (hit) {
          let name: string | undefined;
          // An organisation word just before belongs to the name ("Gemeente Zeewolde", "Région ...").
          const from =
            i > 0 && ORG_WORDS.test(bare(words[i - 1]!)) && /^[A-ZÀ-Þ]/.test(words[i - 1]!) ? i - 1 : i;
          if (upper)
            name =
              capitalizedRun(words, from, Math.max(7, j - from + 3)) ?? words.slice(from, j + 1).join(' ');
          else if (words.slice(i, j + 1).every((w) => /^[\p{Ll}-]+[,.]?$/u.test(w))) {
            name = titleCase(bare(words.slice(i, j + 1).join(' ')));
          }
          if (name && compact(name).length >= key.length - 1 && (!best || name.length > best.length))
            best = name;
          break;
        }
        if (!accs.some((a) => key.startsWith(a)) || /[,;:)]$/.test(words[j]!)) break;
      }
    }
  }
  return best;
}

function isOrgLike(name: string): boolean {
  const words = name.split(/\s+/);
  return words.some((w) => isLegalForm(w) || ORG_WORDS.test(bare(w))) || MULTIWORD_LEGAL.test(name);
}

/** Candidate names after customer cues and phrases with legal forms or organisation words, best first. */
export function nameCandidates(body: string, exclude: (name: string) => boolean): NameCandidate[] {
  const out: NameCandidate[] = [];
  const seen = new Set<string>();
  const add = (name: string | undefined, score: number): void => {
    if (!name || name.length < 3 || name.length > 120) return;
    const key = compact(name);
    if (seen.has(key) || exclude(name)) return;
    // A person's name is not a customer unless it carries a legal form or an organisation word.
    if (looksLikeName(name) && !isOrgLike(name)) return;
    seen.add(key);
    out.push({ name, score: score + (isOrgLike(name) ? 0.15 : 0) });
  };
  for (const line of body.split('\n')) {
    if (line.length > 5000) continue;
    const words = line.split(/\s+/).filter(Boolean);
    const starts = new Map<number, number>();
    let offset = 0;
    const wordAt: number[] = [];
    for (const w of words) {
      const at = line.indexOf(w, offset);
      wordAt.push(at);
      offset = at + w.length;
    }
    CUSTOMER_CUES.lastIndex = 0;
    for (const m of line.matchAll(CUSTOMER_CUES)) {
      const end = m.index + m[0].length;
      const wi = wordAt.findIndex((a) => a >= end);
      if (wi < 0) continue;
      const strong =
        /customer|client|kunde|klant|kund|klient|register|registr|enregistr|anmeld|working|work|discussions|talks|trabajando|travaillons|arbeiten|werken|lavorando|arbejder|arbetar/i.test(
          m[0]
        );
      starts.set(wi, Math.max(starts.get(wi) ?? 0, strong ? 0.7 : 0.4));
    }
    for (const [wi, score] of starts) {
      const name = capitalizedRun(words, wi);
      if (name && (score >= 0.7 || isOrgLike(name))) add(name, score);
    }
    // Any capitalised phrase with a legal form or an organisation word.
    for (let i = 0; i < words.length; i++) {
      if (
        !/^[A-ZÀ-Þ]/.test(words[i]!) ||
        (i > 0 && /^[A-ZÀ-Þ]/.test(words[i - 1]!) && !/[,.;:)]$/.test(words[i - 1]!))
      )
        continue;
      const name = capitalizedRun(words, i);
      if (name && isOrgLike(name) && name.split(' ').length >= 2) add(name, 0.35);
    }
  }
  return out.sort((a, b) => b.score - a.score);
}
