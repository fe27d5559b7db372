import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {addContentSecurityPolicy, contentSecurityPolicy, inlineScripts, scriptHash} from "../src/cli/csp.js";
import {decodedPageName} from "../src/cli/page-names.js";

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Report</title>
<script type="module">
import {define} from "./_observablehq/client.js";
</script>
<script src="./_observablehq/other.js"></script>
</head>
<body><script>{const e=document.querySelector("#x");}</script></body>
</html>`;

describe("the Content-Security-Policy", () => {
  it("hashes the exact text of each inline script, and skips scripts with src", () => {
    expect(inlineScripts(PAGE)).toEqual(['\nimport {define} from "./_observablehq/client.js";\n', '{const e=document.querySelector("#x");}']);
    expect(scriptHash("alert(1)")).toBe(`'sha256-${createHash("sha256").update("alert(1)").digest("base64")}'`);
  });

  it("allows the page's own scripts by hash and nothing else inline", () => {
    const policy = contentSecurityPolicy(PAGE);
    const scriptSrc = /script-src ([^;]*)/.exec(policy)![1]!;
    expect(scriptSrc.split(" ")).toEqual(["'self'", ...inlineScripts(PAGE).map(scriptHash).sort()]);
    expect(policy).not.toMatch(/unsafe-inline'[^;]*;[^;]*script|unsafe-eval/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'none'");
  });

  it("goes right after <meta charset>, before any script, and replaces an earlier policy", () => {
    const once = addContentSecurityPolicy(PAGE);
    expect(once.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(once.indexOf("<meta charset"));
    expect(once.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(once.indexOf("<title>"));
    const twice = addContentSecurityPolicy(once);
    expect(twice).toBe(once);
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});

describe("decodedPageName", () => {
  it("undoes the escapes of '%', '#' and '?' only", () => {
    expect(decodedPageName("feed%231.html")).toBe("feed#1.html");
    expect(decodedPageName("what%3F %232 100%25.93fbde93.json")).toBe("what? #2 100%.93fbde93.json");
    expect(decodedPageName("it's a \"quoted\" name ü.html")).toBe("it's a \"quoted\" name ü.html");
    expect(decodedPageName("a%20b.html")).toBe("a%20b.html");
  });
});
