#!/usr/bin/env bash
# Runs CMD... with a throwaway PostgreSQL server: a new cluster in a temporary folder, listening on
# loopback only, stopped and deleted afterwards. CMD sees POLICY_CHECKER_TEST_PG_URL, a superuser
# URL of an empty database on it (tests create their own databases from there).
#
#   scripts/with_postgres.sh .venv/bin/python -m pytest tests/db
#
# Needs Debian's postgresql package (initdb, pg_ctl). Without it, CMD runs without the variable and
# the PostgreSQL tests skip, or fail when CI=true. As root, the server runs as the postgres user
# (initdb refuses to run as root).
set -euo pipefail
(($#)) || { echo "usage: $0 CMD [ARG...]" >&2; exit 2; }

bindir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  echo "with_postgres: no PostgreSQL server installed (apt-get install postgresql); running without" >&2
  exec "$@"
fi

as_server_user=()
if [[ $(id -u) -eq 0 ]]; then
  id -u postgres >/dev/null 2>&1 || { echo "with_postgres: no postgres user to run the server" >&2; exit 1; }
  as_server_user=(runuser -u postgres --)
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/policy-checker-pg.XXXXXX")
chmod 755 "$workdir"
[[ ${#as_server_user[@]} -eq 0 ]] || chown postgres "$workdir"
data=$workdir/data

stop_server() {
  if [[ -f $data/postmaster.pid ]]; then
    "${as_server_user[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
}
trap stop_server EXIT INT TERM

"${as_server_user[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 \
  || { cat "$workdir/initdb.log" >&2; exit 1; }

# A throwaway server: durability settings off for speed, loopback and a private socket folder only.
started=0
for _ in 1 2 3 4 5; do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if "${as_server_user[@]}" "$bindir/pg_ctl" -D "$data" -l "$workdir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start >/dev/null; then
    started=1
    break
  fi
done
((started)) || { echo "with_postgres: the server did not start" >&2; cat "$workdir/server.log" >&2; exit 1; }

"$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc \
  "CREATE DATABASE policy_checker_test" >/dev/null
export POLICY_CHECKER_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/policy_checker_test"
echo "with_postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2

status=0
"$@" || status=$?
exit "$status"
