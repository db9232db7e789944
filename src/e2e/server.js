// A Socket.IO node for the reality suite: node server.js <port> <id> <pingInterval> <pingTimeout>
// Listens on 127.0.0.1 only. Every probe tags its requests with ?e2e=<scenario>.<probe>, and the node keeps
// counters per tag, so the judge can say what reached the backend through each proxy:
// connections, engine.io connection errors (code 1 Session ID unknown, code 3 transport mismatch...),
// disconnect reasons, the HTTP version of upgrade requests (PL103), and paths outside /socket.io/ (PL402).
// GET /__stats on the node port (direct, not through a proxy) returns all counters as JSON.
"use strict";
const http = require("http");
const { Server } = require("socket.io");

const [port, nodeId, pingInterval, pingTimeout] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const MAX_LIFE_MS = 10 * 60 * 1000; // a node never outlives a suite run, even if the runner dies

const stats = {};
function S(tag) {
  return (stats[tag || "-"] ||= { connections: 0, upgrades: 0, conn_errors: {}, disconnects: {}, upgrade_http: {}, other_paths: {}, big: 0 });
}
const inc = (o, k) => { o[k] = (o[k] || 0) + 1; };
function tagOf(url) {
  try { return new URL(url, "http://x").searchParams.get("e2e") || "-"; } catch { return "-"; }
}

const httpServer = http.createServer((req, res) => {
  if (req.url === "/__stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ node: nodeId, pingInterval, pingTimeout, stats }));
    return;
  }
  // socket.io answers its own path before this handler; anything else is a path the proxy rewrote (PL402)
  inc(S(tagOf(req.url)).other_paths, `${req.method} ${req.url.split("?")[0]}`);
  res.writeHead(404, { "content-type": "text/plain" });
  res.end(`not found on ${nodeId}\n`);
});

// How upgrade requests arrive from the proxy: HTTP version (PL103) and path (PL402).
httpServer.on("upgrade", (req) => {
  const s = S(tagOf(req.url));
  inc(s.upgrade_http, `HTTP/${req.httpVersion}`);
  const p = req.url.split("?")[0];
  if (!p.startsWith("/socket.io/")) inc(s.other_paths, `UPGRADE ${p}`);
});

const io = new Server(httpServer, { pingInterval, pingTimeout, maxHttpBufferSize: 1e6, serveClient: false });
io.engine.on("connection_error", (err) => inc(S(tagOf(err.req && err.req.url)).conn_errors, `${err.code}:${err.message}`));
io.on("connection", (socket) => {
  const s = S(socket.handshake.query.e2e);
  s.connections++;
  socket.emit("hello", { node: nodeId });
  socket.conn.on("upgrade", () => s.upgrades++);
  socket.on("big", (data, ack) => { s.big++; if (typeof ack === "function") ack({ node: nodeId, len: (data && data.length) || 0 }); });
  socket.on("disconnect", (reason) => inc(s.disconnects, reason));
});

httpServer.listen(port, "127.0.0.1", () => console.log(`${nodeId} listening on 127.0.0.1:${port} (pingInterval ${pingInterval}, pingTimeout ${pingTimeout})`));
setTimeout(() => process.exit(0), MAX_LIFE_MS).unref();
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => process.exit(0));
