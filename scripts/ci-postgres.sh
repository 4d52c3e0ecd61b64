#!/usr/bin/env bash
# ci-postgres.sh: installs (when missing) and starts a local PostgreSQL for the tests, on a Debian
# or Ubuntu machine, as root. Idempotent: safe to run again on a machine where it already ran.
#
# It creates a login role that may create databases (each test gets a fresh database) and allows
# password login on 127.0.0.1. Progress goes to standard error; standard output is only the export
# lines, also written to $QCL_TEST_POSTGRES_ENV_FILE (default /tmp/qcl-test-postgres.env), so:
#
#   eval "$(scripts/ci-postgres.sh)"      # or: scripts/ci-postgres.sh >/dev/null; . /tmp/qcl-test-postgres.env
#   mvn -B verify                         # the PostgreSQL variants of the tests now run too
set -euo pipefail

user="${QCL_TEST_POSTGRES_USER:-qcl_test}"
password="${QCL_TEST_POSTGRES_PASSWORD:-qcl-test-only-password}"
env_file="${QCL_TEST_POSTGRES_ENV_FILE:-/tmp/qcl-test-postgres.env}"

say() { echo "ci-postgres: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "run me as root (I install packages and manage the cluster)"
  exit 2
fi
case "$user" in
  *[!a-z0-9_]* | '') say "QCL_TEST_POSTGRES_USER must be lower-case letters, digits and _"; exit 2 ;;
esac
case "$password" in
  *\'*) say "QCL_TEST_POSTGRES_PASSWORD must not contain a single quote"; exit 2 ;;
esac

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  say "installing postgresql ..."
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  say "creating cluster $version/main ..."
  pg_createcluster "$version" main >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"

# Password (md5 or scram) login over TCP on the loopback addresses; Debian's default already has it.
hba="/etc/postgresql/$version/main/pg_hba.conf"
if ! grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+(scram-sha-256|md5)' "$hba"; then
  say "allowing password login on 127.0.0.1 in $hba"
  echo "host    all    all    127.0.0.1/32    scram-sha-256" >>"$hba"
  pg_ctlcluster "$version" main reload >&2 2>/dev/null || true
fi

if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  say "starting cluster $version/main on port $port ..."
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  if runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 1
done
runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$port" || { say "PostgreSQL did not come up"; exit 1; }

runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE $user LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE $user LOGIN CREATEDB PASSWORD '$password';
  END IF;
END
\$\$;
-- DROP DATABASE ... WITH (FORCE) at the end of each test must be able to end every session on that
-- database, an autovacuum worker's too (it runs as another role)
GRANT pg_signal_backend TO $user;
SQL

exports="export QCL_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$port/postgres
export QCL_TEST_POSTGRES_USER=$user
export QCL_TEST_POSTGRES_PASSWORD='$password'"
(umask 077 && printf '%s\n' "$exports" >"$env_file")
say "PostgreSQL $version ready on 127.0.0.1:$port, role $user; exports written to $env_file"
printf '%s\n' "$exports"
