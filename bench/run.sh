#!/usr/bin/env bash
# Load benchmark: the app (Release, ReadyToRun, Production: the Docker image's command) against nginx
# serving each measured page's own bytes as a static file (as they are, and pre-compressed beside them
# with gzip_static, each compared with the same Accept-Encoding), on the small seeded database and a
# large generated one (10,000 posts, 200,000 comments). Writes the report into bench/README.md.
# Traffic goes only to 127.0.0.1 and every run is bounded (DURATION seconds per measurement).
# Usage: bash bench/run.sh    (DURATION=10 WARMUP=10 CONCURRENCY="1 16 64" by default; SCALE_OUT=0 skips the
#                              PostgreSQL + Redis and two-instance part)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
# Seconds of traffic over every measured page after each start (bench/settle.lua), and of the same traffic
# before each scenario's measurements, none of it recorded: tiered compilation rewrites hot methods twice
# (instrumented, then optimised with what the instrumentation saw) and under load on two cores that takes
# 30-50 s (measured: the uncached post cost 4.0-4.6 ms of CPU a request in its first 10 s, 0.9 ms after 40 s);
# the figures are meant for a server that has been up.
export SETTLE=${SETTLE:-40} WARMUP=${WARMUP:-10}
CONCURRENCY=${CONCURRENCY:-"1 16 64"}
SCALE_OUT=${SCALE_OUT:-1}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi

work="bench/results/run-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$work"
work=$(cd "$work" && pwd)
echo "== publish (Release)"
dotnet publish src/ClinicBlog.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$work/app" --nologo -v q >/dev/null
echo "== generate the large database"
dotnet run -c Release --project bench/seed -- "$work/data-large" | tail -n 1

port_free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pid=""
settled=1
# Run from its folder, as the Docker image runs it: the folder is the content root, where appsettings.json
# (the log sinks among it) is read from.
start_app() { # data-directory output-cache(true|false) [log level: Warning (default, no request lines) or Information]
  port=$(port_free)
  local t0; t0=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Blog__DataDirectory="$1" Blog__OutputCache="$2" \
    Blog__Admin__Email=bench@clinic.local Blog__Admin__Password=Bench-password-4242 \
    Blog__Comments__RateLimitPermits=100000 Serilog__MinimumLevel__Default="${3:-Warning}" \
    bash -c 'cd "$1" && exec dotnet ClinicBlog.Web.dll --urls "$2"' _ "$work/app" "http://127.0.0.1:$port" > "$work/app-$port.log" 2>&1 &
  pid=$!; app_kind=sqlite; app_label="$(basename "$1"), cache $2${3:+, logging $3}"
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/posts/what-is-ketamine-iv-treatment"; then break; fi
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$work/app-$port.log"; echo "the app exited"; exit 1; }
    sleep 0.05
  done
  startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  settled=0
}
peak_rss_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$1/status"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
# The part of the resident set that is the process's own (anonymous: GC heaps, JIT'd code, stacks, native
# allocations); the rest is pages mapped from files (the runtime's and the app's code), shared and reclaimable.
anon_mb() { awk '/^Anonymous/ {printf "%d", $2/1024}' "/proc/$1/smaps_rollup"; }
peak_sqlite=0
stop_app() { # the highest resident set of any SQLite run is the bench's peak
  local peak; peak=$(peak_rss_mb "$pid")
  if [ "$app_kind" = sqlite ] && [ "$peak" -gt "$peak_sqlite" ]; then peak_sqlite=$peak; fi
  echo "$app_label: $peak" >> "$work/peaks.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
# Each measured page's bytes, saved for nginx: <database>-<page>.html as the app sends it without
# compression, and .html.gz beside it (gzip -9, what gzip_static sends).
save_page() { # database page url
  mkdir -p "$work/nginx/html"
  curl -fs -H "Accept-Encoding: identity" -o "$work/nginx/html/$1-$2.html" "$3"
  gzip -9 -n -c "$work/nginx/html/$1-$2.html" > "$work/nginx/html/$1-$2.html.gz"
}

# nginx, the baseline, runs from here to the end: each page's bytes as a static file, sent as they are or
# pre-compressed beside them (gzip_static). Every app measurement is followed at once by nginx sending the same
# page's bytes at the same concurrency and Accept-Encoding, so each ratio compares two figures taken seconds
# apart (this machine's speed can change by half within minutes: CPU steal).
mkdir -p "$work/nginx/logs" "$work/nginx/html"
nport=$(port_free); lport=$(port_free); xport=$(port_free)
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  default_type text/html;
  # The baseline: each page's bytes as a file, sent as they are or pre-compressed (the .gz beside it).
  server { listen 127.0.0.1:$nport; root $work/nginx/html; access_log off; gzip off; gzip_static on; }
  # The same with an access log, buffered, for the app's request-logging row.
  server { listen 127.0.0.1:$lport; root $work/nginx/html; access_log $work/nginx/logs/access.log combined buffer=64k flush=1s; gzip off; gzip_static on; }
  # Extra, for comparison with earlier reports only: compressing on every request.
  server { listen 127.0.0.1:$xport; root $work/nginx/html; access_log off; gzip on; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
trap 'nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -s stop 2>/dev/null || true' EXIT
static() { echo "http://127.0.0.1:$nport/$1-$2.html"; } # database page -> nginx's URL for that page's bytes

results="$work/results.tsv"
printf "scenario\tdatabase\tencoding\tconcurrency\treq_per_s\tp50_ms\tp99_ms\tnginx_req_per_s\tbaseline\n" > "$results"
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) {sub(/us/,"",v); printf "%.2f", v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); printf "%.2f", v} else {sub(/s/,"",v); printf "%.2f", v*1000} }'; }
# Neither side logs requests (the app's Serilog level is Warning, nginx's access_log is off) except the rows
# that say so.
measure() { # scenario database url encoding(gzip|identity) baseline-url baseline-label [wrk script]
  local encoding=$4 script=()
  [ -n "${7:-}" ] && script=(-s "$7")
  # The first measurement after a start settles the process first (after its idle memory was read).
  if [ "$settled" = 0 ]; then
    wrk -t2 -c16 -d"${SETTLE}s" -H "Accept-Encoding: gzip" -s bench/settle.lua "$(sed -E 's#^(https?://[^/]+).*#\1#' <<< "$3")" > /dev/null
    settled=1
  fi
  # Warm up (the JIT's second tier, caches): WARMUP seconds of the same traffic, not recorded.
  wrk -t2 -c16 -d"${WARMUP}s" -H "Accept-Encoding: $encoding" "${script[@]}" "$3" > /dev/null
  for c in $CONCURRENCY; do
    threads=$(( c < 2 ? 1 : 2 ))
    curl -fs -o /dev/null "$3"
    wrk -t"$threads" -c"$c" -d"${DURATION}s" --latency -H "Accept-Encoding: $encoding" "${script[@]}" "$3" > "$work/wrk.txt"
    wrk -t"$threads" -c"$c" -d"${DURATION}s" -H "Accept-Encoding: $encoding" "$5" > "$work/wrk-nginx.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
    nrps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-nginx.txt")
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$1" "$2" "$encoding" "$c" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$nrps" "$6" | tee -a "$results"
  done
}

# The reader pages, each measured with the output cache on; their bytes are saved for nginx first.
reader_pages() { # database
  local db=$1 base="http://127.0.0.1:$port"
  save_page "$db" post "$base/posts/what-is-ketamine-iv-treatment"
  save_page "$db" home "$base/"
  save_page "$db" tag "$base/tags/ketamine"
  save_page "$db" rss "$base/feed.xml"
  save_page "$db" search "$base/search?q=glutamate"
  measure "post (cached)" "$db" "$base/posts/what-is-ketamine-iv-treatment" identity "$(static "$db" post)" "nginx static: post ($db)"
  measure "post (cached)" "$db" "$base/posts/what-is-ketamine-iv-treatment" gzip "$(static "$db" post)" "nginx static: post ($db)"
  measure "home" "$db" "$base/" gzip "$(static "$db" home)" "nginx static: home ($db)"
  measure "tag page" "$db" "$base/tags/ketamine" gzip "$(static "$db" tag)" "nginx static: tag ($db)"
  measure "rss feed" "$db" "$base/feed.xml" gzip "$(static "$db" rss)" "nginx static: rss ($db)"
  # Searches are never stored in the output cache: these two are uncached work.
  measure "search (not cached)" "$db" "$base/search?q=glutamate" gzip "$(static "$db" search)" "nginx static: search ($db)"
  measure "search (unique terms)" "$db" "$base/search?q=glutamate" gzip "$(static "$db" search)" "nginx static: search ($db)" bench/unique-search.lua
}

echo "== small database (the seeded blog)"
start_app "$work/data-small" true
small_first_start_ms=$startup_ms
reader_pages small
stop_app
# A restart on the existing database: start time, then memory 3 s after its first 200 (before any load).
start_app "$work/data-small" false
small_start_ms=$startup_ms
sleep 3; idle_small=$(rss_mb "$pid"); idle_small_anon=$(anon_mb "$pid")
measure "post (cache off)" small "http://127.0.0.1:$port/posts/what-is-ketamine-iv-treatment" gzip "$(static small post)" "nginx static: post (small)"
stop_app
# What request logging costs: the default level (Information), one line per request to the console
# (asynchronous sink), here redirected to a file; nginx's counterpart writes a buffered access log.
start_app "$work/data-small" true Information
measure "post (cached), request logging on" small "http://127.0.0.1:$port/posts/what-is-ketamine-iv-treatment" gzip \
  "http://127.0.0.1:$lport/small-post.html" "nginx static, access log on: post (small)"
# nginx compressing on every request, against nginx sending the pre-compressed file: for earlier reports only.
measure "nginx gzip per request (extra): post" small "http://127.0.0.1:$xport/small-post.html" gzip "$(static small post)" "nginx static: post (small)"
stop_app

echo "== large database (10,000 posts, 200,000 comments)"
start_app "$work/data-large" true
reader_pages large
stop_app
start_app "$work/data-large" false
large_start_ms=$startup_ms
sleep 3; idle_large=$(rss_mb "$pid"); idle_large_anon=$(anon_mb "$pid")
measure "post (cache off)" large "http://127.0.0.1:$port/posts/what-is-ketamine-iv-treatment" gzip "$(static large post)" "nginx static: post (large)"
stop_app

echo "== the stack's floor: the framework's own templates, published and started as the app is"
# What the fixed stack costs before any ClinicBlog code: `dotnet new web` (an empty ASP.NET Core app) and
# `dotnet new mvc` with EF Core on SQLite (bench/floor/Program.cs: controllers, Razor views, a layout, one count
# read from the database). Built outside the repository (its Directory.*.props would apply inside it), with
# the app's EF Core version. Each is started three times: the median start, and the resident set 3 s after.
floor=$(mktemp -d /tmp/clinicblog-bench-floor.XXXXXX)
ef_version=$(sed -n 's/.*Include="Microsoft.EntityFrameworkCore.Sqlite" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
dotnet new web -n FloorWeb -o "$floor/web" >/dev/null
cp bench/floor/Web.cs "$floor/web/Program.cs"
dotnet new mvc -n FloorMvc -o "$floor/mvc" --no-https >/dev/null
cp bench/floor/Program.cs "$floor/mvc/Program.cs"; rm "$floor/mvc/Controllers/HomeController.cs"
(cd "$floor/mvc" && dotnet add package Microsoft.EntityFrameworkCore.Sqlite --version "$ef_version" >/dev/null)
floor_stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
# Starts a published template as the app is started; floor_ms is the time to its first 200.
floor_start() { # project-name dll-name [VAR=value ...]
  port=$(port_free)
  local t0; t0=$(date +%s%N)
  (cd "$floor/pub-$1" && exec env ASPNETCORE_ENVIRONMENT=Production "${@:3}" \
    dotnet "$2.dll" --urls "http://127.0.0.1:$port" > "$floor/$1.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done
  floor_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  settled=1
}
floor_measure() { # project-name dll-name -> "median-start-ms rss-mb"
  dotnet publish "$floor/$1" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$floor/pub-$1" --nologo -v q >/dev/null
  local starts=() rss=0
  for _ in 1 2 3; do
    floor_start "$1" "$2"
    starts+=("$floor_ms")
    sleep 3; rss=$(rss_mb "$pid"); floor_stop
  done
  echo "$(printf "%s\n" "${starts[@]}" | sort -n | sed -n 2p) $rss"
}
read -r floor_web_ms floor_web_rss <<< "$(floor_measure web FloorWeb)"
read -r floor_mvc_ms floor_mvc_rss <<< "$(floor_measure mvc FloorMvc)"
echo "empty app: first 200 $floor_web_ms ms, $floor_web_rss MB; MVC + EF Core SQLite template: $floor_mvc_ms ms, $floor_mvc_rss MB"
# The floor of the throughput targets, measured as the app's rows are (each figure followed by nginx sending the
# same bytes): the empty app sending the small post's bytes from memory before routing (what a cache hit costs
# on this stack before any ClinicBlog work), and the MVC template's pages (a layout and a view; one reads a count
# through EF Core) against the uncached targets. Neither logs requests, as the app's rows do not.
floor_start web FloorWeb Logging__LogLevel__Default=Warning FLOOR_PAGE="$work/nginx/html/small-post.html"
wrk -t2 -c16 -d"${SETTLE}s" "http://127.0.0.1:$port/page" > /dev/null
measure "floor: empty app, page from memory" floor "http://127.0.0.1:$port/page" identity "$(static small post)" "nginx static: post (small)"
measure "floor: empty app, page from memory" floor "http://127.0.0.1:$port/page" gzip "$(static small post)" "nginx static: post (small)"
floor_stop
floor_start mvc FloorMvc Logging__LogLevel__Default=Warning
save_page floor mvc-count "http://127.0.0.1:$port/"
save_page floor mvc-view "http://127.0.0.1:$port/Home/Privacy"
wrk -t2 -c16 -d"${SETTLE}s" "http://127.0.0.1:$port/" > /dev/null
measure "floor: MVC template, view + one EF Core count" floor "http://127.0.0.1:$port/" identity "$(static floor mvc-count)" "nginx static: the template's page"
measure "floor: MVC template, view, no database" floor "http://127.0.0.1:$port/Home/Privacy" identity "$(static floor mvc-view)" "nginx static: the template's page"
floor_stop
rm -rf "$floor"

rss_pg=-; pg_start_ms=-; copy_s=-; explain_summary="not measured (SCALE_OUT=0)"
if [ "$SCALE_OUT" = 1 ]; then
echo "== PostgreSQL + Redis (the scaled-out shape), the same large database"
# Throwaway servers (own data directory, free loopback port), never the system services.
command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); }
pgdir=$(mktemp -d /tmp/clinicblog-bench-pg.XXXXXX); chown postgres "$pgdir"
pgport=$(port_free); redisport=$(port_free)
runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# auto_explain is loaded in every session but logs nothing until the plan pass below switches it on.
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=300 -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=-1" start >/dev/null
redis-server --port "$redisport" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --pidfile "$pgdir/redis.pid" --logfile "$pgdir/redis.log"
pg="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Maximum Pool Size=100"
t0=$(date +%s%N)
ASPNETCORE_ENVIRONMENT=Production Blog__DataDirectory="$work/data-large" Serilog__MinimumLevel__Default=Warning \
  dotnet "$work/app/ClinicBlog.Web.dll" copy-to-postgresql --to "$pg" > "$work/copy.log"
copy_s=$(( ($(date +%s%N) - t0) / 1000000000 ))
tail -n 1 "$work/copy.log"
runuser -u postgres -- psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "VACUUM ANALYZE" postgres
start_pg() { # data-directory output-cache
  export Blog__Database__Provider=PostgreSql ConnectionStrings__Blog="$pg" ConnectionStrings__Redis="127.0.0.1:$redisport"
  start_app "$1" "$2"
  app_kind=pg; app_label="PostgreSQL + Redis, cache $2"
  unset Blog__Database__Provider ConnectionStrings__Blog ConnectionStrings__Redis
}
mkdir -p "$work/data-pg-a" "$work/data-pg-b"
echo "== the plans of every reader page on PostgreSQL (auto_explain, 10,000 posts, 200,000 comments)"
psql_bench() { runuser -u postgres -- psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "$1" postgres; }
psql_bench "ALTER DATABASE postgres SET auto_explain.log_min_duration = 0"
start_pg "$work/data-pg-a" false
log_from=$(wc -c < "$pgdir/log")
for path in / "/?page=300" /posts/what-is-ketamine-iv-treatment "/posts/what-is-ketamine-iv-treatment?comments=3" /tags/ketamine "/tags/ketamine?page=20" \
    "/search?q=glutamate" "/search?q=sleep+therapy&page=5" /archive /authors/editorial-team /feed.xml /atom.xml /tags/ketamine/feed.xml /sitemap.xml; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path"
done
tail -c +"$((log_from + 1))" "$pgdir/log" > "$work/explain.log"
stop_app
psql_bench "ALTER DATABASE postgres RESET auto_explain.log_min_duration"
explain_summary=$(python3 - "$work/explain.log" <<'PY'
import re, sys, collections
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
plans = [p for p in re.split(r"\n(?=\S.*LOG:  duration: )", text) if "plan:" in p]
seq = collections.Counter(m.group(1) for p in plans for m in re.finditer(r"Seq Scan on \"?(\w+)\"?", p))
big = {"Posts", "Comments", "PostTags", "PostRevisions", "AuditEntries"}
slow = sorted((float(m.group(1)), p.split("Query Text:")[1].strip().splitlines()[0][:80]) for p in plans for m in [re.search(r"duration: ([0-9.]+) ms", p)] if m)[-1:]
print(f"{len(plans)} statements; sequential scans: " + (", ".join(f"{t} ×{n}" for t, n in sorted(seq.items())) or "none")
      + f"; on the large tables ({', '.join(sorted(big))}): " + (", ".join(t for t in seq if t in big) or "none")
      + (f"; slowest {slow[0][0]:.1f} ms" if slow else ""))
PY
)
echo "$explain_summary"

start_pg "$work/data-pg-a" true
pg_start_ms=$startup_ms
base="http://127.0.0.1:$port"
measure "post (cached)" "large, PostgreSQL+Redis" "$base/posts/what-is-ketamine-iv-treatment" gzip "$(static large post)" "nginx static: post (large)"
measure "home" "large, PostgreSQL+Redis" "$base/" gzip "$(static large home)" "nginx static: home (large)"
measure "search (not cached)" "large, PostgreSQL+Redis" "$base/search?q=glutamate" gzip "$(static large search)" "nginx static: search (large)"
rss_pg=$(peak_rss_mb "$pid")
stop_app
start_pg "$work/data-pg-a" false
measure "post (cache off)" "large, PostgreSQL" "http://127.0.0.1:$port/posts/what-is-ketamine-iv-treatment" gzip "$(static large post)" "nginx static: post (large)"
measure "search (unique terms)" "large, PostgreSQL" "http://127.0.0.1:$port/search?q=glutamate" gzip "$(static large search)" "nginx static: search (large)" bench/unique-search.lua
stop_app

echo "== two instances behind nginx (PostgreSQL + Redis)"
start_pg "$work/data-pg-a" true; pid_a=$pid; port_a=$port
start_pg "$work/data-pg-b" true; pid_b=$pid; port_b=$port
mkdir -p "$work/proxy/logs"
pxport=$(port_free)
cat > "$work/proxy/nginx.conf" <<CONF
worker_processes 2;
pid $work/proxy/nginx.pid;
error_log $work/proxy/logs/error.log;
events { worker_connections 2048; }
http {
  access_log off;
  upstream blog { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; keepalive 64; }
  server {
    listen 127.0.0.1:$pxport;
    location / {
      proxy_pass http://blog; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
nginx -c "$work/proxy/nginx.conf" -p "$work/proxy"
measure "post (cached)" "2 instances + nginx" "http://127.0.0.1:$pxport/posts/what-is-ketamine-iv-treatment" gzip "$(static large post)" "nginx static: post (large)"
measure "search (unique terms)" "2 instances + nginx" "http://127.0.0.1:$pxport/search?q=glutamate" gzip "$(static large search)" "nginx static: search (large)" bench/unique-search.lua
nginx -c "$work/proxy/nginx.conf" -p "$work/proxy" -s stop
kill "$pid_a" "$pid_b"; wait "$pid_a" "$pid_b" 2>/dev/null || true
start_pg "$work/data-pg-a" false; pid_a=$pid; port_a=$port
start_pg "$work/data-pg-b" false; pid_b=$pid; port_b=$port
sed -i "s/server 127.0.0.1:[0-9]*; server 127.0.0.1:[0-9]*;/server 127.0.0.1:$port_a; server 127.0.0.1:$port_b;/" "$work/proxy/nginx.conf"
nginx -c "$work/proxy/nginx.conf" -p "$work/proxy"
measure "post (cache off)" "2 instances + nginx" "http://127.0.0.1:$pxport/posts/what-is-ketamine-iv-treatment" gzip "$(static large post)" "nginx static: post (large)"
nginx -c "$work/proxy/nginx.conf" -p "$work/proxy" -s stop
kill "$pid_a" "$pid_b"; wait "$pid_a" "$pid_b" 2>/dev/null || true
kill "$(cat "$pgdir/redis.pid")"
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null
rm -rf "$pgdir"
fi

nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -s stop; trap - EXIT
sizes=$(cd "$work/nginx/html" && for f in *.html; do printf "%s=%s/%s " "${f%.html}" "$(stat -c %s "$f")" "$(stat -c %s "$f.gz")"; done)

echo "== report"
python3 bench/report.py "$results" "$DURATION" "$idle_small" "$idle_large" "$peak_sqlite" "$small_first_start_ms" "$small_start_ms" "$large_start_ms" \
  "$rss_pg" "$pg_start_ms" "$copy_s" "$explain_summary" "$sizes" "$(cat "$work/peaks.txt")" "$idle_small_anon" "$idle_large_anon" \
  "$floor_web_ms" "$floor_web_rss" "$floor_mvc_ms" "$floor_mvc_rss" > "$work/report.md"
cat "$work/report.md"
cp "$work/report.md" bench/results/latest.md
# bench/README.md's results section is this report, written by the run itself.
python3 - "$work/report.md" bench/README.md <<'PY'
import sys, re
report, readme = open(sys.argv[1]).read(), open(sys.argv[2]).read()
start, end = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
assert start in readme and end in readme, "bench/README.md lost its results markers"
head, rest = readme.split(start, 1)
open(sys.argv[2], "w").write(head + start + "\n" + report.strip() + "\n" + end + rest.split(end, 1)[1])
PY
rm -rf "$work/app" "$work/data-large" "$work/data-small"
