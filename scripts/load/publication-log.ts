// When the toggled issue was certainly public and certainly not: a window opens when the reviewer's
// publish (or unpublish) is acknowledged and closes when the opposite request is sent. Requests
// wholly inside a window must see that state; requests overlapping a change may see either.

interface Window {
  from: number;
  to: number;
}

/** How long after an acknowledged change readers still count as "around a change". */
export const SETTLE_MS = 5000;

export class PublicationLog {
  private readonly published: Window[] = [];
  private readonly unpublished: Window[] = [];
  /** From each publish or unpublish request until SETTLE_MS after its answer: the public cache is being rebuilt. */
  private readonly changes: Window[] = [];

  /** The issue is published when the run starts. */
  constructor(start: number) {
    this.published.push({ from: start, to: Infinity });
  }

  requested(action: 'publish' | 'unpublish', at: number): void {
    const open = (action === 'publish' ? this.unpublished : this.published).at(-1);
    if (open && open.to === Infinity) open.to = at;
    this.changes.push({ from: at, to: Infinity });
  }

  /** The answer to the last request, acknowledged or not (an unanswered request still changes nothing visible for long). */
  answered(action: 'publish' | 'unpublish', at: number, ok: boolean): void {
    const change = this.changes.at(-1);
    if (change && change.to === Infinity) change.to = at + SETTLE_MS;
    if (ok) (action === 'publish' ? this.published : this.unpublished).push({ from: at, to: Infinity });
  }

  /** Whether a request began while a change was under way or had just been made. */
  nearChange(began: number): boolean {
    return this.changes.some((w) => w.from <= began && began <= w.to);
  }

  surelyPublished(began: number, ended: number): boolean {
    return this.published.some((w) => w.from <= began && ended <= w.to);
  }

  surelyUnpublished(began: number, ended: number): boolean {
    return this.unpublished.some((w) => w.from <= began && ended <= w.to);
  }

  get cycles(): number {
    return this.unpublished.length;
  }
}
