#!/usr/bin/env bash
# proxylint reality suite: every rule's verdict checked against real nginx, Apache httpd and Socket.IO.
#
#   bash src/e2e/run.sh                 all scenarios; updates docs/reality-matrix.md when all agree and outcomes changed
#   E2E_ONLY=pl201 bash src/e2e/run.sh  scenarios whose name matches the regex (the committed matrix is left alone)
#
# It installs what it needs (nginx, apache2 with apt-get when root; socket.io from the committed lock file with
# npm ci), starts two Socket.IO nodes and one proxy per scenario config in src/e2e/scenarios/ on 127.0.0.1,
# lints each config with bin/proxylint, runs the probes each config names, and lets judge.js compare.
# Exit: 0 every scenario agrees (or SKIPPED, said on stderr, when apt/npm/nginx/apache2 are out of reach),
#       1 a disagreement (the matrix says which), 2 the suite itself could not run (ports busy, build failed).
set -u
export PATH="$PATH:/usr/sbin:/sbin"   # nginx and apache2 live there; a non-root PATH on Debian lacks it
E2E=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E/../.." && pwd)
OUT=$ROOT/target/e2e                  # lint verdicts, probe results, logs, matrix of the last run
ONLY=${E2E_ONLY:-}
PING_INTERVAL=2000 PING_TIMEOUT=2000  # short heartbeat: pingInterval + pingTimeout = 4 s
NODE_PORTS="28001 28002"              # below Linux's ephemeral range (32768-60999): no client socket, ours or
                                      # anyone's, can sit on these ports, so TIME_WAIT never blocks a bind
BIG=990000                            # just under maxHttpBufferSize (1e6), what the node accepts
LATE_MS=1500                          # late pongs: within pingTimeout (2 s), past the 4 s window with pingInterval

log() { printf '[e2e %s] %s\n' "$(date +%T)" "$*" >&2; }
skip() { log "SKIPPED: $*"; log "the reality suite did not run; proxylint's verdicts were not checked against real servers"; exit 0; }
die() { log "ERROR: $*"; exit 2; }

# ---------------------------------------------------------------- 1. what the suite needs
missing=()
command -v nginx >/dev/null || missing+=(nginx)
{ command -v apache2 >/dev/null && [ -d /usr/lib/apache2/modules ]; } || missing+=(apache2)
{ command -v node >/dev/null && command -v npm >/dev/null; } || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; } || skip "needs ${missing[*]} (apt-get install -y ${missing[*]}) and is not root with apt-get to install them"
  log "installing ${missing[*]} with apt-get"
  # Packages must not start their system services (port 80, 0.0.0.0): a policy-rc.d that says no, only while
  # we install and only if the machine has none of its own.
  own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=1; fi
  ok=1
  timeout 120 apt-get update -qq >&2 || ok=0
  [ $ok = 1 ] && { DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || ok=0; }
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ $ok = 1 ] || skip "apt-get could not install ${missing[*]} (no network or no mirror?)"
  command -v nginx >/dev/null && command -v apache2 >/dev/null && command -v node >/dev/null || skip "installed, but nginx/apache2/node still missing"
fi
if [ ! -f "$E2E/node_modules/.package-lock.json" ] || [ "$E2E/package-lock.json" -nt "$E2E/node_modules/.package-lock.json" ]; then
  log "npm ci (socket.io, socket.io-client, ws from src/e2e/package-lock.json)"
  (cd "$E2E" && timeout 180 npm ci --no-audit --no-fund --loglevel=error >&2) || skip "npm ci failed (registry unreachable?)"
fi
timeout 600 "$ROOT/bin/proxylint" --version >/dev/null || die "bin/proxylint does not run (build failed? see target/build.log)"

# ---------------------------------------------------------------- 2. scenarios
# Each config names itself: "# e2e-intent:", "# e2e-probes:", optional "# e2e-window:" (seconds) and "# e2e-lint-args:".
header() { grep -m1 -oP "^# e2e-$1: \\K.*" "$2"; }
port_of() { grep -m1 -oiP '^\s*listen\s+127\.0\.0\.1:\K[0-9]+' "$1"; }
SCEN=()
for f in "$E2E"/scenarios/nginx/*.conf "$E2E"/scenarios/httpd/*.conf; do
  name=$(basename "$f" .conf)
  [ -n "$ONLY" ] && ! [[ $name =~ $ONLY ]] && continue
  [ -n "$(header intent "$f")" ] && [ -n "$(header probes "$f")" ] && [ -n "$(port_of "$f")" ] || die "$f lacks an e2e-intent, e2e-probes or listen 127.0.0.1:PORT line"
  for kind in $(header probes "$f"); do
    [[ " polling default websocket bigpolling bigwebsocket latepong latepongws " == *" $kind "* ]] || die "$f: unknown probe $kind"
  done
  SCEN+=("$f")
done
[ ${#SCEN[@]} -gt 0 ] || die "no scenario matches E2E_ONLY=$ONLY"
dialect_of() { basename "$(dirname "$1")"; }
PORTS="$NODE_PORTS $(for f in "${SCEN[@]}"; do port_of "$f"; done)"

# ---------------------------------------------------------------- 3. processes: started by PID, stopped by PID
declare -a PIDS=()
WORK=""
spawn() {  # spawn <log> cmd...: a long-running server, remembered by PID
  local logf=$1; shift
  "$@" >"$logf" 2>&1 &
  PIDS+=($!)
}
tree_of() {  # $1 and all its descendants (nginx workers, httpd children, a probe's node), read from /proc
  local -A kids=()
  local f rest pid p queue=("$1") out=()
  for f in /proc/[0-9]*/stat; do
    read -r rest 2>/dev/null < "$f" || continue
    pid=${rest%% *}; rest=${rest##*) }; set -- $rest   # after the command name: state, ppid, ...
    kids[$2]+=" $pid"
  done
  while [ ${#queue[@]} -gt 0 ]; do
    p=${queue[0]}; queue=("${queue[@]:1}"); out+=("$p")
    for pid in ${kids[$p]:-}; do queue+=("$pid"); done
  done
  echo "${out[@]}"
}
stop_all() {
  local p alive all=() jobs_left
  # Our servers get SIGTERM and stop their own workers; anything else still running (a probe or a lint, when
  # interrupted) is stopped with its whole tree, since a shell does not pass signals on to its children.
  jobs_left=$(jobs -p)
  [ ${#PIDS[@]} -eq 0 ] && [ -z "$jobs_left" ] && return
  for p in "${PIDS[@]}"; do all+=($(tree_of "$p")); kill -TERM "$p" 2>/dev/null; done
  for p in $jobs_left; do
    case " ${PIDS[*]} " in *" $p "*) continue ;; esac
    for pid in $(tree_of "$p"); do all+=("$pid"); kill -TERM "$pid" 2>/dev/null; done
  done
  for _ in $(seq 1 50); do   # <= 5 s for everything to go
    alive=""; for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && alive+=" $p"; done
    [ -z "$alive" ] && break; sleep 0.1
  done
  for p in $alive; do log "still alive after SIGTERM, SIGKILL: pid $p"; kill -KILL "$p" 2>/dev/null; done
  wait 2>/dev/null
  alive=""; for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && alive+=" $p"; done
  if [ -n "$alive" ]; then log "ERROR: processes left running:$alive"; STOP_FAILED=1
  else log "stopped the ${#all[@]} processes this run started (nodes, proxies and their workers); none is left"; fi
  PIDS=()
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then rm -rf "$OUT/logs"; cp -r "$WORK" "$OUT/logs" 2>/dev/null; rm -rf "$WORK"; WORK=""; fi
}
STOP_FAILED=0
trap 'stop_all' EXIT
trap 'log "interrupted"; exit 130' INT TERM

listening() {  # is something listening on 127.0.0.1:$1? read from /proc/net/tcp: no probe connection
  awk -v p=":$(printf '%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' /proc/net/tcp
}
wait_listening() {  # bounded: 100 x 0.1 s
  for _ in $(seq 1 100); do listening "$1" && return 0; sleep 0.1; done
  return 1
}
unbindable() {  # the ports that a listener cannot bind now (busy, or held)
  timeout 30 node -e '
    const net = require("net"), bad = [];
    (async () => {
      for (const p of process.argv.slice(1).map(Number)) await new Promise((res) => {
        const s = net.createServer();
        s.once("error", () => { bad.push(p); res(); });
        s.listen({ port: p, host: "127.0.0.1", exclusive: true }, () => s.close(res));
      });
      console.log(bad.join(" "));
    })();' $PORTS
}

# ---------------------------------------------------------------- 4. start
START=$(date +%s.%N)
for i in $(seq 1 30); do   # bounded: something else may be finishing with these ports
  busy=$(unbindable); [ -z "$busy" ] && break
  [ "$i" = 1 ] && log "ports busy: $busy - waiting up to 30 s"
  sleep 1
done
[ -n "$busy" ] && die "ports still busy: $busy (another run of the suite?)"

rm -rf "$OUT"; mkdir -p "$OUT/lint" "$OUT/probes"
# Runtime files live outside the checkout: nginx workers and httpd children run as nobody when we are root,
# and must reach temp and html folders; a checkout under /root would not let them.
WORK=$(mktemp -d /tmp/proxylint-e2e.XXXXXX) && chmod 755 "$WORK" || die "mktemp failed"
mkdir -p "$WORK"/nginx/{logs,run,tmp,html} "$WORK"/httpd/{logs,run,htdocs} "$WORK/nodes"
printf '<!doctype html>\n<html><head><title>app</title></head><body><div id="app"></div></body></html>\n' > "$WORK/nginx/html/index.html"

log "starting Socket.IO nodes n1, n2 (pingInterval $PING_INTERVAL, pingTimeout $PING_TIMEOUT) and ${#SCEN[@]} proxies"
i=1; for p in $NODE_PORTS; do spawn "$WORK/nodes/n$i.log" node "$E2E/server.js" "$p" "n$i" "$PING_INTERVAL" "$PING_TIMEOUT"; i=$((i + 1)); done
for f in "${SCEN[@]}"; do
  name=$(basename "$f" .conf)
  if [ "$(dialect_of "$f")" = nginx ]; then
    spawn "$WORK/nginx/logs/$name.stdout.log" nginx -p "$WORK/nginx/" -e "logs/$name.error.log" -c "$f"
  else
    mkdir -p "$WORK/httpd/run/$name"
    spawn "$WORK/httpd/logs/$name.stdout.log" apache2 -d "$WORK/httpd" -f "$f" -DFOREGROUND
  fi
done

# proxylint's verdict on each config, with the nodes' heartbeat (two at a time, while the servers come up)
log "linting ${#SCEN[@]} configs with bin/proxylint"
lint_one() {
  local name; name=$(basename "$1" .conf)
  # shellcheck disable=SC2046  # e2e-lint-args is a list of flags
  timeout 60 "$ROOT/bin/proxylint" --format json --fail-on never --ping-interval $PING_INTERVAL --ping-timeout $PING_TIMEOUT \
    $(header lint-args "$1") "$1" > "$OUT/lint/$name.json" 2> "$OUT/lint/$name.stderr"
}
lint_pids=()
for f in "${SCEN[@]}"; do
  lint_one "$f" & lint_pids+=($!)
  if [ ${#lint_pids[@]} -ge 2 ]; then wait "${lint_pids[0]}"; lint_pids=("${lint_pids[@]:1}"); fi
done
wait "${lint_pids[@]}"

for p in $NODE_PORTS; do wait_listening "$p" || die "Socket.IO node on $p did not start: $(tail -3 "$WORK"/nodes/*.log)"; done
: > "$OUT/manifest.tsv"
for f in "${SCEN[@]}"; do
  name=$(basename "$f" .conf); d=$(dialect_of "$f")
  if wait_listening "$(port_of "$f")"; then started=yes; err=""
  else started=no; err=$(tail -2 "$WORK/$d/logs/$name.error.log" "$WORK/$d/logs/$name.stdout.log" 2>/dev/null | grep -v '^==' | tr '\t\n' '  ' | cut -c1-300)
    log "$d/$name did not start: $err"; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$name" "$(header intent "$f")" "$(header probes "$f")" "$started" "$err" >> "$OUT/manifest.tsv"
done

# ---------------------------------------------------------------- 5. probes
probe() {  # probe <config> <kind> <window s> : runs in the background, result in probes/<name>.<kind>.json
  local f=$1 kind=$2 win=$3 name url tag cmd
  name=$(basename "$f" .conf); url=http://127.0.0.1:$(port_of "$f"); tag=$name.$kind
  case $kind in
    polling|default|websocket) cmd=("$E2E/client.js" --transports="$kind" --n=4) ;;
    bigpolling)   cmd=("$E2E/client.js" --transports=polling --n=2 --big=$BIG) ;;
    bigwebsocket) cmd=("$E2E/client.js" --transports=websocket --n=2 --big=$BIG) ;;
    latepong)     cmd=("$E2E/latepong.js" --transport=polling --delay=$LATE_MS) ;;
    latepongws)   cmd=("$E2E/latepong.js" --transport=websocket --delay=$LATE_MS) ;;
  esac
  # every client bounds itself (window + a few s); timeout(1) is the outer bound
  timeout $((win + 10)) node "${cmd[@]}" --url="$url" --tag="$tag" --window="$win" \
    > "$OUT/probes/$tag.json" 2> "$OUT/probes/$tag.stderr" &
}
run_scenario() {  # all probes of one scenario at once, then wait for them
  local f=$1 win kind pids=()
  win=$(header window "$f"); win=${win:-3}
  for kind in $(header probes "$f"); do probe "$f" "$kind" "$win"; pids+=($!); done
  wait "${pids[@]}"
}
# Batch P: the long-window heartbeat scenarios (timeouts, late pongs) all at once: they mostly wait, and
# nothing else runs beside them, so their timings are not disturbed.
# Batch S: the others two at a time (two cores), each scenario's probes concurrently.
LONG=(); SHORT=()
for f in "${SCEN[@]}"; do [ -n "$(header window "$f")" ] && LONG+=("$f") || SHORT+=("$f"); done
log "batch P: ${#LONG[@]} heartbeat scenarios concurrently"
pids=(); for f in "${LONG[@]}"; do run_scenario "$f" & pids+=($!); sleep 0.2; done
[ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
log "batch S: ${#SHORT[@]} scenarios, two at a time"
pids=()
for f in "${SHORT[@]}"; do
  run_scenario "$f" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
[ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"

# ---------------------------------------------------------------- 6. judge (the nodes are still up: it reads their counters)
export E2E_ONLY=$ONLY E2E_START=$START E2E_PING_INTERVAL=$PING_INTERVAL E2E_PING_TIMEOUT=$PING_TIMEOUT
timeout 120 node "$E2E/judge.js" "$OUT" $(for p in $NODE_PORTS; do echo "http://127.0.0.1:$p"; done)
rc=$?

stop_all
[ $STOP_FAILED = 1 ] && rc=2
# the committed matrix is the last full run that agreed; a failed run's matrix stays in target/e2e/.
# It is replaced only when an outcome changed (scenario, findings, outcome class, what the nodes saw, agreement),
# not for a new commit id, date, wall time or a detail that varies between runs (timings, counts, which error a
# client saw first), so a CI checkout stays clean when reality still agrees with the committed matrix.
matrix_facts() {
  command -v perl >/dev/null 2>&1 || { cat "$1"; return; } # without perl any difference counts
  perl -pe 's/^(- proxylint: [^(]*).*/$1/; s/^(- machine: .*cores).*/$1/; s/ Wall time \d+ s\.$//;
            s/(\*\*[A-Z_]+\*\*)(?:\\\||[^<|])*?(; node saw [^<|]*)?(?=<br>| ?\|)/$1$2/g; s/ x\d+//g' "$1"
}
if [ -z "$ONLY" ] && [ $rc = 0 ]; then
  committed="$ROOT/docs/reality-matrix.md"
  if [ -f "$committed" ] && cmp -s <(matrix_facts "$committed") <(matrix_facts "$OUT/matrix.md"); then
    log "matrix: same outcomes as docs/reality-matrix.md, left as it is (this run's: target/e2e/matrix.md)"
  else
    cp "$OUT/matrix.md" "$committed" && log "matrix: docs/reality-matrix.md updated (outcomes changed)"
  fi
fi
log "wall time $(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f s", b - a }'); results in target/e2e/"
exit $rc
