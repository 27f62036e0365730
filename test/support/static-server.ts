/** Serves dist/ on 127.0.0.1 for browser tests (plain http: the preview needs no certificates). */
import { createReadStream, existsSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize } from "path";
import { distDir } from "./paths";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

export interface StaticServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A page served beside dist/ without writing into it (bench/pane-load.ts's bare office.js page). */
export interface ExtraFile {
  readonly type: string;
  readonly body: string;
}

export async function serveDist(
  root = distDir,
  extra: Readonly<Record<string, ExtraFile>> = {},
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    const page = Object.prototype.hasOwnProperty.call(extra, path) ? extra[path] : undefined;
    if (page) {
      res.writeHead(200, { "Content-Type": page.type, "Cache-Control": "no-store" }).end(page.body);
      return;
    }
    const file = normalize(join(root, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {
      "Content-Type": types[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
