/**
 * The model build step: TFLite metadata added without re-serializing the model, and the stored
 * task bundle. Runs on the real models from @mediapipe/hands (a devDependency).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteBuffer } from 'flatbuffers';
import { addTfliteMetadata, buildModelMetadata, crc32, inspectTflite, readMetadataBuffer, readStoredZip, storedZip, TfliteError } from '../../lib/vision/tflite-metadata';
import { buildHandTask, extractPacked } from '../../scripts/build-models';

const HANDS = path.resolve('node_modules/@mediapipe/hands');
const landmarks = new Uint8Array(readFileSync(path.join(HANDS, 'hand_landmark_full.tflite')));
const spec = { name: 'm', inputs: [{ name: 'image', normalization: { mean: [0], std: [255] } }], outputs: 4 };

/** Reads NormalizationOptions mean/std back out of a ModelMetadata buffer, field by field. */
function readNormalization(meta: Uint8Array) {
  const bb = new ByteBuffer(meta);
  const table = (pos: number) => pos;
  const field = (t: number, id: number) => {
    const vt = t - bb.readInt32(t);
    const o = 4 + id * 2;
    return o < bb.readInt16(vt) ? bb.readInt16(vt + o) : 0;
  };
  const deref = (t: number, id: number) => {
    const off = field(t, id);
    return off ? t + off + bb.readInt32(t + off) : 0;
  };
  const vecItem = (v: number, i: number) => v + 4 + i * 4 + bb.readInt32(v + 4 + i * 4);
  const floats = (v: number) => Array.from({ length: bb.readInt32(v) }, (_, i) => bb.readFloat32(v + 4 + i * 4));
  const root = table(bb.readInt32(0));
  const sg = vecItem(deref(root, 3), 0);
  const input = vecItem(deref(sg, 2), 0);
  const unit = vecItem(deref(input, 4), 0);
  const optionsType = bb.readUint8(unit + field(unit, 0));
  const norm = deref(unit, 1);
  return { identifier: bb.__has_identifier('M001'), optionsType, mean: floats(deref(norm, 0)), std: floats(deref(norm, 1)), outputs: bb.readInt32(deref(sg, 3)) };
}

describe('TFLite metadata', () => {
  it('adds TFLITE_METADATA with the normalization, and keeps every old byte at a 16-aligned shift', () => {
    const before = inspectTflite(landmarks);
    expect(before.metadataNames).not.toContain('TFLITE_METADATA');
    const out = addTfliteMetadata(landmarks, buildModelMetadata(spec));
    const after = inspectTflite(out);
    expect(after.identifier).toBe('TFL3');
    expect(after.inputs).toBe(before.inputs);
    expect(after.outputs).toBe(before.outputs);
    expect(after.inputTypes).toEqual(before.inputTypes);
    expect(after.buffers).toBe(before.buffers + 1);
    expect(after.metadataNames).toEqual([...before.metadataNames, 'TFLITE_METADATA']);
    const shift = out.length - landmarks.length;
    expect(shift % 16).toBe(0);
    expect(Buffer.from(out.subarray(shift)).equals(Buffer.from(landmarks))).toBe(true);
    const meta = readMetadataBuffer(out)!;
    expect(meta.byteOffset % 16).toBe(0);
    expect(readNormalization(meta)).toEqual({ identifier: true, optionsType: 1, mean: [0], std: [255], outputs: 4 });
  });

  it('refuses what it cannot handle, with a reason', () => {
    expect(() => inspectTflite(new Uint8Array(8))).toThrow(TfliteError);
    expect(() => inspectTflite(new Uint8Array(64))).toThrow(/not a TFLite model/);
    const once = addTfliteMetadata(landmarks, buildModelMetadata(spec));
    expect(() => addTfliteMetadata(once, buildModelMetadata(spec))).toThrow(/already has TFLITE_METADATA/);
  });
});

describe('task bundle', () => {
  it('finds the palm detector through the packed-assets file table', () => {
    const loader = readFileSync(path.join(HANDS, 'hands_solution_packed_assets_loader.js'), 'utf8');
    const data = new Uint8Array(readFileSync(path.join(HANDS, 'hands_solution_packed_assets.data')));
    const palm = extractPacked(loader, data, '/palm_detection_full.tflite');
    expect(inspectTflite(palm).inputs).toBe(1);
    expect(() => extractPacked(loader, data, '/nope.tflite')).toThrow(/not in the file table/);
    expect(() => extractPacked('nothing here', data, '/palm_detection_full.tflite')).toThrow(/file table not found/);
  });

  it('is a stored zip of the two models MediaPipe expects, each with metadata, data 16-aligned', () => {
    const zip = buildHandTask(HANDS);
    const entries = readStoredZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['hand_detector.tflite', 'hand_landmarks_detector.tflite']);
    for (const e of entries) {
      expect(e.data.byteOffset % 16).toBe(0);
      expect(inspectTflite(e.data).metadataNames).toContain('TFLITE_METADATA');
      expect(readNormalization(readMetadataBuffer(e.data)!).std).toEqual([255]);
    }
  });

  it('zip: CRC-32 is right and entries are never compressed', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const z = storedZip([{ name: 'a', data: new Uint8Array([1, 2, 3]) }, { name: 'bb', data: new Uint8Array(0) }]);
    expect(readStoredZip(z).map((e) => [e.name, Array.from(e.data)])).toEqual([['a', [1, 2, 3]], ['bb', []]]);
    const v = new DataView(z.buffer);
    expect(v.getUint16(8, true)).toBe(0); // method: stored
  });
});
