/**
 * `npm run serve [-- --port N]`: serves the built report in dist/ on 127.0.0.1, with the clean URLs
 * Framework links use (/timeline → timeline.html).
 */
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve, sep} from "node:path";
import {parseArgs} from "node:util";
import {pathToFileURL} from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8"
};

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Starts a static server for `root`; resolves once it listens. Port 0 picks a free port. */
export async function startStaticServer(root: string, port = 3001, host = "127.0.0.1"): Promise<{server: Server; url: string}> {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, {"content-type": "text/plain; charset=utf-8"}).end("Bad request: malformed URL escape");
      return;
    }
    const absolute = normalize(join(base, path));
    if (absolute !== base && !absolute.startsWith(base + sep)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    const candidates = path.endsWith("/") ? [join(absolute, "index.html")] : [absolute, `${absolute}.html`, join(absolute, "index.html")];
    for (const file of candidates) {
      if (await isFile(file)) {
        response.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
        createReadStream(file).pipe(response);
        return;
      }
    }
    path = join(base, "404.html");
    response.writeHead(404, {"content-type": TYPES[".html"]!});
    if (await isFile(path)) createReadStream(path).pipe(response);
    else response.end("Not found");
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {server, url: `http://${host}:${actual}`};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const {values} = parseArgs({options: {port: {type: "string", default: "3001"}, root: {type: "string", default: "dist"}}});
  if (!(await isFile(join(values.root!, "index.html")))) {
    process.stderr.write(`serve: ${values.root}/index.html not found: run npm run build first\n`);
    process.exit(2);
  }
  const {url} = await startStaticServer(values.root!, Number(values.port));
  process.stdout.write(`Serving ${values.root}/ on ${url}\n`);
}
