/**
 * Jaga Netral's own layer on the page: one <jaga-netral-ui> host with an open shadow root, holding
 * the draft markers and the warning. It sits outside the site's React tree and never touches it.
 */
import { render } from 'preact';
import type { Analysis, Verdict } from '../lib/rules/types';
import { Marker } from './Marker';
import { Overlay, type Choice, type Decision, type EngageAction, type Enforcement } from './Overlay';
import { STYLES } from './styles';
import { uiLang } from './i18n';
// photo check
import type { PhotoReport } from '../content/photo-report';
import { PHOTO_STYLES } from './Photos';

export const HOST_TAG = 'jaga-netral-ui';

export interface MarkerInfo {
  count: number;
  verdict: Exclude<Verdict, 'ok'>;
  rect: () => DOMRect | null;
  onOpen: () => void;
  /** photo check: a short state shown instead of the count, e.g. "memeriksa foto…" */
  note?: string;
}

export interface WarningRequest {
  analysis: Analysis;
  text: string;
  mode: 'submit' | 'preview' | 'engage';
  /** mode 'engage': what the person is about to do with the content. */
  action?: EngageAction;
  anchor: () => DOMRect | null;
  /** The agency's mode and name (managed policy); default: warn, no agency. */
  enforcement?: Enforcement;
  /** Told how the person decided (the reason typed in confirm mode, Esc or a button). */
  onDecision?: (d: Decision) => void;
  /** photo check: the composer's photos, live while they are checked */
  photos?: PhotoSource;
}

export interface PhotoSource {
  get(): PhotoReport | null;
  subscribe(cb: () => void): () => void;
  /** true once the bounded wait at submit ran out */
  waitedOut(): boolean;
}

export interface Ui {
  /** Show the warning; resolves with the person's choice. Only one at a time. */
  warn(req: WarningRequest): Promise<Choice>;
  isOpen(): boolean;
  /** Close the open warning as if the person chose `c` (used when a photo check settles clean). */
  close(c: Choice): void;
  setMarker(key: object, info: MarkerInfo | null): void;
  destroy(): void;
}

export function createUi(): Ui {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let warning: (WarningRequest & { resolve: (c: Choice) => void; unsubscribe?: () => void }) | null = null;
  const markers = new Map<object, MarkerInfo>();
  const markerIds = new WeakMap<object, number>();
  let nextId = 0;
  let frame = 0;

  const ensureHost = () => {
    if (host?.isConnected) return;
    host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLES + PHOTO_STYLES;
    mount = document.createElement('div');
    mount.className = 'layer';
    shadow.append(style, mount);
    // keystrokes inside our layer are ours: don't let the site's shortcuts see them
    for (const type of ['keydown', 'keyup', 'keypress'] as const) host.addEventListener(type, (e) => e.stopPropagation());
    document.documentElement.append(host);
  };

  const draw = () => {
    frame = 0;
    if (!markers.size && !warning) {
      if (mount) render(null, mount);
      host?.setAttribute('data-state', 'idle');
      return;
    }
    ensureHost();
    const lang = uiLang();
    const items = [...markers.entries()].flatMap(([k, m]) => {
      const rect = warning ? null : m.rect();
      if (!markerIds.has(k)) markerIds.set(k, nextId++);
      return rect ? [<Marker key={markerIds.get(k)} count={m.count} verdict={m.verdict} rect={rect} onOpen={m.onOpen} note={m.note} />] : [];
    });
    render(
      <>
        {items}
        {warning && (
          <Overlay
            key={`w${warningSeq}`}
            analysis={warning.analysis}
            text={warning.text}
            lang={lang}
            mode={warning.mode}
            action={warning.action}
            anchor={warning.anchor}
            enforcement={warning.enforcement}
            photos={warning.photos?.get() ?? null}
            photosWaitedOut={warning.photos?.waitedOut() ?? false}
            onChoose={(c, d) => {
              const w = warning;
              warning = null;
              w?.unsubscribe?.();
              draw();
              w?.onDecision?.({ choice: c, ...d });
              w?.resolve(c);
            }}
          />
        )}
      </>,
      mount!,
    );
    host!.setAttribute('data-state', warning ? 'warning' : 'markers');
  };
  let warningSeq = 0;

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const onViewport = () => markers.size && !warning && schedule();
  window.addEventListener('scroll', onViewport, { passive: true, capture: true });
  window.addEventListener('resize', onViewport, { passive: true });

  return {
    warn(req) {
      return new Promise<Choice>((resolve) => {
        warning?.unsubscribe?.();
        warning?.resolve('edit');
        warningSeq++;
        warning = { ...req, resolve };
        if (req.photos) warning.unsubscribe = req.photos.subscribe(schedule);
        cancelAnimationFrame(frame);
        draw(); // synchronously: the warning is on screen in the same task as the click
      });
    },
    isOpen: () => warning !== null,
    close(c) {
      const w = warning;
      if (!w) return;
      warning = null;
      w.unsubscribe?.();
      draw();
      w.resolve(c);
    },
    setMarker(key, info) {
      if (info) markers.set(key, info);
      else if (!markers.delete(key)) return;
      schedule();
    },
    destroy() {
      window.removeEventListener('scroll', onViewport, { capture: true });
      window.removeEventListener('resize', onViewport);
      cancelAnimationFrame(frame);
      warning?.unsubscribe?.();
      warning?.resolve('edit');
      warning = null;
      markers.clear();
      if (mount) render(null, mount);
      host?.remove();
    },
  };
}
