// Types for htl 0.3 (Hypertext Literal), which ships none: tagged templates that interpolate values
// as text or nodes, never as markup.
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement | DocumentFragment;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement | DocumentFragment;
}
