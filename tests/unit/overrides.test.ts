import { describe, expect, it } from 'vitest';
import { adapterWithOverrides, applySelectorOverrides } from '../../sites/overrides';
import { facebookSelectors } from '../../sites/facebook';

// Node has no CSS parser: stand in for the browser's with a check that rejects what a browser rejects here.
const valid = (s: string) => !/[[(]$|^\d|!!/.test(s) && (s.match(/\[/g) ?? []).length === (s.match(/]/g) ?? []).length;

describe('selector overrides', () => {
  it('replaces known selectors of the site and keeps the rest', () => {
    const r = applySelectorOverrides('facebook', facebookSelectors, { facebook: { editor: '[contenteditable="true"]' } }, valid);
    expect(r.applied).toEqual(['editor']);
    expect(r.rejected).toEqual([]);
    expect(r.selectors.editor).toBe('[contenteditable="true"]');
    expect(r.selectors.commentSubmit).toBe(facebookSelectors.commentSubmit);
    expect(facebookSelectors.editor).not.toBe('[contenteditable="true"]'); // the built-in object is untouched
  });

  it('ignores other sites, and rejects unknown names, non-strings, empty, too long and invalid selectors', () => {
    const r = applySelectorOverrides(
      'facebook',
      facebookSelectors,
      { instagram: { editor: 'textarea' }, facebook: { nope: 'div', editor: 42, submit: ' ', dialog: 'x'.repeat(1001), commentForm: 'form[' } },
      valid,
    );
    expect(r.applied).toEqual([]);
    expect(r.rejected.map((x) => x.name)).toEqual(['nope', 'editor', 'submit', 'dialog', 'commentForm']);
    expect(r.selectors).toEqual(facebookSelectors);
  });

  it('rejects data of the wrong shape as a whole', () => {
    expect(applySelectorOverrides('x', facebookSelectors, ['a'], valid).rejected).toHaveLength(1);
    expect(applySelectorOverrides('x', facebookSelectors, { x: 'div' }, valid).rejected).toHaveLength(1);
    expect(applySelectorOverrides('x', facebookSelectors, undefined, valid).rejected).toHaveLength(0);
  });

  it('builds the adapter from the patched selectors', () => {
    const { adapter, applied } = adapterWithOverrides('instagram', { instagram: { editor: 'div.caption-box' } }, valid);
    expect(applied).toEqual(['editor']);
    expect(adapter.id).toBe('instagram');
    expect(adapter.selectors.editor).toBe('div.caption-box');
  });
});
