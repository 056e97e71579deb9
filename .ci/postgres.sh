#!/usr/bin/env bash
# Starts PostgreSQL 15 for the tests and prints the settings they read:
#
#   eval "$(.ci/postgres.sh)"      # then: mvn -B verify -Dcandela.requireExternalTools=true
#
# Installs Debian's postgresql and postgresql-15-postgis-3 when missing (needs root and the Debian
# mirror), starts cluster 15/main with pg_ctlcluster (no systemd needed), creates the role and the
# test database if they do not exist, waits until the server accepts connections, and prints
# `export CANDELA_TEST_POSTGRES_URL/USER/PASSWORD=...` lines on stdout. Everything else goes to
# stderr. Safe to run again: it only starts what is not running and creates what is missing.
#
# Settings (environment): CANDELA_PG_USER (candela), CANDELA_PG_PASSWORD (candela),
# CANDELA_PG_DATABASE (candela_test), CANDELA_PG_READY_SECONDS (60).
set -euo pipefail

PG_VERSION=15
PG_CLUSTER=main
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
POSTGIS_CONTROL="/usr/share/postgresql/${PG_VERSION}/extension/postgis.control"
DB_USER="${CANDELA_PG_USER:-candela}"
DB_PASSWORD="${CANDELA_PG_PASSWORD:-candela}"
DB_NAME="${CANDELA_PG_DATABASE:-candela_test}"
READY_SECONDS="${CANDELA_PG_READY_SECONDS:-60}"

log() { echo "postgres.sh: $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

psql_admin() {
    PGOPTIONS='-c client_min_messages=warning' as_postgres psql --no-psqlrc -v ON_ERROR_STOP=1 -q -X "$@"
}

install_packages() {
    if command -v pg_ctlcluster >/dev/null && [ -x "${PG_BIN}/postgres" ] && [ -f "${POSTGIS_CONTROL}" ]; then
        return
    fi
    [ "$(id -u)" = 0 ] || fail "PostgreSQL ${PG_VERSION} or PostGIS is missing and installing needs root"
    log "installing postgresql-${PG_VERSION} and postgresql-${PG_VERSION}-postgis-3"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql "postgresql-${PG_VERSION}" \
        "postgresql-${PG_VERSION}-postgis-3" >&2
}

cluster_field() { # $1: column of pg_lsclusters (3 = port, 4 = status)
    pg_lsclusters --no-header | awk -v v="${PG_VERSION}" -v c="${PG_CLUSTER}" -v f="$1" '$1 == v && $2 == c { print $f }'
}

start_cluster() {
    if [ -z "$(cluster_field 1)" ]; then
        log "creating cluster ${PG_VERSION}/${PG_CLUSTER}"
        pg_createcluster "${PG_VERSION}" "${PG_CLUSTER}" >&2
    fi
    if [ "$(cluster_field 4)" = online ]; then
        log "cluster ${PG_VERSION}/${PG_CLUSTER} already running"
        return
    fi
    log "starting cluster ${PG_VERSION}/${PG_CLUSTER}"
    # pg_ctlcluster needs the socket directory, which a fresh container's tmpfs may lack.
    install -d -o postgres -g postgres -m 2775 /var/run/postgresql 2>/dev/null || true
    pg_ctlcluster "${PG_VERSION}" "${PG_CLUSTER}" start >&2 \
        || { tail -n 30 "/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log" >&2 || true; \
             fail "cluster ${PG_VERSION}/${PG_CLUSTER} did not start"; }
}

wait_until_ready() { # $1: port
    local deadline=$((SECONDS + READY_SECONDS))
    until pg_isready -q -h 127.0.0.1 -p "$1" -t 2; do
        [ "${SECONDS}" -lt "${deadline}" ] || fail "PostgreSQL not ready on 127.0.0.1:$1 after ${READY_SECONDS} s"
        sleep 0.5
    done
    log "PostgreSQL ready on 127.0.0.1:$1"
}

create_role_and_database() {
    # Passed as psql variables so the password needs no shell or SQL quoting here.
    psql_admin -v user="${DB_USER}" -v password="${DB_PASSWORD}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SQL
    psql_admin -v user="${DB_USER}" -v db="${DB_NAME}" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
    if [ -f "${POSTGIS_CONTROL}" ]; then
        psql_admin -d "${DB_NAME}" -c 'CREATE EXTENSION IF NOT EXISTS postgis'
    fi
    log "role ${DB_USER} and database ${DB_NAME} ready"
}

main() {
    install_packages
    start_cluster
    local port
    port="$(cluster_field 3)"
    [ -n "${port}" ] || fail "cannot read the port of cluster ${PG_VERSION}/${PG_CLUSTER}"
    wait_until_ready "${port}"
    create_role_and_database
    printf "export CANDELA_TEST_POSTGRES_URL=%q\n" "jdbc:postgresql://127.0.0.1:${port}/${DB_NAME}"
    printf "export CANDELA_TEST_POSTGRES_USER=%q\n" "${DB_USER}"
    printf "export CANDELA_TEST_POSTGRES_PASSWORD=%q\n" "${DB_PASSWORD}"
}

main "$@"
