#!/usr/bin/env bash
# WordPress import benchmark: generates exports (1,000 posts / 10,000 comments and 10,000 posts /
# 100,000 comments, bench/wordpress-export.py), imports each into a fresh data directory with the
# published app's import-wordpress command, then imports the large one again (everything already there).
# Reports wall time, items per second and peak RSS (VmHWM, from /usr/bin/time) for the default
# (Server) GC and for Workstation GC. Local only: no network traffic.
# Usage: bash bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v /usr/bin/time >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

work="bench/results/import-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$work"
work=$(cd "$work" && pwd)
echo "== publish (Release)"
dotnet publish src/ClinicBlog.Web -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$work/app" --nologo -v q >/dev/null
echo "== generate exports"
python3 bench/wordpress-export.py "$work/small.xml" 1000 10000
python3 bench/wordpress-export.py "$work/large.xml" 10000 100000

printf "| export | run | GC | seconds | posts/s | comments/s | peak RSS MB |\n|---|---|---|---:|---:|---:|---:|\n" > "$work/results.md"
run() { # label export data-directory gc(server|workstation) run-label
  local gc_env=1; [ "$4" = workstation ] && gc_env=0
  (cd "$work/app" && DOTNET_gcServer=$gc_env Serilog__MinimumLevel__Default=Warning \
    /usr/bin/time -v dotnet ClinicBlog.Web.dll import-wordpress "$2" --Blog:DataDirectory="$3" > "$3.out" 2> "$3.time")
  local seconds posts comments rss
  seconds=$(awk '/^Imported from/ {print $(NF-1)}' "$3.out")
  posts=$(grep -oE '^[0-9]+ posts imported' "$3.out" | grep -oE '^[0-9]+')
  comments=$(grep -oE '[0-9]+ comments imported' "$3.out" | grep -oE '^[0-9]+')
  [ "$posts" = 0 ] && posts=$(grep -oE '[0-9]+ already here; [0-9]+ pages' "$3.out" | grep -oE '^[0-9]+')
  [ "$comments" = 0 ] && comments=$(grep -oE '[0-9]+ already here, [0-9]+ skipped' "$3.out" | grep -oE '^[0-9]+')
  rss=$(awk '/Maximum resident set size/ {printf "%d", $NF/1024}' "$3.time")
  printf "| %s | %s | %s | %s | %s | %s | %s |\n" "$1" "$5" "$4" "$seconds" \
    "$(awk -v n="$posts" -v s="$seconds" 'BEGIN {printf "%d", n/s}')" "$(awk -v n="$comments" -v s="$seconds" 'BEGIN {printf "%d", n/s}')" "$rss" | tee -a "$work/results.md"
}
run "1,000 posts / 10,000 comments" "$work/small.xml" "$work/data-small" server "first import"
run "10,000 posts / 100,000 comments" "$work/large.xml" "$work/data-large" server "first import"
run "10,000 posts / 100,000 comments" "$work/large.xml" "$work/data-large" server "again (all already here)"
run "10,000 posts / 100,000 comments" "$work/large.xml" "$work/data-large-ws" workstation "first import"
echo "Export sizes: small $(du -m "$work/small.xml" | cut -f1) MB, large $(du -m "$work/large.xml" | cut -f1) MB; results in $work/results.md"
