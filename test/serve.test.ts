import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Server} from "node:http";
import {startStaticServer} from "../src/cli/serve.js";

describe("static server", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "driftline-serve-"));
    writeFileSync(join(root, "index.html"), "<p>home</p>");
    writeFileSync(join(root, "timeline.html"), "<p>timeline</p>");
    ({server, url} = await startStaticServer(root, 0));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("serves clean URLs", async () => {
    expect(await (await fetch(`${url}/timeline`)).text()).toBe("<p>timeline</p>");
    expect(await (await fetch(`${url}/`)).text()).toBe("<p>home</p>");
  });
  it("answers a malformed escape with 400 and keeps serving", async () => {
    expect((await fetch(`${url}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${url}/timeline`)).status).toBe(200);
  });
  it("does not serve files outside its folder", async () => {
    expect((await fetch(`${url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
  });
});
