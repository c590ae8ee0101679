#!/usr/bin/env bash
# The gateway's throughput and latency with wrk, in one run (issue 5): the same two FHIR requests
# against the fhir-store directly, through a bare YARP proxy (no policies) and through the full
# gateway, interleaved and repeated, at a moderate load (latency) and a saturating one (throughput).
# Starts its own stack with ./run.sh on non-default ports and a fresh data folder; stops it on exit.
#
# Settings (environment variables, all optional):
#   DURATION      seconds per measured wrk run (default 15)
#   WARMUP        seconds per warm-up run, discarded (default 5)
#   ROUNDS        how often the whole set is repeated, so drift shows (default 5); the verdict is
#                 the median over rounds of each round's paired comparison, so one disturbed round
#                 (this machine's neighbours come and go) neither passes nor fails the targets alone
#   MODERATE      wrk load for the latency comparison (default "-t1 -c4")
#   MODERATE_DELAY_MS  pause before each request per connection at moderate load (default 10: with 4
#                 connections a few hundred requests/s; 0 = closed loop, which saturates the machine)
#   SATURATING    wrk load for the throughput comparison (default "-t2 -c32")
#   PORT_BASE     gateway port; authserver +1, monitor +3, store +10, bare proxy +20, redis +80 (default 5700)
#   OUT           folder for the raw wrk outputs and the summary (default artifacts/wrk-gateway/<time>)
#   TOKEN         an access token for the gateway; without it the loadtests `launch` command gets one
#   PATIENT       the patient to read (default: the token's patient claim)
#   SKIP_GATEWAY  1: measure only the store and the bare proxy (no token needed; PATIENT defaults
#                 to the demo member, demo-john-allen)
#   KEEP_DATA     1: keep the temporary data folder (logs of every service are in it)
#   MONITOR       running (default): run.sh's monitor stores every audit event during the gateway's runs,
#                 on the same cores, and its lag is sampled; paused: the monitor is stopped (SIGSTOP)
#                 during each gateway run, so the gateway is compared with bare YARP without the
#                 monitor's work beside it, and continued after it, the time its backlog takes to drain noted
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
duration=${DURATION:-15}
warmup=${WARMUP:-5}
rounds=${ROUNDS:-5}
moderate=${MODERATE:--t1 -c4}
moderate_delay=${MODERATE_DELAY_MS:-10}
saturating=${SATURATING:--t2 -c32}
port_base=${PORT_BASE:-5700}
gateway_port=$port_base
# run.sh's default: each management port (/health, /metrics) is the service's port + 1000.
gateway_management_port=$((port_base + 1000))
authserver_port=$((port_base + 1))
monitor_port=$((port_base + 3))
store_port=$((port_base + 10))
bare_port=$((port_base + 20))
redis_port=$((port_base + 80))
out=${OUT:-$root/artifacts/wrk-gateway/$(date +%Y%m%d-%H%M%S)}
skip_gateway=${SKIP_GATEWAY:-0}
monitor_mode=${MONITOR:-running}
[[ "$monitor_mode" =~ ^(running|paused)$ ]] || { printf 'wrk-gateway.sh: MONITOR must be running or paused, not %s\n' "$monitor_mode" >&2; exit 2; }
bench_dll=$here/bin/Release/net10.0/PatientAccess.Gateway.Benchmarks.dll
loadtests_dll=$root/loadtests/PatientAccess.LoadTests/bin/Release/net10.0/PatientAccess.LoadTests.dll

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

say() { printf '%s\n' "$*" >&2; }
die() { printf 'wrk-gateway.sh: %s\n' "$*" >&2; exit 1; }
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

for tool in wrk curl jq dotnet setsid; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install wrk curl jq)"
done

# --- build ----------------------------------------------------------------------------
# Before run.sh, which builds the services itself: two builds of the gateway at once would collide.
say "Building the benchmarks (Release) ..."
dotnet build "$here" -c Release -nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null \
  || die "building $here failed (run: dotnet build $here -c Release)"
if [ "$skip_gateway" != 1 ] && [ -z "${TOKEN:-}" ]; then
  say "Building the load-test tool (Release), for a token ..."
  dotnet build "$root/loadtests/PatientAccess.LoadTests" -c Release -nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null \
    || die "building loadtests/PatientAccess.LoadTests failed"
fi

mkdir -p "$out/raw"
out=$(cd "$out" && pwd)
data=$(mktemp -d "${TMPDIR:-/tmp}/pa-wrk.XXXXXX")

# --- the stack, with limits high enough that the benchmark measures the chain, not 429s ----------
# run.sh starts every service as its child with `env SETTINGS dotnet ...`, so what is exported
# here reaches the gateway. Every request still gets its rate-limit decision and its audit event;
# the one busy token's decisions mostly come from tokens leased ahead (RateLimiting:LeaseSize), as a
# busy app's would in production. RateLimiting__LeaseSize=0 in the environment measures without leases.
export RateLimiting__Client__Burst=1000000 RateLimiting__Client__PerSecond=1000000
export RateLimiting__Token__Burst=1000000 RateLimiting__Token__PerSecond=1000000
export RateLimiting__Address__Burst=1000000 RateLimiting__Address__PerSecond=1000000
# The app registry's own rate_limit_burst would otherwise replace the Client limit above.
export RateLimiting__UseClientRegistry=false
export PA_DATA_DIR=$data PA_SEED_MEMBERS=${PA_SEED_MEMBERS:-100}
export PA_GATEWAY_PORT=$gateway_port PA_GATEWAY_MANAGEMENT_PORT=$gateway_management_port PA_AUTHSERVER_PORT=$authserver_port PA_MONITOR_PORT=$monitor_port
export PA_FHIRSTORE_PORT=$store_port PA_REDIS_PORT=$redis_port

run_pid=
bare_pid=
stop() {
  if [ -n "$bare_pid" ]; then kill -TERM "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true; fi
  if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then
    say "Stopping the stack ..."
    kill -TERM "$run_pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$run_pid" 2>/dev/null || break; sleep 0.1; done
    # run.sh stops its children itself; only if it hung, the whole session it leads goes.
    kill -0 "$run_pid" 2>/dev/null && kill -KILL -- "-$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true
  fi
  if [ "${KEEP_DATA:-0}" = 1 ]; then say "Data and service logs kept in $data"; else rm -rf "$data"; fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

(exec 3<>"/dev/tcp/127.0.0.1/$bare_port") 2>/dev/null && die "port $bare_port (bare proxy) is in use; choose another PORT_BASE"
say "Starting the stack (./run.sh, gateway on $gateway_port, data in $data) ..."
# Its own session, so it can be stopped as a group if it ever ignores SIGTERM.
setsid "$root/run.sh" >"$out/run.log" 2>&1 &
run_pid=$!
deadline=$((SECONDS + ${PA_READY_TIMEOUT:-180} + 120))
until [ "$(status_of "http://127.0.0.1:$gateway_management_port/health/ready")" = 200 ]; do
  kill -0 "$run_pid" 2>/dev/null || { tail -n 30 "$out/run.log" >&2; die "run.sh stopped (its output above, all of it in $out/run.log)"; }
  [ "$SECONDS" -ge "$deadline" ] && die "the gateway did not become ready; see $out/run.log and $data/logs"
  sleep 1
done

# --- a token, the patient, and what the gateway would sign for them ------------------------------
client=wrk-benchmark
categories=
token=${TOKEN:-}
if [ "$skip_gateway" != 1 ]; then
  if [ -z "$token" ]; then
    say "Getting an access token (loadtests launch) ..."
    launch=$(dotnet "$loadtests_dll" launch --authserver "http://127.0.0.1:$authserver_port" --aud "http://localhost:$gateway_port/r4" --data "$data" 2>"$out/launch.log") \
      || { cat "$out/launch.log" >&2; die "the loadtests launch command failed (set TOKEN=... to skip it)"; }
    # The token response is the last line of its output (one JSON line).
    launch=$(tail -n 1 <<<"$launch")
    token=$(jq -er '.access_token' <<<"$launch") || die "launch printed no access_token: $launch"
    [ -n "${PATIENT:-}" ] || PATIENT=$(jq -er '.patient' <<<"$launch") || die "launch printed no patient: $launch"
  fi
  # The claims the gateway turns into the member context: the store and the bare proxy get the same one.
  payload=$(cut -d. -f2 <<<"$token" | tr '_-' '/+')
  payload=$(printf '%s%s' "$payload" "$(printf '%*s' $(((4 - ${#payload} % 4) % 4)) '' | tr ' ' '=')" | base64 -d 2>/dev/null) \
    || die "TOKEN is not a JWT"
  [ -n "${PATIENT:-}" ] || PATIENT=$(jq -er '.patient' <<<"$payload") || die "the token has no patient claim; set PATIENT"
  client=$(jq -r '.client_id // "wrk-benchmark"' <<<"$payload")
  categories=$(jq -r '(.sensitive_categories // []) | join(",")' <<<"$payload")
fi
patient=${PATIENT:-demo-john-allen}

targets=(store bare)
[ "$skip_gateway" = 1 ] || targets+=(gateway)
urls=(read search)
declare -A path=(
  [read]="/r4/Patient/$patient"
  [search]="/r4/ExplanationOfBenefit?patient=$patient&_count=10"
)
declare -A base=(
  [store]="http://127.0.0.1:$store_port"
  [bare]="http://127.0.0.1:$bare_port"
  [gateway]="http://127.0.0.1:$gateway_port"
)
runs_per_round=$(( ${#targets[@]} * ${#urls[@]} * 2 ))
lifetime=$(( (warmup * ${#targets[@]} * ${#urls[@]}) + (duration * runs_per_round * rounds) + 900 ))
declare -A header
for u in "${urls[@]}"; do
  signed=$(dotnet "$bench_dll" member-context --key-file "$data/secrets/member-context.key" --patient "$patient" \
    --client "$client" --categories "$categories" --method GET --target "${path[$u]}" --lifetime "$lifetime") \
    || die "signing the member context for ${path[$u]} failed"
  header[store,$u]="X-PatientAccess-Member-Context: $signed"
  header[bare,$u]="X-PatientAccess-Member-Context: $signed"
  header[gateway,$u]="Authorization: Bearer $token"
done

say "Starting the bare proxy on $bare_port ..."
dotnet "$bench_dll" bare-proxy --port "$bare_port" --upstream "http://127.0.0.1:$store_port" >"$out/bare-proxy.log" 2>&1 &
bare_pid=$!
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$bare_port") 2>/dev/null && break
  kill -0 "$bare_pid" 2>/dev/null || { cat "$out/bare-proxy.log" >&2; die "the bare proxy stopped"; }
  sleep 0.5
done

# --- every target must answer 200 before anything is timed ------------------------------------
for t in "${targets[@]}"; do
  for u in "${urls[@]}"; do
    code=$(curl -s -o "$out/raw/check-$t-$u.json" -w '%{http_code}' --max-time 10 -H "${header[$t,$u]}" "${base[$t]}${path[$u]}" || true)
    [ "$code" = 200 ] || { head -c 600 "$out/raw/check-$t-$u.json" >&2; echo >&2; die "$t answered $code to ${path[$u]} (body above)"; }
  done
done

# --- wrk ----------------------------------------------------------------------------------
results=$out/results.tsv
printf 'round\tload\turl\ttarget\trps\tp50_ms\tp90_ms\tp99_ms\tmax_ms\tnon2xx\tsocket_errors\tbytes_per_response\n' >"$results"

# --- the monitor's consumer lag while the gateway is saturated (issue 15) --------------------------
# run.sh's monitor stores every audit event the gateway writes; its lag gauges (measured each second)
# are sampled during each saturating gateway run, and after it the time until the backlog is gone.
monitor_metrics="http://127.0.0.1:$((monitor_port + 1000))/metrics"
lags=$out/lag.tsv
printf 'round\turl\tmax_lag_entries\tmax_lag_seconds\tdrain_seconds\tstored_per_second\n' >"$lags"
monitor_sample() {
  curl -s --max-time 2 "$monitor_metrics" | awk '
    /^patientaccess_monitor_audit_lag_entries[ {]/ { e = $NF } /^patientaccess_monitor_audit_lag_seconds[ {]/ { s = $NF }
    /^patientaccess_monitor_audit_stored_total[ {]/ { t += $NF }
    END { printf "%d %.3f %d\n", e, s, t }'
}

# The monitor's process (MONITOR=paused stops it during gateway runs): the one listening on its port.
monitor_pid() { ss -ltnpH "sport = :$monitor_port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2; }

# watch_lag ROUND URL PID-OF-WRK: samples until wrk ends, then waits (at most 120 s) for the backlog to drain.
# MONITOR=paused: the monitor is stopped until wrk ends; the lag right after it continues is the backlog.
watch_lag() {
  local max_e=0 max_s=0 e s t t0 start=$SECONDS drained=-1 paused=
  read -r _ _ t0 < <(monitor_sample)
  if [ "$monitor_mode" = paused ]; then
    paused=$(monitor_pid)
    [ -n "$paused" ] || die "MONITOR=paused: no process listens on the monitor's port $monitor_port"
    kill -STOP "$paused"
    wait "$3" || true
    kill -CONT "$paused"
    sleep 1
    read -r max_e max_s _ < <(monitor_sample)
  fi
  while kill -0 "$3" 2>/dev/null; do
    read -r e s _ < <(monitor_sample)
    [ "$e" -gt "$max_e" ] && max_e=$e
    awk -v a="$s" -v b="$max_s" 'BEGIN { exit !(a > b) }' && max_s=$s
    sleep 1
  done
  local busy=$((SECONDS - start)) ended=$SECONDS
  for _ in $(seq 1 120); do
    read -r e s t < <(monitor_sample)
    [ "$e" = 0 ] && { drained=$((SECONDS - ended)); break; }
    sleep 1
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$max_e" "$max_s" "$drained" "$(( (t - t0) / (busy > 0 ? busy : 1) ))" >>"$lags"
  say "    monitor: lag at most $max_e entries / $max_s s during the run, drained ${drained} s after it"
}

# run ROUND LOAD-NAME "WRK-LOAD" SECONDS TARGET URL
run() {
  local file=$out/raw/$1-$2-$6-$5.txt stats pause=0 wrk_pid
  [ "$2" = moderate ] && pause=$moderate_delay
  # shellcheck disable=SC2086 # the load settings are several wrk options on purpose
  WRK_DELAY_MS=$pause wrk $3 -d "$4s" --latency -s "$here/wrk-report.lua" -H "${header[$5,$6]}" "${base[$5]}${path[$6]}" >"$file" 2>&1 &
  wrk_pid=$!
  if [ "$5" = gateway ] && { [ "$2" = saturating ] || [ "$monitor_mode" = paused ]; } && [ "$1" != warmup ]; then
    watch_lag "$1" "$6/$2" "$wrk_pid"
  fi
  # A paused run was waited for in watch_lag already; wrk's status is in its output either way.
  wait "$wrk_pid" 2>/dev/null || [ "$monitor_mode" = paused ] || { cat "$file" >&2; die "wrk failed for $5 ${path[$6]}"; }
  stats=$(grep '^WRKSTATS ' "$file") || { cat "$file" >&2; die "no WRKSTATS line from wrk (see $file)"; }
  # shellcheck disable=SC2046,SC2086 # declares requests, rps, p50_ms, ... from the line
  local $(sed 's/^WRKSTATS //' <<<"$stats")
  local socket=$((connect + read + write + timeout))
  if [ "$non2xx" != 0 ] || [ "$socket" != 0 ]; then
    # A benchmark of error answers (401, 429, 400, ...) is worthless: stop here.
    grep -E 'Non-2xx|Socket errors' "$file" >&2 || true
    die "$5 answered $non2xx non-2xx responses and had $socket socket errors on ${path[$6]} (round $1, $2 load); see $file and the service logs (KEEP_DATA=1 keeps them)"
  fi
  [ "$1" = warmup ] && return
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$6" "$5" "$rps" "$p50_ms" "$p90_ms" "$p99_ms" "$max_ms" \
    "$non2xx" "$socket" "$bytes_per_response" >>"$results"
  say "  round $1, $2, $6, $5: $rps req/s, p50 $p50_ms ms, p90 $p90_ms ms, p99 $p99_ms ms"
}

say "Warming up (${warmup}s per target and request, discarded) ..."
for u in "${urls[@]}"; do
  for t in "${targets[@]}"; do run warmup saturating "$saturating" "$warmup" "$t" "$u"; done
done

say "Measuring: $rounds round(s) of ${duration}s runs; moderate = '$moderate' with ${moderate_delay} ms between requests per connection, saturating = '$saturating' ..."
for r in $(seq 1 "$rounds"); do
  for load in moderate saturating; do
    settings=$moderate
    [ "$load" = saturating ] && settings=$saturating
    for u in "${urls[@]}"; do
      for t in "${targets[@]}"; do run "$r" "$load" "$settings" "$duration" "$t" "$u"; done
    done
  done
done

# --- the summary ----------------------------------------------------------------------------
summary=$out/summary.md
{
  printf '# Gateway vs bare YARP vs fhir-store (wrk)\n\n'
  printf '%s, commit %s, %s, load average before: %s\n\n' "$(date -u +%Y-%m-%dT%H:%MZ)" \
    "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(nproc) cores" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'Runs of %ss after %ss warm-up; moderate = `%s` with a %s ms pause before each request per connection, saturating = `%s`; patient %s.\n\n' \
    "$duration" "$warmup" "$moderate" "$moderate_delay" "$saturating" "$patient"
  printf 'read = `GET %s`, search = `GET %s`\n\n' "${path[read]}" "${path[search]}"
  printf '| round | load | request | target | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | bytes/response |\n'
  printf '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
  tail -n +2 "$results" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }'
  if [ "$skip_gateway" != 1 ]; then
    printf '\nTargets: gateway throughput at least 90%% of bare YARP (saturating); gateway minus store at most 0.5 ms at p50 and 3 ms at p99 (moderate).\n\n'
    printf '| round | request | gateway / bare YARP req/s (saturating) | gateway - store p50 ms (moderate) | gateway - store p99 ms (moderate) | targets |\n'
    printf '| --- | --- | ---: | ---: | ---: | --- |\n'
    tail -n +2 "$results" | awk -F'\t' '
      { v[$1 "|" $2 "|" $3 "|" $4 "|rps"] = $5; v[$1 "|" $2 "|" $3 "|" $4 "|p50"] = $6; v[$1 "|" $2 "|" $3 "|" $4 "|p99"] = $8
        if (!($1 "|" $3 in seen)) { seen[$1 "|" $3] = 1; order[n++] = $1 "|" $3 } }
      END {
        for (i = 0; i < n; i++) {
          split(order[i], k, "|"); r = k[1]; u = k[2]
          ratio = v[r "|saturating|" u "|gateway|rps"] / v[r "|saturating|" u "|bare|rps"]
          d50 = v[r "|moderate|" u "|gateway|p50"] - v[r "|moderate|" u "|store|p50"]
          d99 = v[r "|moderate|" u "|gateway|p99"] - v[r "|moderate|" u "|store|p99"]
          met = (ratio >= 0.9 && d50 <= 0.5 && d99 <= 3) ? "met" : "missed"
          printf "| %s | %s | %.1f%% | %+.2f | %+.2f | %s |\n", r, u, ratio * 100, d50, d99, met
        }
      }' | tee "$out/rounds.md"
    printf '\nVerdict: the median over the %s rounds of each figure above (each round compares runs made minutes apart).\n\n' "$rounds"
    printf '| request | gateway / bare YARP req/s, median | gateway - store p50 ms, median | gateway - store p99 ms, median | targets |\n'
    printf '| --- | ---: | ---: | ---: | --- |\n'
    # mawk has no asort: the values of each column are sorted by insertion.
    awk -F'|' '
      function median(list,   a, m, i, j, x) {
        m = split(list, a, " ")
        for (i = 2; i <= m; i++) { x = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
      }
      { u = $3; gsub(/ /, "", u); ratio = $4; gsub(/[ %]/, "", ratio); d50 = $5; gsub(/ /, "", d50); d99 = $6; gsub(/ /, "", d99)
        if (!(u in seen)) { seen[u] = 1; order[n++] = u }
        r[u] = r[u] " " ratio; p[u] = p[u] " " d50; q[u] = q[u] " " d99 }
      END {
        for (i = 0; i < n; i++) {
          u = order[i]; mr = median(r[u]); m50 = median(p[u]); m99 = median(q[u])
          printf "| %s | %.1f%% | %+.2f | %+.2f | %s |\n", u, mr, m50, m99, (mr >= 90 && m50 <= 0.5 && m99 <= 3) ? "met" : "missed"
        }
      }' "$out/rounds.md"
  fi
  if [ "$skip_gateway" != 1 ]; then
    if [ "$monitor_mode" = paused ]; then
      printf '\nMONITOR=paused: the monitor was stopped during every gateway run; "max lag" is its backlog one second after it continued,\n'
      printf 'drained = seconds after that until the lag was 0 (-1: not within 120 s); the last column is meaningless here.\n\n'
    else
      printf '\nThe monitor (SQLite, defaults) storing every audit event while the gateway was saturated: its consumer lag\n'
      printf '(pending + undelivered entries, and the age of the oldest), sampled each second; drained = seconds after wrk ended until the lag was 0 (-1: not within 120 s).\n\n'
    fi
    printf '| round | request | max lag entries | max lag s | drained after s | events stored/s during the run |\n| --- | --- | ---: | ---: | ---: | ---: |\n'
    tail -n +2 "$lags" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }'
  fi
  printf '\nRaw wrk outputs: %s/raw\n' "$out"
} >"$summary"
cat "$summary"
