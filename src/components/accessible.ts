/**
 * Makes a Plot chart readable by assistive technology: every SVG in it gets role="img", the main
 * one an aria-label and a <desc> with the description (the page also offers a table or text).
 * @example accessibleChart(Plot.plot({...}), {label: "Timeline", description: "5 documents…"})
 */
export function accessibleChart<T extends Element>(chart: T, {label, description}: {label: string; description?: string}): T {
  const svgs = chart.tagName.toLowerCase() === "svg" ? [chart] : [...chart.querySelectorAll("svg")];
  const main = svgs[svgs.length - 1];
  for (const svg of svgs) {
    svg.setAttribute("role", "img");
    if (svg !== main && !svg.getAttribute("aria-label")) svg.setAttribute("aria-label", "Legend");
    // Inner groups are presentational for assistive technology; the label and description carry the content.
    for (const g of svg.querySelectorAll("[aria-label]")) if (g !== svg) g.removeAttribute("aria-label");
  }
  if (main) {
    main.setAttribute("aria-label", label);
    if (description) {
      const desc = document.createElementNS("http://www.w3.org/2000/svg", "desc");
      desc.textContent = description;
      main.prepend(desc);
    }
  }
  if (chart !== main) chart.setAttribute("aria-label", label);
  return chart;
}
