/**
 * Notices a person dragging a photo's preview, which may put the previews in a new order
 * (Instagram's gallery at the crop step moves a thumbnail dragged onto another's place). Both ways
 * sites drag: HTML5 drag and drop (dragstart), and a pointer press that moves more than a few pixels
 * before release (sortable lists built on pointer or mouse events). `onPress` runs as the press
 * begins, before the site sees it, while the previews are still in their old order; `onDrag` once
 * the press has become a drag.
 */
export interface PreviewDragOptions<T> {
  /** What the press on `target` is on (a composer's photo preview), or null to leave it alone. */
  at: (target: Element) => T | null;
  onPress: (on: T) => void;
  onDrag: (on: T) => void;
  signal: AbortSignal;
}

/** A press that moves this far (CSS pixels) is a drag: less is a click with a shaky hand. */
export const DRAG_PX = 4;

export function watchPreviewDrags<T>({ at, onPress, onDrag, signal }: PreviewDragOptions<T>): void {
  let press: { on: T; pointer: number; x: number; y: number } | null = null;

  const onPointerDown = (e: PointerEvent) => {
    press = null;
    const on = e.target instanceof Element ? at(e.target) : null;
    if (on === null) return;
    onPress(on);
    press = { on, pointer: e.pointerId, x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!press || e.pointerId !== press.pointer || Math.hypot(e.clientX - press.x, e.clientY - press.y) <= DRAG_PX) return;
    const { on } = press;
    press = null;
    onDrag(on);
  };
  const onPointerEnd = (e: PointerEvent) => {
    if (press && e.pointerId === press.pointer) press = null;
  };
  const onDragStart = (e: DragEvent) => {
    const on = e.target instanceof Element ? at(e.target) : null;
    if (on === null) return;
    onPress(on);
    onDrag(on);
  };

  const opts = { capture: true, signal } as const;
  window.addEventListener('pointerdown', onPointerDown, opts);
  window.addEventListener('pointermove', onPointerMove, opts);
  window.addEventListener('pointerup', onPointerEnd, opts);
  window.addEventListener('pointercancel', onPointerEnd, opts);
  window.addEventListener('dragstart', onDragStart, opts);
}
