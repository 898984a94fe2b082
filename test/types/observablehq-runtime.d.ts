// @observablehq/runtime ships no types; the part the tests use.
declare module '@observablehq/runtime' {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string): void;
    rejected?(error: unknown, name?: string): void;
  }
  export interface Variable {
    define(name: string, inputs: string[], definition: (...args: never[]) => unknown): Variable;
    define(name: string, definition: () => unknown): Variable;
  }
  export interface Module {
    variable(observer?: Observer): Variable;
    redefine(name: string, inputs: string[], definition: (...args: never[]) => unknown): unknown;
    redefine(name: string, definition: () => unknown): unknown;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>);
    module(
      define?: (runtime: Runtime, observer: (name: string) => Observer | undefined) => unknown,
      observer?: (name: string) => Observer | undefined,
    ): Module;
    dispose(): void;
  }
}
