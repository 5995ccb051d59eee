/**
 * The caret as text offsets inside an editor, so it survives the editor re-rendering its DOM
 * (Draft.js clears the DOM selection on blur and may replace its text nodes).
 * Restoring it sets the selection only; the editor's text is never touched.
 */
export interface Caret {
  start: number;
  end: number;
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Characters of text between the start of `root` and a DOM point (Range.toString counts text nodes only). */
function offsetOf(root: Node, container: Node, offset: number): number | null {
  if (!root.contains(container)) return null;
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(container, offset);
  return r.toString().length;
}

/** The current selection as offsets in `editor`, or null if the selection is elsewhere. */
export function saveCaret(editor: HTMLElement): Caret | null {
  const sel = document.getSelection();
  if (!sel || !sel.rangeCount) return null;
  const r = sel.getRangeAt(0);
  const start = offsetOf(editor, r.startContainer, r.startOffset);
  const end = offsetOf(editor, r.endContainer, r.endOffset);
  return start === null || end === null ? null : { start, end };
}

function pointAt(editor: HTMLElement, offset: number): [Node, number] {
  const nodes = textNodes(editor);
  let total = 0;
  for (const t of nodes) {
    if (offset <= total + t.length) return [t, offset - total];
    total += t.length;
  }
  const last = nodes[nodes.length - 1];
  return last ? [last, last.length] : [editor, editor.childNodes.length];
}

/** Focus the editor and put the selection back where it was. */
export function restoreCaret(editor: HTMLElement, caret: Caret | null): void {
  editor.focus({ preventScroll: true });
  if (!caret) return;
  const sel = document.getSelection();
  if (!sel) return;
  const range = document.createRange();
  const [sn, so] = pointAt(editor, caret.start);
  const [en, eo] = pointAt(editor, caret.end);
  range.setStart(sn, so);
  range.setEnd(en, eo);
  sel.removeAllRanges();
  sel.addRange(range);
}
