/**
 * A site adapter: what Jaga Netral knows about one site's composers, as data plus a few functions.
 * Adapters only read the page. They never write into the site's editor.
 */
export type SiteId = 'x' | 'facebook' | 'instagram';

export interface SiteSelectors {
  /** Editable text areas of a composer (one per box; a thread has several). */
  editor: string;
  /** Buttons that publish what the composer holds. */
  submit: string;
  /** A modal composer (dialog) that holds editors and its own submit button. */
  dialog: string;
  /** Further named selectors of one adapter (all overridable by data, see sites/overrides.ts). */
  [name: string]: string;
}

/** Something on the page that health checks expect a supported site to have (see content/health.ts). */
export type HealthProblem = 'editor' | 'composer' | 'submit';
/** What the guard recognised on a page: a composer, its submit path, an engagement button by its action. */
export type Recognised = 'composer' | 'submit' | Engagement['action'];

/** A Like / Share / Repost / Follow press on some content or account (see SiteAdapter.engagementOf). */
export interface Engagement {
  action: 'like' | 'share' | 'repost' | 'follow';
  /** The button pressed. */
  button: Element;
  /** The post, comment or account it acts on. */
  item: Element;
  /** The item's text as the rule engine should read it (author or account name, then the content). */
  text: string;
  /** For a menu item: the button that opened its menu, and how to find the item again once it has been
   *  pressed (the menu closes when the person clicks the warning). */
  reopen?: { opener: Element; find: () => Element | null };
}

export interface SiteAdapter {
  id: SiteId;
  name: string;
  selectors: SiteSelectors;
  /** The composer that an editor or a submit button belongs to, or null if it can't be told. */
  composerOf(el: Element): Element | null;
  /** The composer's editors, in order (thread boxes from first to last). */
  editorsIn(composer: Element): HTMLElement[];
  /** The plain text of one editor, as the site will publish it. */
  readText(editor: HTMLElement): string;
  /** The composer's own submit button. */
  submitButtonOf(composer: Element): HTMLElement | null;
  /** The submit button that a click on `target` presses, if any. Default: closest(selectors.submit). */
  submitOf?(target: Element): Element | null;
  /** A key press that publishes from this editor (Ctrl/Cmd+Enter on X; Enter in a Facebook comment box). */
  isSubmitKey(e: KeyboardEvent, editor: HTMLElement): boolean;
  /** Does Enter alone publish from this editor (comment boxes)? Such a box needs no submit button. */
  submitsOnEnter?(editor: HTMLElement): boolean;
  /** The engagement a click on `target` performs, if it is a Like/Share/Repost/Follow button. */
  engagementOf?(target: Element): Engagement | null;
  /** The engagement a key press performs (a site's keyboard shortcuts), if any. */
  engagementOfKey?(e: KeyboardEvent): Engagement | null;
  /** Editable boxes the adapter deliberately leaves alone (private chats, search). */
  ignores?(el: Element): boolean;
}

/** Read a composer's whole draft: its boxes joined by blank lines, the way a thread reads. */
export function readDraft(adapter: SiteAdapter, composer: Element): { text: string; editors: HTMLElement[] } {
  const editors = adapter.editorsIn(composer);
  return { text: editors.map((e) => adapter.readText(e)).join('\n\n'), editors };
}

/** Is this button switched off (the site would ignore a click on it)? */
export function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

/** The submit button a click on `target` presses, through the adapter. */
export function submitOf(adapter: SiteAdapter, target: Element): Element | null {
  if (adapter.submitOf) return adapter.submitOf(target);
  return safeClosest(target, adapter.selectors.submit);
}

/** closest() that treats a broken selector as "no match" (selectors can come from data). */
export function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

export function safeQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  try {
    return Array.from(root.querySelectorAll<T>(selector as never));
  } catch {
    return [];
  }
}

export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** The nearest ancestor of `el` (not `el` itself) for which `has` is true. */
export function closestWith(el: Element, has: (a: Element) => boolean): Element | null {
  for (let a: Element | null = el.parentElement; a && a !== document.documentElement; a = a.parentElement) if (has(a)) return a;
  return null;
}

/** An element's accessible label as the site wrote it: aria-label, else its visible text. */
export function labelOf(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.getAttribute('aria-placeholder') ?? el.getAttribute('placeholder') ?? el.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

const norm = (s: string) => s.toLowerCase().replace(/[….]+$/u, '').trim();

/** Does the label equal one of `labels` (case-insensitive, trailing "…" ignored)? */
export function labelIs(el: Element, labels: readonly string[]): boolean {
  const l = norm(labelOf(el));
  return l !== '' && labels.some((x) => norm(x) === l);
}

/** Does the label start with one of `prefixes` (case-insensitive)? */
export function labelStarts(el: Element, prefixes: readonly string[]): boolean {
  const l = norm(labelOf(el));
  return l !== '' && prefixes.some((x) => l.startsWith(norm(x)));
}

/** Text of a Lexical editor (Facebook, Instagram): one line per paragraph, <br> as a line break. */
export function readLexical(editor: HTMLElement): string {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return editor.value;
  const blocks = Array.from(editor.children).filter((c) => c.tagName !== 'BR');
  if (!blocks.length) return editor.textContent ?? '';
  return blocks.map((b) => blockText(b)).join('\n');
}

function blockText(block: Element): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += (n as Text).data;
    else if (n.nodeName === 'BR') out += '\n';
    else n.childNodes.forEach(walk);
  };
  walk(block);
  // Lexical keeps a <br> in an empty paragraph and after a trailing line break
  return out.replace(/\n$/, '');
}

/** Is Enter (no modifiers) pressed? */
export function isPlainEnter(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;
}

/** Text of the first element matching each selector under `root`, joined by new lines (empty ones left out). */
export function textsOf(root: Element, selectors: readonly string[]): string {
  const out: string[] = [];
  for (const s of selectors) {
    const el = safeQueryAll(root, s)[0];
    const t = el?.textContent?.replace(/\s+/g, ' ').trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out.join('\n');
}

/** The text of `el` without what sits in elements matching `skip` (a "See more" button inside a post's text). */
export function textWithout(el: Element, skip: string): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += (n as Text).data;
    else if (n instanceof Element && !safeMatches(n, skip)) n.childNodes.forEach(walk);
  };
  el.childNodes.forEach(walk);
  return out.replace(/\s+/g, ' ').trim();
}
