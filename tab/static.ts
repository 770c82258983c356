import fs from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Teams shows the tab in a frame of its own web and desktop clients, so `frame-ancestors` names
 * them (and nothing else); Fluent UI injects its styles at run time, hence `'unsafe-inline'` for styles only.
 */
export const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self' teams.microsoft.com *.teams.microsoft.com *.office.com *.cloud.microsoft",
].join('; ');

/**
 * Serves the built tab under `/tab/`: hashed assets cached for a year, `index.html` revalidated
 * every time (it names the current assets), unknown paths inside the app answered with
 * `index.html`, and nothing outside `distDir` ever read.
 */
export function createTabStaticRoute(options: { distDir: string }): (server: Server) => void {
  const root = path.resolve(options.distDir);

  const serve = async (req: Request, res: Response) => {
    const relative = decodeURIComponent((req.path() ?? '').replace(/^\/tab\/?/, ''));
    let file = path.resolve(root, relative || 'index.html');
    if (file !== root && !file.startsWith(root + path.sep)) return notFound(res);
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      if (path.extname(file)) return notFound(res);
      file = path.join(root, 'index.html');
      try {
        body = await fs.readFile(file);
      } catch {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('The tab has not been built. Run: npm run build:tab\n');
        return;
      }
    }
    const hashedAsset = relative.startsWith('assets/');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Security-Policy': TAB_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  return (server) => {
    server.get('/tab', async (_req: Request, res: Response) => {
      res.writeHead(301, { Location: '/tab/' });
      res.end();
    });
    // The host answers HEAD on every GET route (server/http-server.ts).
    server.get('/tab/*', serve);
  };
}

function notFound(res: Response): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Not found\n');
}
