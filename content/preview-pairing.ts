/**
 * Which attached photo each preview shows, by identity rather than place. A "one" remove control's
 * photo is found from its preview (sites/media-remove.ts); the place of that preview among its
 * siblings is the photo's place in attach order only until the person drags the previews into a new
 * order (Instagram's gallery at the crop step). So each preview's identity — the blob: URL its image
 * is drawn from — is paired with a photo while the places can still be trusted, and a removal after a
 * reorder goes by that identity. A preview whose identity was never paired, or was paired two ways,
 * takes nothing out: the photo keeps counting until the post goes out (the safe side).
 */
export class PreviewPairing<P> {
  private readonly byKey = new Map<string, P>();
  /** The previews may be in another order than the photos were attached in. */
  private moved = false;

  /** A preview was dragged: from now on a preview's place says nothing of its photo. */
  reordered(): void {
    this.moved = true;
  }

  /**
   * Learns from a group of previews, one per photo (`keys`: their identities in page order), which
   * photo each shows: by place while the order is the attach order; after a reorder only the one
   * preview left unpaired when all the others are paired (a photo added after the drag).
   */
  learn(keys: readonly string[], photos: readonly P[]): void {
    if (keys.length !== photos.length || new Set(keys).size !== keys.length) return;
    if (!this.moved) {
      const clash = keys.filter((k, i) => this.byKey.has(k) && this.byKey.get(k) !== photos[i]);
      if (!clash.length) {
        keys.forEach((k, i) => this.byKey.set(k, photos[i]!));
        return;
      }
      // the places contradict what they said before: the order changed in a way not seen, and
      // which pairing is right cannot be told
      this.moved = true;
      for (const k of clash) this.byKey.delete(k);
      return;
    }
    const unknown = keys.filter((k) => !this.byKey.has(k));
    const shown = new Set(keys.filter((k) => this.byKey.has(k)).map((k) => this.byKey.get(k)));
    const unshown = photos.filter((p) => !shown.has(p));
    // every paired preview a different photo still attached: the one left over is the last photo's
    if (unknown.length === 1 && unshown.length === 1 && shown.size === keys.length - 1 && [...shown].every((p) => photos.includes(p as P)))
      this.byKey.set(unknown[0]!, unshown[0]!);
  }

  /**
   * The photo a "one" removal takes out of `photos`: the one its preview (`keys[index]`, when the
   * previews have identities) was paired with; by place while no reorder was seen; else null.
   */
  photoFor(index: number, keys: readonly string[] | undefined, photos: readonly P[]): P | null {
    if (keys) {
      this.learn(keys, photos);
      const paired = this.byKey.get(keys[index]!);
      if (paired !== undefined) return photos.includes(paired) ? paired : null;
    }
    return this.moved ? null : (photos[index] ?? null);
  }
}
