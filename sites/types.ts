/**
 * A site adapter: what Jaga Netral knows about one site's composers, as data plus a few functions.
 * Adapters only read the page. They never write into the site's editor.
 */
export interface SiteSelectors {
  /** Editable text areas of a composer (one per box; a thread has several). */
  editor: string;
  /** Buttons that publish what the composer holds. */
  submit: string;
  /** A modal composer (dialog) that holds editors and its own submit button. */
  dialog: string;
}

export interface SiteAdapter {
  id: 'x' | 'facebook' | 'instagram';
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
  /** A key press that publishes (e.g. Ctrl/Cmd+Enter on X). */
  isSubmitKey(e: KeyboardEvent): boolean;
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
