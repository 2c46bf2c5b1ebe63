import { RUNNING } from './styles';
import { COLORS, PAGE_HEIGHT, TEXT_TOP, type Typesetter } from './typesetter';

const MM = 72 / 25.4;

/** One line of running head: what does not fit is cut with an ellipsis rather than wrapped into the text. */
function oneLine(t: Typesetter, text: string): string {
  const [first, second] = t.lines(text, RUNNING);
  if (!first) return '';
  return second ? `${[...first.text].slice(0, -1).join('')}…` : first.text;
}

/**
 * The running head (publication and issue) over a hairline, and “第 N 页 / 共 M 页” centred at the
 * foot, on every page but those skipped (the cover). Drawn once the total is known.
 */
export function drawPageFurniture(t: Typesetter, head: string, { skipFirst }: { skipFirst: boolean }): void {
  const headText = oneLine(t, head);
  t.eachPage((index, count) => {
    if (skipFirst && index === 0) return;
    t.place(headText, RUNNING, TEXT_TOP - 10 * MM, { align: 'left' });
    t.rule(TEXT_TOP - 10 * MM + t.lineHeight(RUNNING) + 2, { color: COLORS.rule, thickness: 0.5 });
    t.place(`第 ${index + 1} 页 / 共 ${count} 页`, RUNNING, PAGE_HEIGHT - 13 * MM, { align: 'center' });
  });
}
