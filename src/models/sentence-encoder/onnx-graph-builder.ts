// Builds a small ONNX model in memory, node by node, and serialises it for ONNX Runtime. It knows
// ONNX's protobuf shapes (through onnx-proto) and nothing about any network.

import onnxProto, { type onnx } from 'onnx-proto';

// onnx-proto is CommonJS: its classes come through the default export, its types by name.
const { AttributeProto, ModelProto, TensorProto } = onnxProto.onnx;

/** The ONNX operator set the nodes are written against. */
const OPSET = 17;

/** A node attribute: an integer, a list of integers, or a float. */
export type Attribute = { int: number } | { ints: number[] } | { float: number };

/** A float tensor input or output; a string dimension is named and free (e.g. 'tokens'). */
export interface GraphValue {
  name: string;
  dims: (number | string)[];
}

export class OnnxGraphBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private counter = 0;

  /** A float constant (a weight), by name; the values are not copied. */
  floats(name: string, dims: readonly number[], values: Float32Array): string {
    this.initializers.push({
      name,
      dims: [...dims],
      dataType: TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
    });
    return name;
  }

  /** A float scalar constant. */
  scalar(value: number): string {
    return this.floats(this.fresh('scalar'), [], Float32Array.of(value));
  }

  /** An int64 vector constant (shapes, split sizes). */
  int64s(values: readonly number[]): string {
    const name = this.fresh('int64s');
    const data = BigInt64Array.from(values, (value) => BigInt(value));
    this.initializers.push({
      name,
      dims: [values.length],
      dataType: TensorProto.DataType.INT64,
      rawData: new Uint8Array(data.buffer),
    });
    return name;
  }

  /** Adds a node; returns its outputs' names (`as` names the single output instead). */
  node(
    type: string,
    inputs: readonly string[],
    options: { attributes?: Record<string, Attribute>; outputs?: number; as?: string } = {},
  ): string[] {
    const outputs =
      options.as === undefined
        ? Array.from({ length: options.outputs ?? 1 }, () => this.fresh(type))
        : [options.as];
    this.nodes.push({
      opType: type,
      input: [...inputs],
      output: outputs,
      attribute: Object.entries(options.attributes ?? {}).map(([name, value]) =>
        attribute(name, value),
      ),
    });
    return outputs;
  }

  /** Adds a node with one output and returns that output's name. */
  op(type: string, inputs: readonly string[], attributes?: Record<string, Attribute>): string {
    return this.node(type, inputs, { attributes })[0] as string;
  }

  /** The serialised model. */
  encode(name: string, inputs: readonly GraphValue[], outputs: readonly GraphValue[]): Uint8Array {
    return ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: OPSET }],
      producerName: 'chimera',
      graph: {
        name,
        node: this.nodes,
        initializer: this.initializers,
        input: inputs.map(floatValue),
        output: outputs.map(floatValue),
      },
    }).finish();
  }

  private fresh(hint: string): string {
    return `${hint}_${this.counter++}`;
  }
}

function attribute(name: string, value: Attribute): onnx.IAttributeProto {
  if ('int' in value) return { name, type: AttributeProto.AttributeType.INT, i: value.int };
  if ('ints' in value) return { name, type: AttributeProto.AttributeType.INTS, ints: value.ints };
  return { name, type: AttributeProto.AttributeType.FLOAT, f: value.float };
}

function floatValue({ name, dims }: GraphValue): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: TensorProto.DataType.FLOAT,
        shape: {
          dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })),
        },
      },
    },
  };
}
