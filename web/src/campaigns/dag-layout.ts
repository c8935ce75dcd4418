// Places a campaign's task DAG for drawing, without a graph library: a task's depth is the
// longest chain of dependencies before it; depths run along the main axis (left to right, or top
// to bottom on narrow screens) and each agent gets its own lane across it. Pure: no DOM.

import type { DagNode } from '../api/campaign-endpoints';

export type Orientation = 'horizontal' | 'vertical';

/** Box sizes and gaps in CSS pixels, per orientation (vertical boxes are narrower). */
const SIZES = {
  horizontal: { width: 152, height: 56, along: 40, across: 10, laneGap: 10, label: 72 },
  vertical: { width: 104, height: 56, along: 28, across: 8, laneGap: 2, label: 28 },
} as const;
const PAD = 8;
/** Room between a lane's edge and its boxes. */
const LANE_INSET = 4;

export interface PlacedNode {
  node: DagNode;
  depth: number;
  x: number;
  y: number;
}

export interface PlacedEdge {
  key: string;
  /** The SVG path from the dependency's box to the dependent's. */
  path: string;
}

/** One agent's band: where its label goes and the box that holds its tasks. */
export interface Lane {
  agent: string;
  x: number;
  y: number;
  width: number;
  height: number;
  labelX: number;
  labelY: number;
}

export interface DagLayout {
  orientation: Orientation;
  width: number;
  height: number;
  box: { width: number; height: number };
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  lanes: Lane[];
}

/** Each node's depth: 0 without dependencies, else one more than its deepest dependency. */
export function depths(nodes: readonly DagNode[]): Map<string, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const found = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = found.get(id);
    if (known !== undefined) return known;
    // A cycle cannot be planned; should one appear, it is cut here rather than loop.
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const node = byId.get(id);
    const upstream = (node?.depends_on ?? []).filter((dependency) => byId.has(dependency));
    const depth = upstream.length === 0 ? 0 : 1 + Math.max(...upstream.map(depthOf));
    visiting.delete(id);
    found.set(id, depth);
    return depth;
  };
  for (const node of nodes) depthOf(node.id);
  return found;
}

/**
 * Lays out `nodes` in `orientation`. Within an agent and a depth, tasks follow `stepOrder` (the
 * template's step keys), then their step key.
 */
export function layoutDag(
  nodes: readonly DagNode[],
  orientation: Orientation,
  stepOrder: readonly string[] = [],
): DagLayout {
  const size = SIZES[orientation];
  const horizontal = orientation === 'horizontal';
  const box = { width: size.width, height: size.height };
  const alongBox = horizontal ? box.width : box.height;
  const acrossBox = horizontal ? box.height : box.width;
  const depthOf = depths(nodes);
  const rank = (node: DagNode) => {
    const index = stepOrder.indexOf(node.step_key);
    return index === -1 ? stepOrder.length : index;
  };
  const agents = [...new Set(nodes.map((node) => node.agent_id))].sort();
  const maxDepth = Math.max(0, ...depthOf.values());
  const alongOf = (depth: number) => PAD + size.label + depth * (alongBox + size.along);
  const alongEnd = alongOf(maxDepth) + alongBox + LANE_INSET + PAD;

  const placed: PlacedNode[] = [];
  const bands: Array<{ agent: string; from: number; size: number }> = [];
  let acrossAt = PAD + LANE_INSET;
  for (const agent of agents) {
    const cells = new Map<number, DagNode[]>();
    for (const node of nodes) {
      if (node.agent_id !== agent) continue;
      const depth = depthOf.get(node.id) ?? 0;
      cells.set(depth, [...(cells.get(depth) ?? []), node]);
    }
    for (const [depth, cell] of cells) {
      cell.sort((a, b) => rank(a) - rank(b) || a.step_key.localeCompare(b.step_key));
      cell.forEach((node, index) => {
        const along = alongOf(depth);
        const across = acrossAt + index * (acrossBox + size.across);
        placed.push({
          node,
          depth,
          x: horizontal ? along : across,
          y: horizontal ? across : along,
        });
      });
    }
    const laneSize = Math.max(1, ...[...cells.values()].map((cell) => cell.length));
    const bandSize = laneSize * acrossBox + (laneSize - 1) * size.across;
    bands.push({ agent, from: acrossAt, size: bandSize });
    acrossAt += bandSize + 2 * LANE_INSET + size.laneGap;
  }
  const acrossEnd = acrossAt - size.laneGap - LANE_INSET + PAD;
  const width = horizontal ? alongEnd : acrossEnd;
  const height = horizontal ? acrossEnd : alongEnd;
  const lanes = bands.map(({ agent, from, size: band }): Lane => {
    const start = from - LANE_INSET;
    const thickness = band + 2 * LANE_INSET;
    const length = alongEnd - 2 * PAD;
    return horizontal
      ? {
          agent,
          x: PAD,
          y: start,
          width: length,
          height: thickness,
          labelX: PAD + 8,
          labelY: from + band / 2,
        }
      : {
          agent,
          x: start,
          y: PAD,
          width: thickness,
          height: length,
          labelX: from + band / 2,
          labelY: PAD + size.label / 2,
        };
  });

  const at = new Map(placed.map((item) => [item.node.id, item]));
  const edges: PlacedEdge[] = [];
  for (const item of placed) {
    for (const dependency of item.node.depends_on) {
      const from = at.get(dependency);
      if (from) {
        edges.push({
          key: `${dependency}->${item.node.id}`,
          path: edgePath(from, item, box, orientation),
        });
      }
    }
  }
  return { orientation, width, height, box, nodes: placed, edges, lanes };
}

/** A curve from the dependency's outgoing side to the dependent's incoming side. */
function edgePath(
  from: PlacedNode,
  to: PlacedNode,
  box: { width: number; height: number },
  orientation: Orientation,
): string {
  if (orientation === 'horizontal') {
    const [x1, y1] = [from.x + box.width, from.y + box.height / 2];
    const [x2, y2] = [to.x, to.y + box.height / 2];
    const middle = (x1 + x2) / 2;
    return `M ${x1} ${y1} C ${middle} ${y1}, ${middle} ${y2}, ${x2 - 2} ${y2}`;
  }
  const [x1, y1] = [from.x + box.width / 2, from.y + box.height];
  const [x2, y2] = [to.x + box.width / 2, to.y];
  const middle = (y1 + y2) / 2;
  return `M ${x1} ${y1} C ${x1} ${middle}, ${x2} ${middle}, ${x2} ${y2 - 2}`;
}
