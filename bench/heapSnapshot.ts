import * as fs from 'node:fs';

/**
 * A V8 heap snapshot (`v8.writeHeapSnapshot`), read for the memory benchmark's notes: what the
 * objects that one snapshot has and an earlier one of the same process lacks (V8 keeps an
 * object's id across snapshots) are, and what holds them. An object is held by its dominator:
 * the one object every path from the roots to it passes through, so freeing that frees it.
 */
export interface HeapSnapshot {
  readonly nodeCount: number;
  /** Per node: its type (index into nodeTypes), name (into strings), id, self size, first edge. */
  readonly type: Uint8Array;
  readonly name: Uint32Array;
  readonly id: Float64Array;
  readonly selfSize: Float64Array;
  readonly firstEdge: Uint32Array;
  /** Per edge: its type, name (a string, or an element index), and target node. */
  readonly edgeType: Uint8Array;
  readonly edgeName: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly nodeTypes: readonly string[];
  readonly edgeTypes: readonly string[];
  readonly strings: readonly string[];
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export function readHeapSnapshot(file: string): HeapSnapshot {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawSnapshot;
  const { meta } = raw.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const at = (fields: string[], field: string) => fields.indexOf(field);
  const [nType, nName, nId, nSize, nEdges] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => at(meta.node_fields, f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => at(meta.edge_fields, f));
  const nodeCount = raw.nodes.length / nf;
  const edgeCount = raw.edges.length / ef;
  const snapshot = {
    nodeCount,
    type: new Uint8Array(nodeCount),
    name: new Uint32Array(nodeCount),
    id: new Float64Array(nodeCount),
    selfSize: new Float64Array(nodeCount),
    firstEdge: new Uint32Array(nodeCount + 1),
    edgeType: new Uint8Array(edgeCount),
    edgeName: new Uint32Array(edgeCount),
    edgeTo: new Uint32Array(edgeCount),
    nodeTypes: meta.node_types[0],
    edgeTypes: meta.edge_types[0],
    strings: raw.strings,
  };
  let edge = 0;
  for (let n = 0; n < nodeCount; n++) {
    const base = n * nf;
    snapshot.type[n] = raw.nodes[base + nType];
    snapshot.name[n] = raw.nodes[base + nName];
    snapshot.id[n] = raw.nodes[base + nId];
    snapshot.selfSize[n] = raw.nodes[base + nSize];
    snapshot.firstEdge[n] = edge;
    edge += raw.nodes[base + nEdges];
  }
  snapshot.firstEdge[nodeCount] = edge;
  for (let e = 0; e < edgeCount; e++) {
    snapshot.edgeType[e] = raw.edges[e * ef + eType];
    snapshot.edgeName[e] = raw.edges[e * ef + eName];
    snapshot.edgeTo[e] = raw.edges[e * ef + eTo] / nf;
  }
  return snapshot;
}

/** What DevTools' Summary groups a node under: its constructor, or (string), (closure), (array)… */
export function classOf(s: HeapSnapshot, node: number): string {
  const type = s.nodeTypes[s.type[node]];
  switch (type) {
    case 'object':
    case 'native':
      return s.strings[s.name[node]];
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return '(string)';
    case 'closure':
      return `(closure ${s.strings[s.name[node]] || 'anonymous'})`;
    case 'array':
      return `(${s.strings[s.name[node]] || 'array'})`;
    default:
      return `(${type})`;
  }
}

/** The edge from `from` to `to`, said as DevTools says it (`.name`, `[index]`), if there is one. */
export function edgeLabel(s: HeapSnapshot, from: number, to: number): string {
  for (let e = s.firstEdge[from]; e < s.firstEdge[from + 1]; e++) {
    if (s.edgeTo[e] === to) {
      const type = s.edgeTypes[s.edgeType[e]];
      return type === 'element' || type === 'hidden' ? `[${s.edgeName[e]}]` : `.${s.strings[s.edgeName[e]]}`;
    }
  }
  return '';
}

/**
 * Each node's immediate dominator (node 0 is the root; unreachable nodes get -1), by the iterative
 * algorithm of Cooper, Harvey and Kennedy over a reverse postorder. Weak edges hold nothing.
 */
export function dominators(s: HeapSnapshot): Int32Array {
  return dominatorsAndRetainers(s).idom;
}

/** {@link dominators}, with each node's retainers over strong edges (`retainers[start[n]..start[n + 1]]`). */
function dominatorsAndRetainers(s: HeapSnapshot): { idom: Int32Array; retainers: Uint32Array; start: Uint32Array } {
  const weak = s.edgeTypes.indexOf('weak');
  const n = s.nodeCount;
  const order = new Int32Array(n).fill(-1); // postorder number
  const post: number[] = [];
  const stack: number[] = [0];
  const next = new Uint32Array(n);
  const visited = new Uint8Array(n);
  visited[0] = 1;
  next[0] = s.firstEdge[0];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    let pushed = false;
    while (next[node] < s.firstEdge[node + 1]) {
      const e = next[node]++;
      const to = s.edgeTo[e];
      if (s.edgeType[e] !== weak && !visited[to]) {
        visited[to] = 1;
        next[to] = s.firstEdge[to];
        stack.push(to);
        pushed = true;
        break;
      }
    }
    if (!pushed) {
      order[node] = post.length;
      post.push(node);
      stack.pop();
    }
  }
  // Predecessors of each reachable node, over strong edges.
  const predCount = new Uint32Array(n + 1);
  for (let from = 0; from < n; from++) {
    if (order[from] < 0) continue;
    for (let e = s.firstEdge[from]; e < s.firstEdge[from + 1]; e++) {
      if (s.edgeType[e] !== weak) predCount[s.edgeTo[e] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) predCount[i + 1] += predCount[i];
  const preds = new Uint32Array(predCount[n]);
  const fill = predCount.slice(0, n);
  for (let from = 0; from < n; from++) {
    if (order[from] < 0) continue;
    for (let e = s.firstEdge[from]; e < s.firstEdge[from + 1]; e++) {
      if (s.edgeType[e] !== weak) preds[fill[s.edgeTo[e]]++] = from;
    }
  }
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = post.length - 2; i >= 0; i--) {
      const node = post[i];
      let best = -1;
      for (let p = predCount[node]; p < predCount[node + 1]; p++) {
        const pred = preds[p];
        if (idom[pred] >= 0) best = best < 0 ? pred : intersect(pred, best);
      }
      if (best >= 0 && idom[node] !== best) {
        idom[node] = best;
        changed = true;
      }
    }
  }
  return { idom, retainers: preds, start: predCount };
}

export interface Holder {
  /** The path to the holder through its dominators: `BalanceStore.slots → Map.table`. */
  readonly path: string;
  readonly bytes: number;
  readonly objects: number;
  /** The classes of the largest share of it, with their bytes. */
  readonly classes: readonly { readonly name: string; readonly bytes: number }[];
}

/**
 * The objects of `later` that `earlier` (of the same process) did not have, grouped by what holds
 * them: for each, its dominators are followed up to the first object `earlier` had, and the bytes
 * are counted to that object (with the path that leads to it).
 */
export function newObjectsByHolder(earlier: HeapSnapshot, later: HeapSnapshot, top = 12, depthOfPaths = 4): { bytes: number; objects: number; holders: Holder[] } {
  const old = new Set<number>();
  for (let i = 0; i < earlier.nodeCount; i++) old.add(earlier.id[i]);
  const { idom, retainers, start } = dominatorsAndRetainers(later);
  const isNew = (node: number) => !old.has(later.id[node]);
  const byHolder = new Map<number, { bytes: number; objects: number; classes: Map<string, number> }>();
  let bytes = 0;
  let objects = 0;
  for (let node = 1; node < later.nodeCount; node++) {
    if (!isNew(node) || idom[node] < 0) continue;
    let holder = idom[node];
    while (holder !== 0 && isNew(holder)) holder = idom[holder];
    const entry = byHolder.get(holder) ?? { bytes: 0, objects: 0, classes: new Map<string, number>() };
    entry.bytes += later.selfSize[node];
    entry.objects++;
    const cls = classOf(later, node);
    entry.classes.set(cls, (entry.classes.get(cls) ?? 0) + later.selfSize[node]);
    byHolder.set(holder, entry);
    bytes += later.selfSize[node];
    objects++;
  }
  const describe = (node: number) => {
    const parts: string[] = [];
    for (let at = node, depth = 0; depth < depthOfPaths && at > 0; depth++) {
      const up = idom[at];
      parts.unshift(`${up > 0 ? edgeLabel(later, up, at) : ''} ${readableClass(later, at, retainers.subarray(start[at], start[at + 1]))}`.trim());
      at = up;
    }
    return parts.join(' → ') || '(the roots)';
  };
  const holders = [...byHolder.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, top)
    .map(([node, h]) => ({
      path: describe(node),
      bytes: h.bytes,
      objects: h.objects,
      classes: [...h.classes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, b]) => ({ name, bytes: b })),
    }));
  return { bytes, objects, holders };
}

/** Constructors of the platform: not what a minified name is told apart by. */
const BUILT_IN = new Set(['Object', 'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'Promise', 'Function', 'Error', 'RegExp', 'Date', 'Buffer', 'ArrayBuffer', 'Uint8Array', 'EventEmitter', 'Timeout', 'Socket', 'FinalizationRegistry']);

/** Whether a class name is one a minifier made (VS Code's own code is minified). */
function isMinified(name: string): boolean {
  return /^[A-Za-z_$][\w$]?$/.test(name);
}

/**
 * A node's class, and for a minified one (VS Code's) what names it: the field of one of our
 * objects that holds it, or else the object of ours it holds.
 */
function readableClass(s: HeapSnapshot, node: number, retainers: Uint32Array): string {
  const name = classOf(s, node);
  if (!isMinified(name)) {
    return name;
  }
  const ours = (n: number) => {
    const c = classOf(s, n);
    return !c.startsWith('(') && !isMinified(c) && !BUILT_IN.has(c) && /^[A-Z]/.test(c);
  };
  const holder = [...retainers].find(ours);
  if (holder !== undefined) {
    return `VS Code's ${name} at ${classOf(s, holder)}${edgeLabel(s, holder, node)}`;
  }
  for (let e = s.firstEdge[node]; e < s.firstEdge[node + 1]; e++) {
    if (ours(s.edgeTo[e])) {
      return `VS Code's ${name} holding ${classOf(s, s.edgeTo[e])}`;
    }
  }
  return `VS Code's ${name}`;
}
