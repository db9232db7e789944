// A client that answers pings late: a minimal engine.io v4 / Socket.IO client, written out here (rather than
// a hook into engine.io-client) so that the one thing it does differently is plain to see: it sends each
// pong --delay ms after the ping (a mobile network, a throttled background tab). PL202's mechanism:
// the server sends the next ping pingInterval after it receives the pong, so the long-poll GET that
// waits for that ping is held pingInterval + delay; a proxy timeout shorter than that cuts it.
// node latepong.js --url=http://127.0.0.1:PORT --tag=T --delay=MS [--transport=polling|websocket] [--window=8]
// Prints ONE JSON line: whether the session survived the window, how many late pongs it sent, and, if it
// was cut, when, how (HTTP status or socket error) and how long the cut request had been held.
"use strict";
const http = require("http");
const WebSocket = require("ws");

const A = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split(/=(.*)/s).slice(0, 2)));
const DELAY = Number(A.delay || 1500);
const WINDOW_MS = Number(A.window || 8) * 1000;
const transport = A.transport || "polling";
const base = new URL(A.url);
const t0 = Date.now();
const out = { tag: A.tag, transport, delay_ms: DELAY, window_ms: WINDOW_MS, connected: false, pongs: 0 };
let finished = false;
function finish(cut) {
  if (finished) return;
  finished = true;
  if (cut) out.cut = { ...cut, at_ms: Date.now() - t0 };
  out.survived = out.connected && !cut;
  console.log(JSON.stringify(out));
  process.exit(0);
}
setTimeout(() => finish(), WINDOW_MS).unref(); // the window elapsed with no cut
setTimeout(() => finish({ how: "hard timeout" }), WINDOW_MS + 3000).unref();

// engine.io v4 payloads: packets separated by \x1e; type digit first (0 open, 1 close, 2 ping, 3 pong, 4 message)
function onPacket(p, sendPong) {
  if (p[0] === "0") out.sid = JSON.parse(p.slice(1)).sid;
  else if (p.startsWith("40")) out.connected = true; // Socket.IO CONNECT ack
  else if (p === "2") setTimeout(() => { if (!finished) { out.pongs++; sendPong(); } }, DELAY);
  else if (p[0] === "1") finish({ how: "server closed the session" });
}

function request(method, query, body) {
  return new Promise((resolve) => {
    const started = Date.now();
    const path = `${base.pathname.replace(/\/$/, "")}/socket.io/?EIO=4&transport=polling&e2e=${encodeURIComponent(A.tag)}${query}`;
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers: body ? { "content-type": "text/plain;charset=UTF-8" } : {} }, (res) => {
      let b = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (b += c));
      res.on("end", () => resolve({ status: res.statusCode, body: b, held_ms: Date.now() - started }));
      res.on("error", (e) => resolve({ error: e.message, held_ms: Date.now() - started }));
    });
    req.on("error", (e) => resolve({ error: e.message, held_ms: Date.now() - started }));
    req.end(body);
  });
}

async function polling() {
  const open = await request("GET", "");
  if (open.status !== 200) return finish({ how: `handshake ${open.status || open.error}` });
  open.body.split("\x1e").forEach((p) => onPacket(p));
  const q = `&sid=${out.sid}`;
  const post = async (data) => {
    const r = await request("POST", q, data);
    if (r.status !== 200) finish({ how: `POST ${r.status || r.error}`, held_ms: r.held_ms, body: (r.body || "").slice(0, 100) });
  };
  await post("40");
  // the long-poll loop: one GET at a time, the next one as soon as the last one returns
  while (!finished) {
    const r = await request("GET", q);
    if (r.status !== 200) return finish({ how: `GET ${r.status || r.error}`, held_ms: r.held_ms, body: (r.body || "").slice(0, 100) });
    r.body.split("\x1e").forEach((p) => onPacket(p, () => post("3")));
  }
}

function websocket() {
  const ws = new WebSocket(`ws://${base.host}/socket.io/?EIO=4&transport=websocket&e2e=${encodeURIComponent(A.tag)}`);
  let last = Date.now();
  ws.on("unexpected-response", (_req, res) => finish({ how: `upgrade answered ${res.statusCode}` }));
  ws.on("error", (e) => finish({ how: `socket error ${e.message}` }));
  ws.on("open", () => ws.send("40"));
  ws.on("message", (m) => { last = Date.now(); onPacket(m.toString(), () => ws.send("3")); });
  ws.on("close", (code) => finish({ how: `tunnel closed (${code})`, silent_ms: Date.now() - last }));
}

transport === "websocket" ? websocket() : polling();
