// The extractor's vocabulary: cue words per language, field labels, title words, legal forms and
// domains that never identify a customer. Data only; the parts of the extractor read it.
//
// Languages covered: English, German, French, Spanish, Italian, Dutch, Portuguese, Swedish,
// Danish, Polish (labels and the commonest cue words; dates and money have their own modules).
import { VOCABULARY } from '../../vocabulary';

/** Free-mail domains (never a customer's domain): from the shared vocabulary (vocabulary/vocabulary.json, generated into src/vocabulary.ts). */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(VOCABULARY.freeMail.domains);

/** Domains that appear in emails but never identify a customer. */
export const NON_CUSTOMER_DOMAINS = new Set([
  'linkedin.com',
  'zoom.us',
  'teams.microsoft.com',
  'microsoft.com',
  'google.com',
  'calendly.com',
  'youtube.com',
  'twitter.com',
  'x.com',
  'facebook.com',
  'aka.ms',
  'bit.ly',
  'docs.google.com',
  'drive.google.com',
  'dropbox.com',
  'salesforce.com',
  'force.com',
  'my.salesforce.com',
  'example.com',
  'vendor.example'
]);

/** Mailbox names of teams and robots: such a sender is never the customer's contact. */
export const ROLE_MAILBOX =
  /^(?:deal-?desk|deals|partners?|partner-?desk|channel|sales|info|office|admin|support|help|noreply|no-reply|donotreply|mailer-daemon|postmaster|compliance|legal|billing|accounts|hello|contact|team)$/i;

export type LabelKey =
  | 'customerName'
  | 'website'
  | 'opportunityName'
  | 'amount'
  | 'currency'
  | 'closeDate'
  | 'products'
  | 'contact'
  | 'contactEmail'
  | 'contactPhone'
  | 'contactTitle';

export const LABELS: Array<[LabelKey, RegExp]> = [
  [
    'customerName',
    /^(?:end[- ]?customer(?: name)?|customer(?: name| account| company)?|client(?: name| final)?|company(?: name)?|account(?: name)?|prospect|organi[sz]ation|endkunde|kunde|firma|unternehmen|cliente(?: final)?|empresa|société|societe|klant|eindklant|kund|klient)$/i
  ],
  [
    'website',
    /^(?:website|web site|web|domain|url|homepage|site web|site|webseite|sitio web|página web|sito web|sito|webbplats|hjemmeside)$/i
  ],
  [
    'opportunityName',
    /^(?:opportunity(?: name)?|opp(?:ortunity)?|deal(?: name| title)?|project(?: name)?|projekt(?:name)?|projet|proyecto|progetto|projeto|oportunidad|opportunité|vorhaben|initiative)$/i
  ],
  [
    'amount',
    /^(?:amount|deal (?:size|value|amount)|value|estimated value|est\.? value|budget|total|tcv|acv|arr|deal volume|volume|auftragswert|volumen|wert|projektvolumen|montant|valeur|importe|valor|presupuesto|monto|bedrag|waarde|importo|valore|belopp|værdi|beløb|wartość|kwota)$/i
  ],
  ['currency', /^(?:currency|währung|devise|moneda|valuta|waluta)$/i],
  [
    'closeDate',
    /^(?:(?:expected |estimated |target |planned )?(?:close|closing|decision|signature|signing|go[- ]live|po)(?: date)?|close by|abschluss(?:datum)?|entscheidung|unterschrift|date de (?:clôture|signature|décision)|clôture|fecha de cierre|cierre|sluitingsdatum|afsluiting|data di chiusura|chiusura|data de fechamento|fechamento|avslut|avslutsdatum|data zamknięcia|timeline|timing|zeitplan)$/i
  ],
  [
    'products',
    /^(?:products?(?: of interest)?|solutions?|licen[cs]es|modules?|sku|items?|produkte?|lösung(?:en)?|produits?|productos?|producten|prodotti|produtos|produkter|produkty|scope)$/i
  ],
  [
    'contact',
    /^(?:(?:primary |main |customer |technical |key )?contact(?: person| name)?|point of contact|poc|decision maker|champion|sponsor|ansprechpartner(?:in)?|kontakt(?:person)?|interlocuteur|contacto|contato|persona de contacto|contactpersoon|referente|kontaktperson)$/i
  ],
  ['contactEmail', /^(?:(?:contact )?e-?mail(?: address)?|mail|courriel|correo|e-post)$/i],
  [
    'contactPhone',
    /^(?:(?:contact )?(?:phone|tel\.?|telephone|mobile|mob\.?|cell)|telefon|handy|téléphone|teléfono|telefono|telefoon)$/i
  ],
  [
    'contactTitle',
    /^(?:(?:contact )?(?:title|job title|role|position)|funktion|rolle|titre|fonction|poste|cargo|puesto|functie|ruolo|befattning)$/i
  ]
];

/** A heading that introduces a block of contact lines ("Ansprechpartner beim Kunden:"). */
export const CONTACT_HEADING =
  /^(?:(?:customer|client|primary|main|key) contact(?: person)?|contact(?: person)?(?: at the customer| at customer| client)?|ansprechpartner(?:in)?(?: beim kunden| kunde)?|kontakt(?:person)?(?: beim kunden)?|contact client|interlocuteur(?: client)?|persona de contacto|contacto(?: del cliente| cliente)?|contactpersoon(?: bij de klant)?|referente(?: cliente)?|contato(?: do cliente)?|kontaktperson(?: hos kunden)?)$/i;

export const HEADER_LABEL =
  /^(?:from|to|cc|bcc|sent|date|subject|von|an|gesendet|datum|betreff|de|à|envoyé|objet|para|enviado|asunto|fecha|reply-to|van|aan|onderwerp|verzonden|da|a|oggetto|data|inviato|assunto|från|till|skickat|ämne|fra|til|emne|sendt|od|do|temat|wysłano)$/i;

/** Header names of a quoted or forwarded message and the canonical header they stand for. */
export const HEADER_CANONICAL: Record<string, string> = {
  from: 'from',
  von: 'from',
  de: 'from',
  van: 'from',
  da: 'from',
  från: 'from',
  fra: 'from',
  od: 'from',
  to: 'to',
  an: 'to',
  à: 'to',
  para: 'to',
  aan: 'to',
  a: 'to',
  till: 'to',
  til: 'to',
  do: 'to',
  cc: 'cc',
  sent: 'date',
  date: 'date',
  gesendet: 'date',
  datum: 'date',
  envoyé: 'date',
  enviado: 'date',
  fecha: 'date',
  verzonden: 'date',
  data: 'date',
  inviato: 'date',
  skickat: 'date',
  sendt: 'date',
  wysłano: 'date',
  subject: 'subject',
  betreff: 'subject',
  objet: 'subject',
  asunto: 'subject',
  onderwerp: 'subject',
  oggetto: 'subject',
  assunto: 'subject',
  ämne: 'subject',
  emne: 'subject',
  temat: 'subject'
};

export const SIGN_OFF =
  /^(?:best(?: regards| wishes)?|kind regards|regards|warm regards|many thanks|thanks(?: (?:a lot|again|and regards))?!?|thank you|thx|ta|cheers|sincerely|br|rgds|all the best|talk soon|mit freundlichen grüßen|mit besten grüßen|mfg|viele grüße|beste grüße|freundliche grüße|freundliche grüsse|gruß|grüße|lg|danke und gruß|cordialement|bien cordialement|bien à vous|bonne journée|merci|salutations|saludos(?: cordiales)?|un saludo|atentamente|gracias|cordiali saluti|distinti saluti|saluti|grazie|met vriendelijke groet(?:en)?|groeten|groet|atenciosamente|abraços|cumprimentos|med vänliga hälsningar|hälsningar|venlig hilsen|mvh|pozdrawiam|z poważaniem)[,.!]*$/i;

/** Words that make a phrase a job title. */
export const TITLE_WORDS =
  /\b(?:chief|ceo|cto|cio|cfo|coo|ciso|cdo|cmo|cro|cmio|vp|svp|evp|gm|vice president|president|director|directeur|directrice|direttore|diretor(?:a)?|directora?|dyrektor|head|manager|lead|leader|architect|engineer|officer|owner|buyer|procurement|purchasing|administrator|admin|analyst|consultant|founder|partner|specialist|coordinator|coordinador(?:a)?|koordinator(?:in)?|it-leiter(?:in)?|leiter(?:in)?|leitung|geschäftsführer(?:in)?|vorstand|einkauf|einkäufer(?:in)?|bereichsleiter(?:in)?|abteilungsleiter(?:in)?|inhaber(?:in)?|responsable|responsabile|chef|\p{L}+chef|gérant(?:e)?|acheteur|acheteuse|jefe|jefa|gerente|hoofd|inkoper|teamleider|dsi|referente|treasurer|secretary|controller|comptroller|propriétaire|dueño|dueña|superintendent|principal|dean|provost|registrar)\b/iu;

export const LEGAL_FORM_WORDS = [
  'gmbh',
  'ggmbh',
  'ag',
  'kg',
  'ohg',
  'se',
  'eg',
  'e.g.',
  'inc',
  'inc.',
  'incorporated',
  'ltd',
  'ltd.',
  'limited',
  'llc',
  'llp',
  'plc',
  'corp',
  'corp.',
  'corporation',
  'co',
  'co.',
  'company',
  'group',
  'gruppe',
  'groupe',
  'grupo',
  'holding',
  'holdings',
  'sa',
  's.a.',
  'sas',
  's.a.s.',
  'sarl',
  'bv',
  'b.v.',
  'nv',
  'n.v.',
  'srl',
  's.r.l.',
  'spa',
  's.p.a.',
  'oy',
  'ab',
  'as',
  'a/s',
  'pty',
  'pvt',
  'pvt.',
  'sl',
  's.l.',
  'lda',
  'lda.',
  'ltda',
  'spa',
  'spółka',
  'e.v.',
  'mbh',
  'kgaa'
];
const LEGAL_SET = new Set(LEGAL_FORM_WORDS);
const PUNCT_EDGE = new Set([',', ';', ':', ')', '(', '.']);
function trimPunct(w: string): string {
  let end = w.length;
  while (end > 0 && PUNCT_EDGE.has(w[end - 1]!)) end--;
  return w.slice(0, end);
}
/** True for a legal-form word ("GmbH", "Ltd.", "B.V.", "S.A."). */
export function isLegalForm(word: string): boolean {
  const w = word.toLowerCase();
  return LEGAL_SET.has(w) || LEGAL_SET.has(trimPunct(w));
}
/** Legal forms written as several words. */
export const MULTIWORD_LEGAL =
  /\b(?:S\.A\. de C\.V\.|Sp\. z o\.o\.|GmbH & Co\. KG|Co\., Ltd\.|Pvt\. Ltd\.|S\.L\.U\.)/;

/** Words that name an organisation's kind: a capitalised phrase holding one is an organisation. */
export const ORG_WORDS =
  /^(?:group|gruppe|groupe|grupo|gruppo|university|universität|université|universidad|college|school|schools|academy|council|county|city|municipality|gemeente|ayuntamiento|commune|communes|région|region|bank|banque|banco|sparkasse|landesbank|credit|union|insurance|versicherung|assurance|mutuelle|hospital|klinikum|clinic|clinics|clinique|ospedale|hospitaal|trust|foundation|stiftung|fundación|partners|industries|industrie|logistics|logistik|logística|transport|transports|transportes|spedition|foods|bakery|bakeries|bäckerei|bakkerij|brauerei|brasserie|brewing|winery|bodegas|cantine|hotels|hoteles|hôtels|pharma|pharmaceuticals|labs|laboratories|systems|solutions|services|service|technologies|mining|energy|energie|énergie|utilities|stadtwerke|airlines|railways|rail|marine|steel|works|motors|retail|supply|outfitters|studios|dental|veterinary|solicitors|capital|cooperativa|coop|zorggroep|colegio|farmacias|supermercados|apotheke|drukkerij|fleischerei|optikhaus|weinkellerei|reederei|constructora|pastificio|mleczarnia|agriturismo|padaria|transportbedrijf|hamnservice|fiskeeksport|bygg|bergbahnen|tuinbouw|installatietechniek)$/i;

export const SUBJECT_CUES =
  /\b(?:deal reg(?:istration)?|registration|register|new deal|new opportunity|opportunity|deal|projekt|anmeldung|registrierung|registro|enregistrement|inscription|oportunidad|opportunité|aanmelding|registratie|registrazione)\b/i;

export const SUBJECT_PREFIX =
  /^(?:new\s+)?(?:deal\s+reg(?:istration)?|registration|register|new deal|new opportunity|opportunity|deal|anmeldung|registrierung|registro(?: de oportunidad)?|enregistrement|inscription|oportunidad|opportunité|aanmelding|registratie|registrazione)(?:\s+(?:request|for|für|pour|para|de|voor|per))?\s*[:\-–—|]?\s*/i;

export const STRONG_CLOSE_CUES =
  /(?:\bclos(?:e|es|ed|ing|ure)|\bsign(?:s|ed|ing|ature)?\b|\bdecision|\bdecide|\bpo\b|purchase order|go[- ]?live|\blive\b|abschluss|abschließen|unterschrift|unterschreiben|entscheidung|vergabe|clôture|décision|décide|signature|cierre|\bfirma[nr]?\b|decisión|fechamento|fecham|assinatura|afsluiting|afsluiten|tekenen|beslissing|chiusura|\bfirma\b|underskrive|beslutning|avslut|beslut|zamknięci|notification|rfp closes|award)/i;

export const CLOSE_CUES =
  /(?:\bclos(?:e|es|ed|ing)|\bsign|\bdecision|\bdecide|\bpo\b|purchase order|\border\b|go[- ]live|\bcontract|\bexpect(?:ed|s)?\b|\btarget(?:ing)?\b|timeline|\bplanned\b|plan to|\baim\b|\bby\b|\bbefore\b|\buntil\b|\blive\b|\blaunch|\baward|\bbis\b|\bavant\b|\bantes\b|\bentro\b|\bvoor\b|\binnan\b|kick[- ]?off|budget (?:approval|sign)|abschluss|abschließen|unterschrift|unterschreiben|vertrag|entscheidung|bestell|auftrag|geplant|signature|signer|clôture|décision|commande|prévu|cierre|firma|decisión|pedido|previsto|compra|fechamento|fecham|assinatura|afsluiten|tekenen|beslissing|chiusura|firmare|start|begin|beginnen|commencer|empezar)/i;

export const AMOUNT_CUES =
  /(?:\bdeal|budget|\bvalue|valued|worth|\bsize|volume|licen[cs]es?|subscription|\barr\b|\bacv\b|\btcv\b|contract|\btotal|\border|auftragswert|volumen|\bwert|angebot|montant|valeur|devis|offre|presupuesto|importe|\bvalor|bedrag|waarde|importo|offerta|approx|around|roughly|about|ca\.|circa|environ|unos|ongeveer|rond|ungefähr|etwa|rund|cirka|uns|env\.|ronda|estimat|schätz|schatten|proposal|proposta|quote|quoting|offer)/i;

/** "this year" with a closing cue means the year's end ("noch dieses Jahr bestellen"). */
export const THIS_YEAR =
  /\b(?:this year|by year[- ]end|dieses jahr|diesem jahr|cette année|este año|quest'anno|dit jaar|este ano|i år)\b/i;

/** "X instead of Y", "X (not Y)", "X statt Y": Y is struck. Group 1 marks where Y starts. */
export const CORRECTION_CUES =
  /(?:instead of|rather than|not|statt|anstatt|anstelle von|et non|au lieu de|plutôt que|en lugar de|en vez de|y no|invece di|anziché|e non|in plaats van|i stället för|i stedet for|em vez de|zamiast)\s*$/i;

/** A product named in a sentence with one of these is being removed from the deal. */
export const REMOVAL_CUES =
  /(?:\bremoved?\b|\bdropped?\b|\bwithout\b|no longer|retiré|retire|\bsans\b|\bohne\b|entfällt|gestrichen|\bsin\b|quitado|eliminad|\bzonder\b|\bsenza\b|rimoss|\bsem\b|\butan\b|\buden\b|\bbez\b)/i;
/** "Analytics Cloud only": the newest message restricts the products to those it names. */
export const ONLY_CUES =
  /(?:\bonly\b|\bnur\b|\bseulement\b|\buniquement\b|\bsolo\b|\bsolamente\b|\balleen\b|\bsoltanto\b|\bapenas\b|\bendast\b|\bkun\b|\btylko\b)/i;

/** Words that introduce the customer in prose, by language. The name follows. */
export const CUSTOMER_CUES =
  /(?:\b(?:end[- ]customer|customer|client|prospect|endkunde|kunde|client final|cliente(?: final)?|klant|eindklant|kund|klient)(?:\s+(?:is|ist|est|es|è|é|är|er|jest))?(?:\s+(?:the|die|der|das|la|le|el|de|het|il|a|o))?|\b(?:register(?:ing)?|registrar|registramos|registriamo|registreren|registrieren|enregistrer|anmelden|registrera|registrere|zarejestrować)\s+(?:the\s+|an?\s+|la\s+|le\s+|a\s+|die\s+|der\s+)?(?:(?:new\s+)?(?:deal|opportunity|oportunidad|opportunité|opportunità|oportunidade)\s+)?(?:for|with|at|con|chez|avec|pour|para|bei|mit|für|met|voor|presso|com|med|för|hos|dla)?|\b(?:discussions?|working|work|talks|deal|opportunity|oportunidad|opportunité|opportunità|oportunidade|projet|projekt|project|registro|registratie|registrierung|registrazione|demo|proposal|lead|trabajando|travaillons|arbeiten|werken|lavorando|gesprek|gesprochen|hablado|arbejder|arbetar)\s+(?:(?:for|with|at|con|chez|avec|mit|bei|met|presso|com|med|hos|dla|para|de)\s+)(?:der\s+|die\s+|dem\s+|la\s+|le\s+|el\s+|a\s+|the\s+|l'|il\s+|lo\s+)?|\b(?:met|meeting with|visited|for|für|pour|para|per|voor|bei der|bei|chez|avec|con|presso|auprès de|at|from|von|de|van)\s+(?:the\s+|der\s+|la\s+|el\s+|le\s+)?)/giu;
