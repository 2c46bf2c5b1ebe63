import { sectionLabel } from '@/lib/content/numerals';
import { renderProfileSentence } from '@/lib/content/profile-sentence';
import type { EditionCase } from './edition-types';
import { profileFacts } from '@/lib/content/profile-facts';
import { BODY, BOX_HEADING, BOX_TEXT, BOX_VALUE, KICKER, META, SECTION_HEADING, TITLE } from './styles';
import { COLORS, COLUMN_LEFT, COLUMN_WIDTH, type Typesetter } from './typesetter';

// One case as the case page prints: its label, title and place, the 更正说明 up front (as
// publishers print an erratum), the 概况 card, the lead, and the numbered sections (（一）主要做法…).
// The issue edition and the single-case edition both set a case with this.

const PAD = 9;
const INNER = { left: COLUMN_LEFT + PAD, width: COLUMN_WIDTH - 2 * PAD };

/** A framed block kept on one page: measured, framed, then drawn inside. */
function framed(t: Typesetter, height: number, draw: (top: number) => void, accent = false): void {
  t.keep(height);
  const top = t.y;
  t.box(top, height, { accent });
  draw(top + PAD);
  t.advance(height);
  t.space(BODY.size);
}

function corrections(t: Typesetter, notes: string[]): void {
  if (notes.length === 0) return;
  const height = PAD * 2 + t.lineHeight(BOX_HEADING) + notes.reduce((h, n) => h + t.heightOf(n, BOX_TEXT, INNER), 0);
  framed(t, height, (top) => {
    let y = top + t.place('更正说明', { ...BOX_HEADING, color: COLORS.accent }, top, { ...INNER, align: 'left' });
    for (const note of notes) y += t.place(note, BOX_TEXT, y, INNER);
  });
}

function factsCard(t: Typesetter, c: EditionCase): void {
  if (!c.profile) return;
  const facts = profileFacts(c.profile);
  if (facts.length === 0) return;
  const title = `${c.placeName}概况${c.profile.year !== null ? `（${c.profile.year}年）` : ''}`;
  const sentence = renderProfileSentence(c.profile, c.placeName);
  const row = t.lineHeight(BOX_TEXT);
  const height = PAD * 2 + t.lineHeight(BOX_HEADING) + facts.length * row + (sentence ? 4 + t.heightOf(sentence, META, INNER) : 0);
  framed(
    t,
    height,
    (top) => {
      let y = top + t.place(title, BOX_HEADING, top, { ...INNER, align: 'left' });
      for (const f of facts) {
        t.place(f.term, BOX_TEXT, y, { ...INNER, align: 'left' });
        t.place(f.value, BOX_VALUE, y, { ...INNER, align: 'right' });
        y += row;
        t.rule(y - 1, { ...INNER, color: '#d0d7de', thickness: 0.5 });
      }
      if (sentence) t.place(sentence, META, y + 4, INNER);
    },
    true,
  );
}

export interface CaseHeading {
  /** “典型做法之3” or “2025年第3期（总第27期）· 典型做法之3”, with the 栏目 in front when there is one. */
  kicker: string;
  /** Under the title: the place, and for a case printed alone its date. */
  meta: string;
}

/** Sets one case from the current position (the caller starts the page). */
export function drawCase(t: Typesetter, c: EditionCase, heading: CaseHeading): void {
  t.heading(heading.kicker, KICKER, t.lineHeight(TITLE));
  t.heading(c.title, TITLE, t.lineHeight(META));
  t.flow(t.lines(heading.meta, META).map((l) => ({ ...l, last: true })), META, { align: 'left' });
  t.space(BODY.size);
  corrections(t, c.corrections);
  factsCard(t, c);
  t.paragraphs(c.lead, BODY, { indentEms: 2 });
  c.sections.forEach((s, i) => {
    t.space(BODY.size * 0.6);
    t.heading(`${sectionLabel(i)}${s.heading}`, SECTION_HEADING, 2 * t.lineHeight(BODY));
    t.paragraphs(s.body, BODY, { indentEms: 2 });
  });
}
