# Shared shell functions: install what pdmon needs and run an embedded PostgreSQL.
# Sourced by scripts/test, scripts/demo and scripts/bench. Not meant to be run directly.

# Finds the folder with initdb/pg_ctl (Debian keeps them outside PATH).
pdmon_pg_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"; return 0
    fi
    return 1
}

# Installs PostgreSQL, libpq-dev and zlib1g-dev (ZIPFoundation inflates with zlib) with apt-get
# when they are missing.
pdmon_ensure_packages() {
    local need=""
    pdmon_pg_bindir >/dev/null || need="$need postgresql"
    command -v psql >/dev/null 2>&1 || need="$need postgresql-client"
    { [ -f /usr/include/postgresql/libpq-fe.h ] && pkg-config --exists libpq 2>/dev/null; } || need="$need libpq-dev pkg-config"
    [ -f /usr/include/zlib.h ] || need="$need zlib1g-dev"
    command -v python3 >/dev/null 2>&1 || need="$need python3"
    [ -z "$need" ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "pdmon: missing:$need. Install them (Debian: apt-get install -y$need) and retry." >&2
        echo "pdmon: не хватает:$need. Установите их и повторите." >&2
        return 1
    fi
    echo "pdmon: installing$need with apt-get ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q $need >&2
}

# The unprivileged user that runs the server (initdb refuses root).
pdmon_pg_user() {
    if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
    if id postgres >/dev/null 2>&1; then echo postgres; return; fi
    useradd --system --no-create-home --shell /usr/sbin/nologin pdmon-pg 2>/dev/null || true
    echo pdmon-pg
}

# Runs a command as the server user.
pdmon_as_pg_user() {
    local user; user=$(pdmon_pg_user)
    if [ "$(id -u)" -eq 0 ]; then
        su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

# Prints a free TCP port on 127.0.0.1.
pdmon_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# pdmon_port_is_free PORT: whether nothing listens on 127.0.0.1:PORT.
pdmon_port_is_free() {
    python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.close()' "$1" 2>/dev/null
}

# pdmon_pg_start DIR [throwaway]
# Initialises (once) and starts a server whose data lives in DIR/data, on a free local port
# (PDMON_PG_PREFERRED_PORT when it is set and free, so a saved connection keeps working).
# Sets PDMON_PG_PORT and PDMON_PG_URL. "throwaway" turns off durability for speed (tests only).
# PDMON_PG_OPTIONS: more server options (e.g. "-c shared_preload_libraries=citus").
pdmon_pg_start() {
    local dir=$1 mode=${2:-durable} bindir user port
    bindir=$(pdmon_pg_bindir) || { echo "pdmon: PostgreSQL server binaries not found" >&2; return 1; }
    user=$(pdmon_pg_user)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown "$user" "$dir"; fi
    if ! pdmon_as_pg_user test -w "$dir"; then
        echo "pdmon: $user cannot write $dir (a parent folder is closed to it)" >&2
        return 1
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        pdmon_as_pg_user "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
            --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; return 1; }
    fi
    if [ -n "${PDMON_PG_PREFERRED_PORT:-}" ] && pdmon_port_is_free "$PDMON_PG_PREFERRED_PORT"; then
        port=$PDMON_PG_PREFERRED_PORT
    else
        port=$(pdmon_free_port)
    fi
    local options="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' ${PDMON_PG_OPTIONS:-}"
    if [ "$mode" = throwaway ]; then
        options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    fi
    pdmon_as_pg_user "$bindir/pg_ctl" -D "$dir/data" -o "$options" -l "$dir/server.log" -w -t 60 start >/dev/null \
        || { tail -20 "$dir/server.log" >&2; return 1; }
    echo "$port" > "$dir/port"
    PDMON_PG_PORT=$port
    PDMON_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
    export PDMON_PG_PORT PDMON_PG_URL
}

# pdmon_pg_stop DIR: stops the server started by pdmon_pg_start (quietly if it is not running).
pdmon_pg_stop() {
    local dir=$1 bindir
    bindir=$(pdmon_pg_bindir) || return 0
    [ -f "$dir/data/postmaster.pid" ] || return 0
    pdmon_as_pg_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}
