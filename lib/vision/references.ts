/**
 * Findings for photos that match an agency's reference images (lib/vision/phash.ts): the
 * reference's label and ticket, the legal basis its pack names (R05 for a frame — a twibbon is
 * the digital campaign prop — and R02 for a poster or ticket photo, unless the pack says
 * otherwise). Pure.
 */
import type { Entity, LegalRef, ReferenceImage, RulePack } from '../rules/types';
import { frameBox, matchReferences, type Fingerprint } from './phash';
import type { ImageFinding } from './types';

export const REFERENCE_RULE = 'gambar-rujukan-instansi';

const FALLBACK: Record<string, LegalRef> = {
  R05: {
    title: { id: 'Memasang alat peraga kampanye (termasuk bingkai/twibbon calon)', en: 'Putting up campaign props (including candidate twibbon frames)' },
    source: 'SKB 2022 Lamp. II B.1',
    sanctions: ['DIS-BERAT'],
  },
  R02: {
    title: { id: 'Kampanye calon di media sosial', en: 'Campaigning for a candidate on social media' },
    source: 'SKB 2022 Lamp. II A.2 dan B.2; PP 94/2021 Ps. 5 huruf n angka 1',
    sanctions: ['DIS-BERAT'],
  },
};

export interface ReferenceSet {
  references: { reference: ReferenceImage; pack: string }[];
  legal: Map<string, { legal: LegalRef; pack: string }>;
  entities: Map<string, Entity>;
}

export function referenceSet(packs: readonly RulePack[]): ReferenceSet {
  const set: ReferenceSet = { references: [], legal: new Map(), entities: new Map() };
  for (const p of packs) {
    for (const r of p.references ?? []) set.references.push({ reference: r, pack: p.id });
    for (const [k, v] of Object.entries(p.legal ?? {})) set.legal.set(k, { legal: v, pack: p.id });
    for (const e of p.entities ?? []) set.entities.set(e.id, e);
  }
  return set;
}

export function referenceFindings(
  fp: Fingerprint | undefined,
  size: { width: number; height: number },
  image: { index: number; name: string },
  set: ReferenceSet,
): ImageFinding[] {
  if (!fp || !set.references.length) return [];
  const packOf = new Map(set.references.map((r) => [r.reference, r.pack]));
  return matchReferences(
    fp,
    set.references.map((r) => r.reference),
  ).map(({ reference: r, how, similarity }) => {
    const key = r.ref ?? (r.kind === 'frame' ? 'R05' : 'R02');
    const legal = set.legal.get(key)?.legal ?? FALLBACK[key] ?? FALLBACK.R02!;
    const entity = r.entity ? set.entities.get(r.entity) : undefined;
    const photo = `foto ${image.index + 1} (${image.name})`;
    const photoEn = `photo ${image.index + 1} (${image.name})`;
    const whose = entity ? ` (${entity.label})` : '';
    return {
      kind: 'reference' as const,
      rule: REFERENCE_RULE,
      pack: packOf.get(r)!,
      severity: 'violation' as const,
      evidence: `${photo}: ${how === 'frame' ? 'bingkai' : 'gambar'} "${r.label}"`,
      why: {
        id:
          how === 'frame'
            ? `${photo} memakai bingkai (twibbon) "${r.label}"${whose} yang didaftarkan instansi Anda sebagai alat peraga kampanye.`
            : `${photo} sama dengan gambar "${r.label}"${whose} yang didaftarkan instansi Anda sebagai materi kampanye.`,
        en:
          how === 'frame'
            ? `${photoEn} uses the frame (twibbon) "${r.label}"${whose}, which your agency lists as campaign material.`
            : `${photoEn} matches "${r.label}"${whose}, which your agency lists as campaign material.`,
      },
      ref: key,
      source: legal.source,
      sanctions: [...legal.sanctions],
      image,
      boxes: [how === 'frame' && r.grid ? frameBox(r.grid, size.width, size.height) : [0, 0, size.width, size.height]],
      reference: { id: r.id, label: r.label, how, similarity },
      ...(entity ? { entity: { id: entity.id, label: entity.label } } : {}),
    };
  });
}
