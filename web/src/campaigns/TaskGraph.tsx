// A campaign's task DAG drawn as SVG: one lane per agent, one box per task with its step and its
// state in words (the tone repeats the state), arrows from each dependency. Left to right where it
// fits, top to bottom on narrow screens; each box is a link to the task's trace.

import { type MouseEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DagNode } from '../api/campaign-endpoints';
import { navigate } from '../app/navigation';
import { statusLabel, statusTone } from '../tasks/task-status';
import { ScrollRegion } from '../ui/ScrollRegion';
import { type DagLayout, layoutDag, type PlacedNode } from './dag-layout';

export function TaskGraph(props: { nodes: DagNode[]; stepOrder: string[]; label: string }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const measure = () => setRoom(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const layout = useMemo(() => {
    const wide = layoutDag(props.nodes, 'horizontal', props.stepOrder);
    if (room === null || wide.width <= room) return wide;
    const tall = layoutDag(props.nodes, 'vertical', props.stepOrder);
    return tall.width < wide.width ? tall : wide;
  }, [props.nodes, props.stepOrder, room]);
  const byId = useMemo(() => new Map(props.nodes.map((node) => [node.id, node])), [props.nodes]);
  return (
    <div ref={wrapper} className="task-graph">
      <ScrollRegion label={props.label}>
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          data-orientation={layout.orientation}
        >
          <title>{`${props.label}: ${props.nodes.length} tasks`}</title>
          <defs>
            <marker
              id="dag-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="dag-arrowhead" />
            </marker>
          </defs>
          <Lanes layout={layout} />
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: arrows only repeat each box's "after". */}
          <g aria-hidden="true">
            {layout.edges.map((edge) => (
              <path key={edge.key} d={edge.path} className="dag-edge" markerEnd="url(#dag-arrow)" />
            ))}
          </g>
          {layout.nodes.map((placed) => (
            <TaskBox
              key={placed.node.id}
              placed={placed}
              box={layout.box}
              after={placed.node.depends_on.map((id) => byId.get(id)?.step_key ?? 'another task')}
            />
          ))}
        </svg>
      </ScrollRegion>
    </div>
  );
}

function Lanes(props: { layout: DagLayout }) {
  const { layout } = props;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: each box's name says its agent already.
    <g aria-hidden="true">
      {layout.lanes.map((lane, index) => (
        <g key={lane.agent}>
          <rect
            x={lane.x}
            y={lane.y}
            width={lane.width}
            height={lane.height}
            rx={6}
            className={index % 2 === 0 ? 'dag-lane' : 'dag-lane dag-lane-alternate'}
          />
          <text
            x={lane.labelX}
            y={lane.labelY}
            className="dag-lane-label"
            textAnchor={layout.orientation === 'horizontal' ? 'start' : 'middle'}
            dominantBaseline="middle"
          >
            {clip(lane.agent, layout.orientation === 'horizontal' ? 8 : 12)}
          </text>
        </g>
      ))}
    </g>
  );
}

function TaskBox(props: {
  placed: PlacedNode;
  box: { width: number; height: number };
  after: string[];
}) {
  const { node, x, y } = props.placed;
  const { width, height } = props.box;
  const href = `/tasks/${encodeURIComponent(node.id)}`;
  // The name starts with the text shown (step and state), then what the box does not show.
  const state = `${statusLabel(node.status)}${node.attempt > 1 ? ` ×${node.attempt}` : ''}`;
  const shown = `${node.step_key} ${state}`;
  const after = props.after.length > 0 ? `, after ${props.after.join(', ')}` : '';
  const label = `${shown} (${node.agent_id}'s task${after}); open its trace`;
  const onClick = (event: MouseEvent<Element>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  const chars = Math.floor((width - 14) / 7.5);
  return (
    <a
      href={href}
      onClick={onClick}
      className="dag-node"
      data-task-id={node.id}
      data-status={node.status}
      data-tone={statusTone(node.status)}
      aria-label={label}
    >
      <rect
        className="dag-focus"
        x={x - 4}
        y={y - 4}
        width={width + 8}
        height={height + 8}
        rx={9}
      />
      <rect className="dag-box" x={x} y={y} width={width} height={height} rx={6} />
      {/* One text with a space between its lines, so its text reads "brief awaiting review". */}
      <text>
        <tspan x={x + 8} y={y + 22} className="dag-step">
          {clip(node.step_key, chars)}
        </tspan>{' '}
        <tspan
          x={x + 8}
          y={y + 42}
          className="dag-state"
          // Squeezed rather than cut when long ("awaiting review" in a narrow box): all of it shows.
          {...(state.length > chars + 1 && {
            textLength: width - 14,
            lengthAdjust: 'spacingAndGlyphs',
          })}
        >
          {state}
        </tspan>
      </text>
    </a>
  );
}

/** `text` cut to `max` characters with an ellipsis. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}
