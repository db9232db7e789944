// Socket.IO client probe: N socket.io-client instances through one proxy, printed as ONE JSON line.
// node client.js --url=http://127.0.0.1:PORT --tag=T --transports=polling|default|websocket
//                [--n=2] [--window=3] [--big=BYTES]
// Reconnection is off (a reconnect would hide the failure), every client lives at most --window seconds,
// and the process exits by itself at window + 5 s whatever happens. Clients keep cookies like a browser
// does (withCredentials enables engine.io-client's cookie jar in Node): Apache's stickysession needs that.
"use strict";
const { io } = require("socket.io-client");

const A = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split(/=(.*)/s).slice(0, 2)));
const mode = A.transports || "default";
const transports = { polling: ["polling"], websocket: ["websocket"], default: ["polling", "websocket"] }[mode];
const N = Number(A.n || 2);
const WINDOW_MS = Number(A.window || 3) * 1000;
const BIG = Number(A.big || 0);
const UPGRADE_WAIT_MS = 2000; // a default client that has not upgraded by then stays on polling
setTimeout(() => { console.log(JSON.stringify({ tag: A.tag, fatal: "hard timeout" })); process.exit(2); }, WINDOW_MS + 5000).unref();

// what an engine.io-client error says: HTTP status, body (Session ID unknown), message
function describe(err) {
  if (!err) return undefined;
  const d = { message: err.message || String(err) };
  const desc = err.description, ctx = err.context;
  if (desc !== undefined) d.description = typeof desc === "number" ? desc : (desc && desc.message) || String(desc);
  const m = String(d.description || "").match(/Unexpected server response: (\d+)/);
  d.status = typeof desc === "number" ? desc : (ctx && ctx.status) || (m ? Number(m[1]) : undefined);
  try { if (ctx && typeof ctx.responseText === "string") d.body = ctx.responseText.slice(0, 200); } catch {}
  if (typeof err.code === "string") d.code = err.code; // "parser error": the proxy answered with something that is not engine.io
  return d;
}

function runOne(i) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const rec = { connected: false, errors: [], nodes: [] };
    const socket = io(A.url, {
      transports, reconnection: false, forceNew: true, timeout: WINDOW_MS, rememberUpgrade: false,
      withCredentials: true, query: { e2e: A.tag },
    });
    const engine = socket.io.engine;
    engine.on("error", (e) => rec.errors.push({ ...describe(e), ms: Date.now() - t0 }));
    engine.on("upgrade", () => { rec.upgrade_ms = Date.now() - t0; });
    socket.on("hello", (d) => rec.nodes.push(d.node));
    socket.on("connect", () => {
      rec.connected = true;
      rec.connect_ms = Date.now() - t0;
      rec.transport_at_connect = socket.io.engine.transport.name;
      // a big message goes after the default client had time to upgrade, so it shows which transport carries it
      if (BIG) setTimeout(() => {
        if (!socket.connected) return;
        rec.big_transport = socket.io.engine.transport.name;
        socket.emit("big", "x".repeat(BIG), (d) => { rec.big_acked = d.len === BIG; });
      }, mode === "default" ? UPGRADE_WAIT_MS : 300);
    });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(windowTimer);
      socket.close();
      resolve(rec);
    };
    socket.on("connect_error", (e) => { rec.connect_error = { ...describe(e), ms: Date.now() - t0 }; setTimeout(finish, 50); });
    socket.on("disconnect", (reason, details) => {
      if (done || !rec.connected) return;
      rec.disconnect = { reason, after_connect_ms: Date.now() - t0 - rec.connect_ms, details: describe(details) };
      setTimeout(finish, 50);
    });
    const windowTimer = setTimeout(finish, WINDOW_MS);
  });
}

(async () => {
  // clients start 40 ms apart: concurrent, but not all in the same instant
  const clients = await Promise.all(Array.from({ length: N }, (_, i) => new Promise((r) => setTimeout(() => r(runOne(i)), i * 40))));
  const out = { tag: A.tag, transports: mode, n: N, window_ms: WINDOW_MS, big: BIG || undefined, clients };
  for (const c of clients) {
    c.upgraded = c.transport_at_connect === "websocket" || (c.upgrade_ms !== undefined && c.upgrade_ms - c.connect_ms <= UPGRADE_WAIT_MS);
    const all = [...c.errors, c.connect_error, c.disconnect && c.disconnect.details].filter(Boolean);
    c.statuses = [...new Set(all.map((e) => e.status).filter(Boolean))];
    c.session_id_unknown = all.some((e) => /Session ID unknown/.test(e.body || ""));
    c.transport_unknown = all.some((e) => /Transport unknown/.test(e.body || ""));
  }
  console.log(JSON.stringify(out));
  process.exit(0);
})();
