export interface DiffPiece {
  op: "same" | "added" | "removed";
  text: string;
}

const NUMBER = /\d/;

/**
 * A word diff as inline text: removed words struck through, added words underlined, changed
 * figures outlined. Built from text nodes only.
 * @example diffText([{op: "same", text: "45"}, {op: "removed", text: "percent"}, {op: "added", text: "per cent"}])
 */
export function diffText(pieces: DiffPiece[], {show = "both"}: {show?: "both" | "before" | "after"} = {}): HTMLElement {
  const root = document.createElement("span");
  root.className = "diff-text";
  pieces.forEach((piece, i) => {
    if (show === "before" && piece.op === "added") return;
    if (show === "after" && piece.op === "removed") return;
    if (i > 0) root.append(document.createTextNode(" "));
    if (piece.op === "same") {
      root.append(document.createTextNode(piece.text));
      return;
    }
    const el = document.createElement(piece.op === "added" ? "ins" : "del");
    el.className = `diff${NUMBER.test(piece.text) ? " changed-number" : ""}`;
    el.textContent = piece.text;
    el.title = piece.op === "added" ? "added" : "removed";
    root.append(el);
  });
  return root;
}
