/**
 * A reader that fails on a strange file costs that file only: the web-page reader is replaced by
 * one that throws, and the other files of the corpus are still read.
 */
import {describe, expect, it, vi} from "vitest";
import {ingestSource} from "../src/lib/ingest.js";

vi.mock("../src/lib/html.js", () => ({
  MAX_HTML_DEPTH: 1000,
  nestingOver: () => null,
  readHtmlArticle: () => {
    throw new RangeError("Maximum call stack size exceeded");
  }
}));

const source = (path: string, text: string) => ({path, bytes: new TextEncoder().encode(text)});

describe("ingestSource when a reader throws", () => {
  it("gives the file an ingest-failed error and reads the next file", () => {
    const failed = ingestSource(source("odd.html", "<p>Text.</p>"));
    expect(failed.documents).toEqual([]);
    expect(failed.diagnostics).toEqual([
      expect.objectContaining({path: "odd.html", level: "error", code: "ingest-failed", message: "The file could not be read as HTML (Maximum call stack size exceeded); the rest of the corpus was read."})
    ]);
    expect(ingestSource(source("fine.txt", "Headline\n\nBody text.")).documents).toHaveLength(1);
  });
});
