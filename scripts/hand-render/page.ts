/**
 * Browser side of the hand renderer (bundled by scripts/hand-render/render.ts and run in headless
 * Chromium, WebGL through SwiftShader): loads the WebXR generic hand models (MIT, glTF with the
 * WebXR joint skeleton), bends their bones into a pose, puts the hand — with a forearm, skin-like
 * shading and a sleeve — in front of a background, and returns the picture as JPEG (base64).
 */
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { FingerAngles, PoseSpec, ThumbAngles } from './poses';
import { mulberry32 } from '../../lib/random';
import type { RenderParams } from './specs';

const FINGERS = ['index', 'middle', 'ring', 'pinky'] as const;
const deg = Math.PI / 180;

interface Model {
  root: THREE.Object3D;
  bones: Map<string, THREE.Bone>;
  rest: Map<string, THREE.Quaternion>;
  /** rest positions in the armature's frame */
  restPos: Map<string, THREE.Vector3>;
  /** unit vector out of the palm, in the model's frame */
  palm: THREE.Vector3;
  skin: THREE.MeshPhysicalMaterial;
  arm: THREE.Mesh;
  sleeve: THREE.Mesh;
}

const models: Partial<Record<'left' | 'right', Model>> = {};
let renderer: THREE.WebGLRenderer | null = null;

async function loadModel(side: 'left' | 'right', b64: string): Promise<Model> {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const gltf = await new GLTFLoader().parseAsync(bytes.buffer, '');
  const root = gltf.scene;
  const bones = new Map<string, THREE.Bone>();
  const rest = new Map<string, THREE.Quaternion>();
  let mesh: THREE.SkinnedMesh | null = null;
  root.traverse((o) => {
    if ((o as THREE.Bone).isBone) {
      bones.set(o.name, o as THREE.Bone);
      rest.set(o.name, o.quaternion.clone());
    }
    if ((o as THREE.SkinnedMesh).isSkinnedMesh) mesh = o as THREE.SkinnedMesh;
  });
  if (!mesh) throw new Error(`${side} hand: no skinned mesh`);
  root.updateMatrixWorld(true);
  const at = (n: string) => bones.get(n)!.getWorldPosition(new THREE.Vector3());
  // the palm faces the side the relaxed thumb and finger pads sit on: out of the plane spanned by
  // the index and pinky knuckles, signed by the hand
  const wrist = at('wrist');
  const a = at('index-finger-phalanx-proximal').sub(wrist);
  const b = at('pinky-finger-phalanx-proximal').sub(wrist);
  const palm = new THREE.Vector3().crossVectors(a, b).normalize();
  if (side === 'left') palm.negate();
  const restPos = new Map<string, THREE.Vector3>();
  for (const [n, b] of bones) restPos.set(n, b.position.clone());
  const skin = new THREE.MeshPhysicalMaterial({ roughness: 0.62, metalness: 0, sheen: 0.35, sheenRoughness: 0.6, clearcoat: 0.05 });
  (mesh as THREE.SkinnedMesh).material = skin;
  // a forearm: a tapered tube from the wrist along the hand's axis, away from the fingers
  const wristBone = bones.get('wrist')!;
  const dir = at('middle-finger-phalanx-proximal').sub(wrist).normalize().negate();
  const armGeo = new THREE.CylinderGeometry(0.027, 0.031, 0.26, 24, 1, true);
  armGeo.translate(0, 0.13 - 0.012, 0);
  const arm = new THREE.Mesh(armGeo, skin);
  const sleeveGeo = new THREE.CylinderGeometry(0.036, 0.042, 0.2, 24, 1, false);
  sleeveGeo.translate(0, 0.1 + 0.09, 0);
  const sleeve = new THREE.Mesh(sleeveGeo, new THREE.MeshStandardMaterial({ roughness: 0.9 }));
  const holder = new THREE.Group();
  holder.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), dir);
  holder.add(arm, sleeve);
  const flat = new THREE.Group();
  flat.add(holder);
  // put the tube in the wrist bone's frame (it moves with the wrist)
  const inv = wristBone.matrixWorld.clone().invert();
  const m = new THREE.Matrix4().makeTranslation(wrist.x, wrist.y, wrist.z).multiply(new THREE.Matrix4().makeRotationFromQuaternion(holder.quaternion));
  holder.quaternion.identity();
  flat.applyMatrix4(inv.multiply(m));
  wristBone.add(flat);
  return { root, bones, rest, restPos, palm, skin, arm, sleeve };
}

/**
 * The model's bones are all children of one armature node (the WebXR joints are flat, not a
 * chain), so bending a finger means moving every joint after the bent one: forward kinematics by
 * hand. `turns[i]` turns joint `names[i]` about axes given in the rest frame, which the joints
 * before it carry along, as a hinge is carried by the bone it sits on.
 */
function bendChain(m: Model, names: string[], turns: [THREE.Vector3, number][][]) {
  const Q = new THREE.Quaternion();
  const t = new THREE.Vector3();
  for (const [i, name] of names.entries()) {
    const bone = m.bones.get(name)!;
    const p = m.restPos.get(name)!;
    const R = new THREE.Quaternion();
    for (const [axis, angle] of turns[i] ?? []) R.multiply(new THREE.Quaternion().setFromAxisAngle(axis, angle * deg));
    // T_i(x) = T_{i-1}(R_i (x - p_i) + p_i)
    t.add(p.clone().sub(p.clone().applyQuaternion(R)).applyQuaternion(Q));
    Q.multiply(R);
    bone.position.copy(p).applyQuaternion(Q).add(t);
    bone.quaternion.copy(Q).multiply(m.rest.get(name)!);
  }
}

function worldPos(m: Model, name: string) {
  m.root.updateMatrixWorld(true);
  return m.bones.get(name)!.getWorldPosition(new THREE.Vector3());
}
/** A joint's place in the armature's frame (the frame the pose is built in). */
const posePos = (m: Model, name: string) => m.bones.get(name)!.position.clone();
const restPos = (m: Model, name: string) => m.restPos.get(name)!.clone();

function resetPose(m: Model) {
  for (const [n, q] of m.rest) m.bones.get(n)!.quaternion.copy(q), m.bones.get(n)!.position.copy(m.restPos.get(n)!);
  m.root.position.set(0, 0, 0);
  m.root.updateMatrixWorld(true);
}

/** Bends one finger: spread away from the middle finger, then flexion toward the palm at each joint. */
function bendFinger(m: Model, f: (typeof FINGERS)[number], a: FingerAngles) {
  const p = (j: string) => `${f}-finger-${j}`;
  const base = restPos(m, p('phalanx-proximal'));
  const dir = restPos(m, p('tip')).sub(base).normalize();
  const flex = new THREE.Vector3().crossVectors(dir, m.palm).normalize();
  const away = base.clone().sub(restPos(m, 'middle-finger-phalanx-proximal'));
  away.addScaledVector(dir, -away.dot(dir));
  const spread: [THREE.Vector3, number][] = f === 'middle' || away.length() < 1e-6 ? [] : [[new THREE.Vector3().crossVectors(dir, away.normalize()), a.spread]];
  bendChain(m, [p('phalanx-proximal'), p('phalanx-intermediate'), p('phalanx-distal'), p('tip')], [[...spread, [flex, a.mcp]], [[flex, a.pip]], [[flex, a.dip]]]);
}

function bendThumb(m: Model, t: ThumbAngles) {
  const cmc = restPos(m, 'thumb-metacarpal');
  const d = restPos(m, 'thumb-tip').sub(cmc).normalize();
  const toPinky = restPos(m, 'pinky-finger-phalanx-proximal').sub(cmc).normalize();
  // the thumb's two joints hinge toward the palm's little-finger side
  const mcp = restPos(m, 'thumb-phalanx-proximal');
  const toward = restPos(m, 'pinky-finger-phalanx-proximal').sub(mcp).normalize().addScaledVector(m.palm, 0.8);
  const hinge = new THREE.Vector3().crossVectors(restPos(m, 'thumb-tip').sub(mcp).normalize(), toward).normalize();
  bendChain(
    m,
    ['thumb-metacarpal', 'thumb-phalanx-proximal', 'thumb-phalanx-distal', 'thumb-tip'],
    [
      [
        [new THREE.Vector3().crossVectors(d, toPinky).normalize(), t.across],
        [new THREE.Vector3().crossVectors(d, m.palm).normalize(), t.palmar],
      ],
      [[hinge, t.mcp]],
      [[hinge, t.ip]],
    ],
  );
}

/** Thumb angles whose tip comes closest to `target` (coordinate search from a pinch-like start). */
function reachThumb(m: Model, target: () => THREE.Vector3, rand: () => number) {
  let best: ThumbAngles = { across: 35, palmar: 30, mcp: 20, ip: 20 };
  const cost = (t: ThumbAngles) => {
    bendThumb(m, t);
    return posePos(m, 'thumb-tip').distanceTo(target());
  };
  let bestCost = cost(best);
  for (let step = 16; step >= 1; step /= 2)
    for (let it = 0; it < 6; it++)
      for (const k of ['across', 'palmar', 'mcp', 'ip'] as const)
        for (const s of [-1, 1]) {
          const c = { ...best, [k]: Math.max(-30, Math.min(90, best[k] + s * step)) };
          const v = cost(c);
          if (v < bestCost) (bestCost = v), (best = c);
        }
  return cost({ ...best, ip: best.ip + (rand() - 0.5) * 6 });
}

export function jitter(a: FingerAngles, r: () => number, amount: number): FingerAngles {
  const j = () => (r() - 0.5) * 2 * amount;
  return { mcp: Math.max(0, a.mcp + j()), pip: Math.max(0, a.pip + j()), dip: Math.max(0, a.dip + j() * 0.6), spread: a.spread + j() * 0.4 };
}

function pose(m: Model, spec: PoseSpec, r: () => number) {
  resetPose(m);
  for (const f of FINGERS) bendFinger(m, f, jitter(spec[f], r, 7));
  if ('reach' in spec.thumb) {
    const target =
      spec.thumb.reach === 'index-tip'
        ? () => posePos(m, 'index-finger-tip')
        : () => posePos(m, 'index-finger-phalanx-distal').lerp(posePos(m, 'index-finger-tip'), 0.5).addScaledVector(m.palm, -0.006);
    reachThumb(m, target, r);
  } else {
    const t = spec.thumb;
    const j = () => (r() - 0.5) * 12;
    bendThumb(m, { across: t.across + j(), palmar: t.palmar + j(), mcp: Math.max(0, t.mcp + j()), ip: Math.max(0, t.ip + j()) });
  }
}

function paintBackground(ctx: CanvasRenderingContext2D, w: number, h: number, p: RenderParams, r: () => number) {
  const hsl = (hh: number, s: number, l: number) => `hsl(${hh} ${s}% ${l}%)`;
  if (p.background === 'plain') {
    ctx.fillStyle = hsl(r() * 360, 5 + r() * 30, 25 + r() * 60);
    ctx.fillRect(0, 0, w, h);
  } else if (p.background === 'gradient') {
    const g = ctx.createLinearGradient(r() * w, 0, r() * w, h);
    g.addColorStop(0, hsl(r() * 360, 20 + r() * 50, 20 + r() * 60));
    g.addColorStop(1, hsl(r() * 360, 20 + r() * 50, 20 + r() * 60));
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
  } else {
    // busy: blocks, discs and stripes in many colours (shelves, posters, foliage, a crowd's clothes),
    // then fine noise
    ctx.fillStyle = hsl(r() * 360, 20, 40);
    ctx.fillRect(0, 0, w, h);
    const n = 120 + Math.floor(r() * 180);
    for (let i = 0; i < n; i++) {
      ctx.fillStyle = hsl(r() * 360, 15 + r() * 70, 15 + r() * 70);
      const x = r() * w;
      const y = r() * h;
      const s = (0.02 + r() * 0.18) * Math.max(w, h);
      const k = r();
      if (k < 0.45) ctx.fillRect(x, y, s, s * (0.3 + r() * 1.5));
      else if (k < 0.8) {
        ctx.beginPath();
        ctx.arc(x, y, s / 2, 0, 7);
        ctx.fill();
      } else {
        ctx.save();
        ctx.translate(x, y);
        ctx.rotate(r() * Math.PI);
        ctx.fillRect(-s, -s * 0.05, 2 * s, s * 0.1);
        ctx.restore();
      }
    }
    const img = ctx.getImageData(0, 0, w, h);
    for (let i = 0; i < img.data.length; i += 4) {
      const v = (r() - 0.5) * 10;
      img.data[i] = img.data[i]! + v;
      img.data[i + 1] = img.data[i + 1]! + v;
      img.data[i + 2] = img.data[i + 2]! + v;
    }
    ctx.putImageData(img, 0, 0);
  }
}

export interface RenderResult {
  jpeg: string;
  /** the hand's box in the picture, [x, y, w, h] px (wrist and finger joints) */
  box: [number, number, number, number];
  /** how far the thumb tip got from its target, metres (poses with a touching thumb) */
  reach?: number;
}

export async function render(p: RenderParams, spec: PoseSpec): Promise<RenderResult> {
  const m = models[p.hand];
  if (!m) throw new Error('models not loaded');
  const r = mulberry32(p.seed);
  const [W, H] = p.size;
  renderer ??= new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setSize(W, H, false);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  const scene = new THREE.Scene();
  const bg = document.createElement('canvas');
  bg.width = W;
  bg.height = H;
  paintBackground(bg.getContext('2d', { willReadFrequently: true })!, W, H, p, r);
  const tex = new THREE.CanvasTexture(bg);
  tex.colorSpace = THREE.SRGBColorSpace;
  scene.background = tex;

  pose(m, spec, r);
  let reach: number | undefined;
  if ('reach' in spec.thumb) reach = posePos(m, 'thumb-tip').distanceTo(spec.thumb.reach === 'index-tip' ? posePos(m, 'index-finger-tip') : posePos(m, 'index-finger-phalanx-distal'));

  m.skin.color.set(p.skin);
  m.skin.sheenColor.set(p.skin).lerp(new THREE.Color('#ff8a70'), 0.5);
  // a little warm self-light stands in for light scattered under the skin
  m.skin.emissive.set(p.skin).lerp(new THREE.Color('#c0392b'), 0.4);
  m.skin.emissiveIntensity = 0.07;
  m.sleeve.visible = p.sleeve !== null;
  if (p.sleeve) (m.sleeve.material as THREE.MeshStandardMaterial).color.set(p.sleeve);

  // orient: fingers up, palm (or back) toward the camera, then yaw, pitch, roll
  const pivot = new THREE.Group();
  const holder = new THREE.Group();
  holder.add(m.root);
  const wrist = worldPos(m, 'wrist');
  const upDir = worldPos(m, 'middle-finger-phalanx-proximal').sub(wrist).normalize();
  const centre = wrist.clone().lerp(worldPos(m, 'middle-finger-phalanx-intermediate'), 0.5);
  m.root.position.copy(centre).negate();
  const palmOrtho = m.palm.clone().addScaledVector(upDir, -m.palm.dot(upDir)).normalize();
  const basis = new THREE.Matrix4().makeBasis(new THREE.Vector3().crossVectors(upDir, palmOrtho), upDir, palmOrtho);
  holder.quaternion.setFromRotationMatrix(basis).invert();
  pivot.add(holder);
  const facingYaw = p.facing === 'back' ? 180 : 0;
  pivot.rotation.set(p.pitch * deg, (p.yaw + facingYaw) * deg, (p.roll + (spec.roll ?? 0) * ((p.hand === 'left') !== (p.facing === 'back') ? -1 : 1)) * deg, 'ZXY');
  scene.add(pivot);

  const fov = 40;
  const camera = new THREE.PerspectiveCamera(fov, W / H, 0.01, 10);
  const handLen = 0.2;
  const dist = handLen / (p.scale * 2 * Math.tan((fov / 2) * deg));
  camera.position.set(0, 0, dist);
  camera.lookAt(0, 0, 0);
  const halfH = dist * Math.tan((fov / 2) * deg);
  pivot.position.set(p.offset[0] * halfH * (W / H), p.offset[1] * halfH, 0);

  const key = new THREE.DirectionalLight(new THREE.Color().setHSL(0.08, 0.3, 0.5 + p.warmth * 0.1).lerp(new THREE.Color('#ffffff'), 0.6), p.light.key);
  key.position.set(p.light.dir[0], p.light.dir[1], 1).multiplyScalar(2);
  const hemi = new THREE.HemisphereLight('#f4f6ff', '#7a5a48', p.light.fill);
  const ambient = new THREE.AmbientLight('#ffffff', 0.15);
  scene.add(key, hemi, ambient);

  renderer.render(scene, camera);
  scene.updateMatrixWorld(true);
  const out = document.createElement('canvas');
  out.width = W;
  out.height = H;
  const ctx = out.getContext('2d')!;
  ctx.drawImage(renderer.domElement, 0, 0);
  const proj = (n: string) => {
    const v = m.bones.get(n)!.getWorldPosition(new THREE.Vector3()).project(camera);
    return [((v.x + 1) / 2) * W, ((1 - v.y) / 2) * H] as const;
  };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of m.bones.keys()) {
    const [x, y] = proj(n);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  if (p.thumbCover) {
    // something in front of the base of the thumb (a cup, a phone, a sleeve): a rounded block over
    // the thumb's metacarpal up to its first knuckle; the two phalanges stay in view
    const [ax, ay] = proj('thumb-metacarpal');
    const [bx, by] = proj('thumb-phalanx-proximal');
    const len = Math.max(Math.hypot(bx - ax, by - ay), 4);
    ctx.save();
    ctx.translate(ax, ay);
    ctx.rotate(Math.atan2(by - ay, bx - ax));
    ctx.fillStyle = p.thumbCover;
    ctx.beginPath();
    ctx.roundRect(-len * 0.3, -len * 0.45, len * 1.3, len * 0.9, len * 0.15);
    ctx.fill();
    ctx.restore();
  }
  holder.remove(m.root);
  tex.dispose();
  const data = await new Promise<Blob>((res) => out.toBlob((b) => res(b!), 'image/jpeg', 0.8));
  const buf = new Uint8Array(await data.arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { jpeg: btoa(s), box: [Math.round(x0), Math.round(y0), Math.round(x1 - x0), Math.round(y1 - y0)], reach };
}

(globalThis as unknown as { handRender: unknown }).handRender = {
  async load(left: string, right: string) {
    models.left = await loadModel('left', left);
    models.right = await loadModel('right', right);
  },
  render,
};
