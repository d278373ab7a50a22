/**
 * The programs the map's stage draws with: discs with a rim (@sigma/node-border: the rim in
 * the `borderColor` attribute, the fill in `color`) and sigma's own link bands, changed in
 * two ways for machines without a GPU.
 *
 * The rim: pale partner colours (influencer, ISV) stand at 1.6 to 1.8:1 against the light
 * stage, below the 3:1 WCAG asks of graphics; a thin dark rim outlines every disc at any
 * colour, and parts discs that overlap.
 *
 * Drawn without instancing: the same shaders, uniforms and picking, with each item's
 * data written once per vertex instead of once per instance beside a shared per-vertex
 * table. Why: on a machine without a GPU, Chromium draws WebGL with SwiftShader, which pays a
 * fixed cost for every instance of an instanced draw. Measured in `npm run
 * bench:web-fps` (largest community at M, 1,115 nodes): drawing half the instances
 * doubled the frame rate while making every disc four times smaller changed nothing,
 * so the frame was the instances, not the pixels. A plain draw of 3 vertices per disc
 * and 6 per band is one draw for the whole layer. On a real GPU both are cheap.
 */
import { createNodeBorderProgram } from '@sigma/node-border';
import { EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';

// Sigma's program classes are generic abstract classes; a TypeScript mixin needs a constructor of `any[]`.
type ProgramClass = new (...args: any[]) => InstancedProgram;

interface ProgramAttribute { name: string; size: number; type: number; normalized?: boolean }

interface InstancedProgram {
  array: Float32Array;
  pickProgram: unknown;
  render(params: unknown): void;
  getDefinition(): {
    VERTICES: number; VERTEX_SHADER_SOURCE: string; FRAGMENT_SHADER_SOURCE: string; METHOD: number;
    UNIFORMS: readonly string[]; ATTRIBUTES: ProgramAttribute[];
    CONSTANT_ATTRIBUTES?: ProgramAttribute[]; CONSTANT_DATA?: number[][];
  };
  processVisibleItem(index: number, startIndex: number, ...data: never[]): void;
}

/** Items of the array an attribute takes, as sigma counts them: a normalised one (4 bytes) packs into one float. */
function itemsOf(attributes: readonly ProgramAttribute[]): number {
  return attributes.reduce((sum, a) => sum + (a.normalized ? 1 : a.size), 0);
}

function layoutOf(d: ReturnType<InstancedProgram['getDefinition']>) {
  const own = itemsOf(d.ATTRIBUTES);
  return { vertices: d.VERTICES, own, perVertex: own + itemsOf(d.CONSTANT_ATTRIBUTES ?? []), constants: d.CONSTANT_DATA ?? [] };
}

/**
 * `Base` drawn without instancing: its per-instance attributes are followed, in every
 * vertex, by that vertex's row of the constant table; the base still writes one item's
 * data, which is then copied into each of its vertices.
 */
function withoutInstancing<T extends ProgramClass>(Base: T): T {
  return class extends Base {
    getDefinition() {
      const d = super.getDefinition();
      // Without CONSTANT_ATTRIBUTES, sigma treats the program as a plain one (Program.isInstanced).
      return {
        VERTICES: d.VERTICES, VERTEX_SHADER_SOURCE: d.VERTEX_SHADER_SOURCE, FRAGMENT_SHADER_SOURCE: d.FRAGMENT_SHADER_SOURCE,
        METHOD: d.METHOD, UNIFORMS: d.UNIFORMS, ATTRIBUTES: [...d.ATTRIBUTES, ...(d.CONSTANT_ATTRIBUTES ?? [])],
      };
    }

    /** The base's item layout, read once: processVisibleItem runs for every node or link of every refresh. */
    private layout?: { vertices: number; own: number; perVertex: number; constants: number[][] };

    processVisibleItem(index: number, startIndex: number, ...data: never[]): void {
      const { vertices, own, perVertex, constants } = this.layout ??= layoutOf(super.getDefinition());
      // The base writes the item once at startIndex, which is vertex 0's place; the constants
      // follow the item in each vertex, so nothing written here overlaps what is copied.
      super.processVisibleItem(index, startIndex, ...data);
      const array = this.array;
      for (let v = 0; v < vertices; v++) {
        const at = startIndex + v * perVertex;
        if (v > 0) array.copyWithin(at, startIndex, startIndex + own);
        const row = constants[v]!;
        for (let j = 0; j < row.length; j++) array[at + own + j] = row[j]!;
      }
    }
  };
}

/**
 * `Base` without its picking pass while `picking()` says no. Sigma draws every node a
 * second time into its picking buffer on every frame, for finding the node under the
 * pointer; while the map is dragged nothing is looked up (the stage's drag shield), so
 * that pass is wasted there (a quarter of a frame at L's largest community, measured).
 * The stage draws once more when the drag ends, with the pass.
 */
function pickingOnlyWhen<T extends ProgramClass>(Base: T, picking: () => boolean): T {
  return class extends Base {
    render(params: unknown): void {
      const pick = this.pickProgram;
      if (!pick || picking()) return super.render(params);
      this.pickProgram = null;
      try { super.render(params); } finally { this.pickProgram = pick; }
    }
  };
}

/** The rim's width on screen. */
const RIM_PIXELS = 2;

export interface StagePrograms { DiscNodeProgram: typeof NodeCircleProgram; BandEdgeProgram: typeof EdgeRectangleProgram }

/**
 * Rimmed discs (drawn as sigma's `circle`) and straight bands (sigma's `line`, its rectangle program),
 * each one plain draw; the discs' picking pass runs only while `picking()` is true.
 */
export function stagePrograms(picking: () => boolean): StagePrograms {
  const RimmedDisc = createNodeBorderProgram({
    borders: [
      { size: { value: RIM_PIXELS, mode: 'pixels' }, color: { attribute: 'borderColor' } },
      { size: { fill: true }, color: { attribute: 'color' } },
    ],
  });
  return {
    DiscNodeProgram: pickingOnlyWhen(withoutInstancing(RimmedDisc as unknown as ProgramClass), picking) as unknown as typeof NodeCircleProgram,
    BandEdgeProgram: withoutInstancing(EdgeRectangleProgram as unknown as ProgramClass) as unknown as typeof EdgeRectangleProgram,
  };
}
