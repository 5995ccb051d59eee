/**
 * Adds TFLite metadata (input image normalization) to a .tflite model without re-serializing it,
 * and packs MediaPipe task bundles as stored (uncompressed) zips.
 *
 * Why: MediaPipe Tasks refuses a float32-input model that carries no NormalizationOptions
 * metadata, and the hand models that ship on npm (@mediapipe/hands) carry none.
 *
 * How: a .tflite file is a FlatBuffer. Its root table (Model) sits somewhere after the 8-byte
 * header; every uoffset in it points forward. We write a new header and a new root table in
 * front of the untouched old bytes (shifted by a multiple of 16, so every buffer keeps its
 * alignment). The new root copies the old fields (offsets re-aimed forward into the old
 * bytes) and replaces two vectors: `buffers` (old Buffer tables + one new Buffer holding the
 * ModelMetadata flatbuffer) and `metadata` (old entries + {name: "TFLITE_METADATA", buffer: n}).
 * The ModelMetadata flatbuffer itself is built with the `flatbuffers` runtime.
 *
 * Pure: bytes in, bytes out. Used by scripts/build-models.ts and the unit tests.
 */
import { Builder } from 'flatbuffers';

// tflite schema.fbs, table Model
const MODEL_VERSION = 0;
const MODEL_OPERATOR_CODES = 1;
const MODEL_SUBGRAPHS = 2;
const MODEL_DESCRIPTION = 3;
const MODEL_BUFFERS = 4;
const MODEL_METADATA_BUFFER = 5;
const MODEL_METADATA = 6;
const MODEL_SIGNATURE_DEFS = 7;
const MODEL_FIELDS = 8;

export interface Normalization {
  mean: number[];
  std: number[];
}

export interface MetadataSpec {
  name: string;
  description?: string;
  /** one per model input; the model has exactly this many inputs */
  inputs: { name: string; normalization: Normalization }[];
  /** number of output tensors (empty TensorMetadata entries are written for them) */
  outputs: number;
  author?: string;
  license?: string;
}

export class TfliteError extends Error {}

function u32(view: DataView, at: number): number {
  if (at < 0 || at + 4 > view.byteLength) throw new TfliteError(`offset ${at} out of bounds`);
  return view.getUint32(at, true);
}

/** Reads a table's field slot: returns the absolute position of the field, or 0 if absent. */
function fieldPos(view: DataView, table: number, field: number): number {
  const vtable = table - view.getInt32(table, true);
  const vtSize = view.getUint16(vtable, true);
  const slot = 4 + field * 2;
  if (slot + 2 > vtSize) return 0;
  const off = view.getUint16(vtable + slot, true);
  return off === 0 ? 0 : table + off;
}

function deref(view: DataView, pos: number): number {
  return pos + u32(view, pos);
}

/** Builds the ModelMetadata flatbuffer (file identifier "M001"). */
export function buildModelMetadata(spec: MetadataSpec): Uint8Array {
  const b = new Builder(512);
  const str = (s: string | undefined) => (s === undefined ? 0 : b.createString(s));
  const floatVec = (xs: number[]) => {
    b.startVector(4, xs.length, 4);
    for (let i = xs.length - 1; i >= 0; i--) b.addFloat32(xs[i]!);
    return b.endVector();
  };
  const offVec = (xs: number[]) => {
    b.startVector(4, xs.length, 4);
    for (let i = xs.length - 1; i >= 0; i--) b.addOffset(xs[i]!);
    return b.endVector();
  };

  const inputs = spec.inputs.map((input) => {
    const name = str(input.name);
    // NormalizationOptions { mean:[float] (0); std:[float] (1) }
    const mean = floatVec(input.normalization.mean);
    const std = floatVec(input.normalization.std);
    b.startObject(2);
    b.addFieldOffset(0, mean, 0);
    b.addFieldOffset(1, std, 0);
    const norm = b.endObject();
    // ProcessUnit { options_type:ubyte (0); options (1) }, NormalizationOptions = 1
    b.startObject(2);
    b.addFieldInt8(0, 1, 0);
    b.addFieldOffset(1, norm, 0);
    const unit = b.endObject();
    const units = offVec([unit]);
    // ImageProperties { color_space:byte (0) RGB = 1; default_size (1) }
    b.startObject(2);
    b.addFieldInt8(0, 1, 0);
    const props = b.endObject();
    // Content { content_properties_type:ubyte (0) ImageProperties = 2; content_properties (1); range (2) }
    b.startObject(3);
    b.addFieldInt8(0, 2, 0);
    b.addFieldOffset(1, props, 0);
    const content = b.endObject();
    // TensorMetadata { name (0); description (1); dimension_names (2); content (3); process_units (4); ... }
    b.startObject(5);
    b.addFieldOffset(0, name, 0);
    b.addFieldOffset(3, content, 0);
    b.addFieldOffset(4, units, 0);
    return b.endObject();
  });
  const outputs = Array.from({ length: spec.outputs }, () => {
    b.startObject(5);
    return b.endObject();
  });
  const inputVec = offVec(inputs);
  const outputVec = offVec(outputs);
  // SubGraphMetadata { name (0); description (1); input_tensor_metadata (2); output_tensor_metadata (3) }
  b.startObject(4);
  b.addFieldOffset(2, inputVec, 0);
  b.addFieldOffset(3, outputVec, 0);
  const subgraph = b.endObject();
  const subgraphs = offVec([subgraph]);
  const name = str(spec.name);
  const description = str(spec.description);
  const author = str(spec.author);
  const license = str(spec.license);
  const minParser = str('1.0.0');
  // ModelMetadata { name (0); description (1); version (2); subgraph_metadata (3); author (4);
  //                 license (5); associated_files (6); min_parser_version (7) }
  b.startObject(8);
  b.addFieldOffset(0, name, 0);
  if (description) b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, subgraphs, 0);
  if (author) b.addFieldOffset(4, author, 0);
  if (license) b.addFieldOffset(5, license, 0);
  b.addFieldOffset(7, minParser, 0);
  const root = b.endObject();
  b.finish(root, 'M001');
  return b.asUint8Array().slice();
}

export interface TfliteInfo {
  identifier: string;
  inputs: number;
  outputs: number;
  inputTypes: number[];
  buffers: number;
  metadataNames: string[];
}

/** Reads the bits of a .tflite we rely on; throws TfliteError on anything malformed. */
export function inspectTflite(bytes: Uint8Array): TfliteInfo {
  if (bytes.byteLength < 16) throw new TfliteError('file too small to be a TFLite model');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const identifier = String.fromCharCode(...bytes.subarray(4, 8));
  if (identifier !== 'TFL3') throw new TfliteError(`not a TFLite model (identifier "${identifier}")`);
  const root = deref(view, 0);
  const vecAt = (field: number) => {
    const p = fieldPos(view, root, field);
    return p ? deref(view, p) : 0;
  };
  const subgraphs = vecAt(MODEL_SUBGRAPHS);
  if (!subgraphs || u32(view, subgraphs) < 1) throw new TfliteError('model has no subgraph');
  const sg = deref(view, subgraphs + 4);
  // SubGraph { tensors (0); inputs (1); outputs (2); ... }
  const tensorsP = fieldPos(view, sg, 0);
  const inputsP = fieldPos(view, sg, 1);
  const outputsP = fieldPos(view, sg, 2);
  const tensors = deref(view, tensorsP);
  const inputsV = deref(view, inputsP);
  const outputsV = deref(view, outputsP);
  const inputTypes: number[] = [];
  for (let i = 0; i < u32(view, inputsV); i++) {
    const ti = view.getInt32(inputsV + 4 + i * 4, true);
    const t = deref(view, tensors + 4 + ti * 4);
    const typeP = fieldPos(view, t, 1); // Tensor { shape (0); type (1) }
    inputTypes.push(typeP ? view.getInt8(typeP) : 0);
  }
  const buffersV = vecAt(MODEL_BUFFERS);
  const metaV = vecAt(MODEL_METADATA);
  const metadataNames: string[] = [];
  if (metaV) {
    for (let i = 0; i < u32(view, metaV); i++) {
      const m = deref(view, metaV + 4 + i * 4);
      const np = fieldPos(view, m, 0);
      if (!np) continue;
      const s = deref(view, np);
      metadataNames.push(new TextDecoder().decode(bytes.subarray(s + 4, s + 4 + u32(view, s))));
    }
  }
  return {
    identifier,
    inputs: u32(view, inputsV),
    outputs: u32(view, outputsV),
    inputTypes,
    buffers: buffersV ? u32(view, buffersV) : 0,
    metadataNames,
  };
}

/** Returns the ModelMetadata bytes stored under "TFLITE_METADATA", or undefined. */
export function readMetadataBuffer(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const root = deref(view, 0);
  const metaP = fieldPos(view, root, MODEL_METADATA);
  const bufP = fieldPos(view, root, MODEL_BUFFERS);
  if (!metaP || !bufP) return undefined;
  const metaV = deref(view, metaP);
  const bufV = deref(view, bufP);
  for (let i = 0; i < u32(view, metaV); i++) {
    const m = deref(view, metaV + 4 + i * 4);
    const np = fieldPos(view, m, 0);
    const s = deref(view, np);
    const name = new TextDecoder().decode(bytes.subarray(s + 4, s + 4 + u32(view, s)));
    if (name !== 'TFLITE_METADATA') continue;
    const bp = fieldPos(view, m, 1);
    const index = bp ? u32(view, bp) : 0;
    const buf = deref(view, bufV + 4 + index * 4);
    const dp = fieldPos(view, buf, 0);
    if (!dp) return undefined;
    const d = deref(view, dp);
    return bytes.subarray(d + 4, d + 4 + u32(view, d));
  }
  return undefined;
}

/**
 * Returns a new .tflite with `metadata` stored under "TFLITE_METADATA". The old bytes are kept
 * verbatim at a 16-byte-aligned shift. Throws if the model already has TFLITE_METADATA or
 * stores buffers outside the flatbuffer (Buffer.offset, for > 2 GB models).
 */
export function addTfliteMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const info = inspectTflite(model);
  if (info.metadataNames.includes('TFLITE_METADATA')) throw new TfliteError('model already has TFLITE_METADATA');
  const old = new DataView(model.buffer, model.byteOffset, model.byteLength);
  const oldRoot = deref(old, 0);

  // Old field values: scalars verbatim, offsets as absolute targets in the old file.
  const versionP = fieldPos(old, oldRoot, MODEL_VERSION);
  const version = versionP ? old.getUint32(versionP, true) : 3;
  const target = (f: number) => {
    const p = fieldPos(old, oldRoot, f);
    return p ? deref(old, p) : -1;
  };
  const refs = {
    [MODEL_OPERATOR_CODES]: target(MODEL_OPERATOR_CODES),
    [MODEL_SUBGRAPHS]: target(MODEL_SUBGRAPHS),
    [MODEL_DESCRIPTION]: target(MODEL_DESCRIPTION),
    [MODEL_METADATA_BUFFER]: target(MODEL_METADATA_BUFFER),
    [MODEL_SIGNATURE_DEFS]: target(MODEL_SIGNATURE_DEFS),
  } as Record<number, number>;
  const oldBuffersV = target(MODEL_BUFFERS);
  const oldBuffers: number[] = [];
  if (oldBuffersV >= 0) {
    for (let i = 0; i < u32(old, oldBuffersV); i++) {
      const t = deref(old, oldBuffersV + 4 + i * 4);
      // Buffer { data (0); offset:ulong (1); size:ulong (2) }
      const offP = fieldPos(old, t, 1);
      if (offP && old.getBigUint64(offP, true) > 1n) throw new TfliteError('buffers stored outside the flatbuffer are not supported');
      oldBuffers.push(t);
    }
  }
  const oldMetaV = target(MODEL_METADATA);
  const oldMeta: number[] = [];
  if (oldMetaV >= 0) for (let i = 0; i < u32(old, oldMetaV); i++) oldMeta.push(deref(old, oldMetaV + 4 + i * 4));

  // ---- Layout of the new front part (all positions absolute in the new file) ----
  const name = new TextEncoder().encode('TFLITE_METADATA');
  let p = 8; // header: root uoffset + "TFL3"
  const align = (a: number) => (p = Math.ceil(p / a) * a);
  // vtable of the new root: 4 + 2*fields bytes
  const vtable = p;
  const vtSize = 4 + MODEL_FIELDS * 2;
  p += vtSize;
  align(4);
  const rootPos = p;
  // root table: soffset (4) + version (4) + 7 uoffsets (28)
  const rootFieldOff = (f: number) => 4 + f * 4;
  const rootSize = 4 + MODEL_FIELDS * 4;
  p += rootSize;
  const buffersVec = p;
  p += 4 + (oldBuffers.length + 1) * 4;
  const metaVec = p;
  p += 4 + (oldMeta.length + 1) * 4;
  // new Buffer table: vtable (4 + 2) padded to 8, then soffset + data uoffset
  const bufVt = p;
  p += 8;
  const bufTable = p;
  p += 8;
  // new Metadata table: vtable (4 + 4) then soffset + name uoffset + buffer uint
  const metaVt = p;
  p += 8;
  const metaTable = p;
  p += 12;
  const nameStr = p;
  p += 4 + name.length + 1;
  // data vector: length at p, data 16-aligned
  p = Math.ceil((p + 4) / 16) * 16 - 4;
  const dataVec = p;
  p += 4 + metadata.length;
  const shift = Math.ceil(p / 16) * 16;
  const out = new Uint8Array(shift + model.length);
  const v = new DataView(out.buffer);
  out.set(model, shift);

  const setOff = (at: number, targetAbs: number) => {
    if (targetAbs <= at) throw new TfliteError('internal: offset would point backwards');
    v.setUint32(at, targetAbs - at, true);
  };
  // header
  v.setUint32(0, rootPos, true);
  out.set([0x54, 0x46, 0x4c, 0x33], 4); // TFL3
  // root vtable
  v.setUint16(vtable, vtSize, true);
  v.setUint16(vtable + 2, rootSize, true);
  for (let f = 0; f < MODEL_FIELDS; f++) {
    const present =
      f === MODEL_VERSION || f === MODEL_BUFFERS || f === MODEL_METADATA || (refs[f] !== undefined && refs[f]! >= 0);
    v.setUint16(vtable + 4 + f * 2, present ? rootFieldOff(f) : 0, true);
  }
  v.setInt32(rootPos, rootPos - vtable, true);
  v.setUint32(rootPos + rootFieldOff(MODEL_VERSION), version, true);
  for (const f of [MODEL_OPERATOR_CODES, MODEL_SUBGRAPHS, MODEL_DESCRIPTION, MODEL_METADATA_BUFFER, MODEL_SIGNATURE_DEFS]) {
    if (refs[f]! >= 0) setOff(rootPos + rootFieldOff(f), shift + refs[f]!);
  }
  setOff(rootPos + rootFieldOff(MODEL_BUFFERS), buffersVec);
  setOff(rootPos + rootFieldOff(MODEL_METADATA), metaVec);
  // buffers vector
  v.setUint32(buffersVec, oldBuffers.length + 1, true);
  oldBuffers.forEach((t, i) => setOff(buffersVec + 4 + i * 4, shift + t));
  setOff(buffersVec + 4 + oldBuffers.length * 4, bufTable);
  // metadata vector
  v.setUint32(metaVec, oldMeta.length + 1, true);
  oldMeta.forEach((t, i) => setOff(metaVec + 4 + i * 4, shift + t));
  setOff(metaVec + 4 + oldMeta.length * 4, metaTable);
  // Buffer { data }
  v.setUint16(bufVt, 6, true);
  v.setUint16(bufVt + 2, 8, true);
  v.setUint16(bufVt + 4, 4, true);
  v.setInt32(bufTable, bufTable - bufVt, true);
  setOff(bufTable + 4, dataVec);
  // Metadata { name; buffer }
  v.setUint16(metaVt, 8, true);
  v.setUint16(metaVt + 2, 12, true);
  v.setUint16(metaVt + 4, 4, true);
  v.setUint16(metaVt + 6, 8, true);
  v.setInt32(metaTable, metaTable - metaVt, true);
  setOff(metaTable + 4, nameStr);
  v.setUint32(metaTable + 8, oldBuffers.length, true);
  // name string (NUL-terminated)
  v.setUint32(nameStr, name.length, true);
  out.set(name, nameStr + 4);
  // metadata bytes
  v.setUint32(dataVec, metadata.length, true);
  out.set(metadata, dataVec + 4);
  return out;
}

// ---------------------------------------------------------------- stored zip

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip with every entry stored (method 0), data 16-byte aligned (padding in the extra field),
 * fixed timestamps so builds are reproducible. MediaPipe reads task bundles like this.
 */
export function storedZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = (1 << 5) | 1 | ((2024 - 1980) << 9);
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const crc = crc32(e.data);
    const baseHeader = 30 + name.length;
    const pad = (16 - ((offset + baseHeader) % 16)) % 16;
    // an extra field needs >= 4 bytes (header id + size): a pad of 1..3 grows by 16
    const extraLen = pad === 0 ? 0 : pad < 4 ? pad + 16 : pad;
    const extra = new Uint8Array(extraLen);
    if (extraLen) {
      const ev = new DataView(extra.buffer);
      ev.setUint16(0, 0xcafe, true); // unassigned id, padding only
      ev.setUint16(2, extraLen - 4, true);
    }
    const h = new Uint8Array(30 + name.length + extraLen);
    const hv = new DataView(h.buffer);
    hv.setUint32(0, 0x04034b50, true);
    hv.setUint16(4, 10, true);
    hv.setUint16(6, 0, true);
    hv.setUint16(8, 0, true);
    hv.setUint16(10, DOS_TIME, true);
    hv.setUint16(12, DOS_DATE, true);
    hv.setUint32(14, crc, true);
    hv.setUint32(18, e.data.length, true);
    hv.setUint32(22, e.data.length, true);
    hv.setUint16(26, name.length, true);
    hv.setUint16(28, extraLen, true);
    h.set(name, 30);
    h.set(extra, 30 + name.length);
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 10, true);
    cv.setUint16(8, 0, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    parts.push(h, e.data);
    central.push(c);
    offset += h.length + e.data.length;
  }
  const cdStart = offset;
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdStart, true);
  const all = new Uint8Array(cdStart + cdSize + 22);
  let p = 0;
  for (const part of [...parts, ...central, end]) {
    all.set(part, p);
    p += part.length;
  }
  return all;
}

/** Lists a stored zip's entries (name, data) — for tests and sanity checks. */
export function readStoredZip(zip: Uint8Array): { name: string; data: Uint8Array }[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new TfliteError('not a zip');
  const n = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const out: { name: string; data: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new TfliteError('bad central directory');
    const method = v.getUint16(p + 10, true);
    if (method !== 0) throw new TfliteError('entry is compressed');
    const size = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    const dataStart = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    out.push({ name, data: zip.subarray(dataStart, dataStart + size) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
