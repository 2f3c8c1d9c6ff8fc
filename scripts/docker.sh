#!/usr/bin/env bash
# A local Docker engine and the test/sample images, for tests and local runs. No registry and no network here.
#
#   bash scripts/docker.sh start             install docker.io if dockerd is missing, start an engine when none answers
#   bash scripts/docker.sh stop              stop the engine `start` started (never one that was already running)
#   bash scripts/docker.sh images [--rebuild]  build the actors/* images from busybox when missing (--rebuild: all again)
#   bash scripts/docker.sh status            say whether an engine answers and which actors/* images exist
#
# Environment:
#   ACTORS_DOCKER_STATE  directory holding the engine's log and recorded pid (default /tmp/actors-docker)
#
# The engine listens on the standard socket, unix:///var/run/docker.sock, where the adapter looks by default. It runs
# without a bridge, iptables rules or masquerading: every container of this project runs with network mode `none`,
# so the engine needs no network of its own, and it must not touch the machine's firewall.
set -euo pipefail

readonly STATE="${ACTORS_DOCKER_STATE:-/tmp/actors-docker}"
readonly SOCKET=/var/run/docker.sock
readonly HOST="unix://$SOCKET"
# Written into the state dir by `start` once it has started dockerd: `stop` only ever stops an engine carrying it.
readonly MARKER="$STATE/.actors-docker"
readonly PID_FILE="$STATE/dockerd.pid"
readonly LOG_FILE="$STATE/dockerd.log"
readonly START_TIMEOUT_SECONDS=60
readonly STOP_TIMEOUT_SECONDS=30

# The images `images` builds: name, then the --change instructions that make it what it is. All of them share one
# busybox root filesystem (so the engine stores its layer once) and run as nobody (65534): jobs are unprivileged.
readonly IMAGES=(
  actors/busybox:latest
  actors/cat:latest
  actors/upper:latest
  actors/sleep:latest
  actors/exit:latest
  actors/large-output:latest
  actors/memhog:latest
  actors/forkbomb:latest
  actors/network:latest
)

log() { printf 'docker.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The --change instructions of one image (one per line).
image_changes() {
  case "$1" in
    actors/busybox:latest) printf '%s\n' 'CMD ["sh"]' ;;
    actors/cat:latest) printf '%s\n' 'CMD ["cat"]' ;;
    actors/upper:latest) printf '%s\n' 'CMD ["tr", "a-z", "A-Z"]' ;;
    # The entrypoint stays; a run's command replaces only the default argument (for example ["1"] sleeps 1 s).
    actors/sleep:latest) printf '%s\n' 'ENTRYPOINT ["sleep"]' 'CMD ["3600"]' ;;
    # Reads its input first (so a writer never meets a closed pipe), then fails with a line on stderr.
    actors/exit:latest) printf '%s\n' 'CMD ["sh", "-c", "cat >/dev/null; echo failing >&2; exit 3"]' ;;
    actors/large-output:latest) printf '%s\n' 'CMD ["head", "-c", "20971520", "/dev/zero"]' ;;
    # dd's 512 MiB block buffer is touched as it reads: far beyond the small limits the tests set.
    actors/memhog:latest) printf '%s\n' 'CMD ["dd", "if=/dev/zero", "of=/dev/null", "bs=512M", "count=1"]' ;;
    actors/forkbomb:latest) printf '%s\n' 'ENTRYPOINT ["/usr/local/bin/forkbomb"]' 'CMD ["10000"]' ;;
    actors/network:latest) printf '%s\n' 'ENTRYPOINT ["/usr/local/bin/network-probe"]' 'CMD []' ;;
    *) die "unknown image $1" ;;
  esac
}

docker_cli() {
  command -v docker >/dev/null || die "the docker client is not installed (Debian package docker.io)."
  docker -H "$HOST" "$@"
}

# 0 when an engine answers on the socket (bounded: a hung engine counts as not answering).
answers() {
  [[ -S "$SOCKET" ]] || return 1
  command -v docker >/dev/null || return 1
  timeout 10 docker -H "$HOST" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# The pid dockerd wrote into its own pid file, when that process is a dockerd.
pidfile_pid() {
  local pid
  pid="$(cat /var/run/docker.pid 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ && "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == dockerd ]] || return 1
  printf '%s\n' "$pid"
}

# The pid of the dockerd `start` started, when that process is still a dockerd.
owned_pid() {
  [[ -f "$MARKER" && -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  # The pid alone could have been reused by another process since; its command name ties it to dockerd.
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == dockerd ]] || return 1
  printf '%s\n' "$pid"
}

ensure_installed() {
  if command -v dockerd >/dev/null && command -v docker >/dev/null; then
    return
  fi

  [[ $EUID -eq 0 ]] || die "Docker is not installed and installing it needs root: run 'apt-get install -y docker.io' as root."
  log "dockerd not found; installing Debian's docker.io package"
  # The package lists may be stale or absent on a fresh machine; refresh them only when the install fails.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io
  fi
  command -v dockerd >/dev/null || die "apt-get installed docker.io but there is still no dockerd on PATH."
}

cmd_start() {
  local pid engine_pid
  if answers; then
    if pid="$(owned_pid)"; then
      log "already running (dockerd pid $pid, started by this script, log in $LOG_FILE)"
    else
      log "a Docker engine already answers on $HOST; reusing it (not started by this script, so 'stop' will leave it running)"
    fi
    return
  fi

  ensure_installed
  [[ $EUID -eq 0 ]] || die "starting dockerd needs root."

  if pid="$(owned_pid)"; then
    die "dockerd (pid $pid) started by this script runs but does not answer on $HOST; see $LOG_FILE, or run 'stop' first."
  fi

  mkdir -p "$STATE"
  touch "$MARKER"
  rm -f "$PID_FILE"
  log "starting dockerd (log in $LOG_FILE)"
  # setsid + nohup: the engine outlives this script and the shell that ran it; stdin from /dev/null so it never
  # holds a caller's terminal or pipe open.
  setsid nohup dockerd \
    --host "$HOST" \
    --bridge=none \
    --iptables=false \
    --ip-masq=false \
    >"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"

  local deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until answers; do
    # $! is dockerd itself unless setsid had to fork (when this shell runs with job control); then the pid file tells.
    if ! kill -0 "$pid" 2>/dev/null && ! pidfile_pid >/dev/null; then
      log "dockerd exited during start; its log:"
      tail -n 40 "$LOG_FILE" >&2 || true
      die "the Docker engine did not start."
    fi
    if ((SECONDS >= deadline)); then
      log "dockerd did not answer within ${START_TIMEOUT_SECONDS} s; its log:"
      tail -n 40 "$LOG_FILE" >&2 || true
      die "the Docker engine (pid $pid) did not become ready; 'stop' stops it."
    fi
    sleep 0.2
  done
  if engine_pid="$(pidfile_pid)"; then
    pid="$engine_pid"
    printf '%s\n' "$pid" >"$PID_FILE"
  fi
  log "started dockerd (pid $pid, engine $(docker_cli version --format '{{.Server.Version}}, API {{.Server.APIVersion}}')) on $HOST"
}

# Waits up to $2 seconds for process $1 to end; 0 when it ended.
wait_gone() {
  local pid="$1" deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

cmd_stop() {
  local pid
  if ! pid="$(owned_pid)"; then
    if answers; then
      log "a Docker engine answers on $HOST but was not started by this script; leaving it running"
    else
      log "nothing to stop: no engine started by this script runs"
    fi
    rm -f "$PID_FILE"
    return
  fi

  log "stopping dockerd (pid $pid)"
  kill -TERM "$pid"
  if ! wait_gone "$pid" "$STOP_TIMEOUT_SECONDS"; then
    log "dockerd did not stop within ${STOP_TIMEOUT_SECONDS} s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "dockerd (pid $pid) survived SIGKILL."
    # A killed dockerd cannot stop the containerd it manages; stop that one too (only when it is a containerd).
    local containerd_pid
    containerd_pid="$(cat /var/run/docker/containerd/containerd.pid 2>/dev/null || true)"
    if [[ "$containerd_pid" =~ ^[0-9]+$ && "$(cat "/proc/$containerd_pid/comm" 2>/dev/null || true)" == containerd ]]; then
      kill -TERM "$containerd_pid" 2>/dev/null || true
    fi
  fi
  rm -f "$PID_FILE"
  log "stopped dockerd (pid $pid)"
}

# Makes the shared root filesystem tarball: static busybox, a symlink per applet in /bin, an empty /tmp, a passwd
# with root and nobody, and the two helper scripts of the forkbomb and network images.
make_rootfs() {
  local out="$1" root
  if [[ ! -x /bin/busybox ]]; then
    [[ $EUID -eq 0 ]] || die "/bin/busybox is missing and installing busybox-static needs root."
    log "/bin/busybox not found; installing Debian's busybox-static package"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y busybox-static; then
      apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y busybox-static
    fi
  fi
  # A dynamically linked busybox would not run in an image without a libc.
  if command -v file >/dev/null && file -L /bin/busybox | grep -q 'dynamically linked'; then
    die "/bin/busybox is dynamically linked; install busybox-static."
  fi

  root="$(mktemp -d "$STATE/rootfs.XXXXXX")"
  # mktemp makes the directory 0700; as the image's / it must be traversable by nobody.
  chmod 0755 "$root"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/usr/local/bin"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do
    [[ "$applet" == busybox ]] || ln -s busybox "$root/bin/$applet"
  done
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/etc/group"

  # Forks up to $1 background sleeps (default 10000) and reports how many it got before the first fork failed.
  # ash exits on a failed fork, so the count is reported by the EXIT trap; echo is a builtin and needs no fork.
  # When it ends, the container's init (this shell) is gone and the kernel kills the remaining sleeps.
  cat >"$root/usr/local/bin/forkbomb" <<'EOF'
#!/bin/sh
limit="${1:-10000}"
forked=0
trap 'echo "forked $forked of $limit"' EXIT
while [ "$forked" -lt "$limit" ]; do
  sleep 600 &
  forked=$((forked + 1))
done
EOF

  # Lists the interfaces it sees and tries http://127.0.0.1:$PORT/ (argument 1 or the PORT variable). Exits 0 only
  # when it reached it. Loopback only: with network mode none this is the container's own loopback.
  cat >"$root/usr/local/bin/network-probe" <<'EOF'
#!/bin/sh
port="${1:-${PORT:-}}"
if [ -z "$port" ]; then
  echo "usage: network-probe PORT (or set PORT)" >&2
  exit 2
fi
echo "interfaces: $(sed -n 's/^ *\([^:]*\):.*/\1/p' /proc/net/dev | tr '\n' ' ')"
if wget -T 2 -q -O- "http://127.0.0.1:$port/" >/dev/null 2>&1; then
  echo "reached 127.0.0.1:$port"
  exit 0
fi
echo "unreachable 127.0.0.1:$port"
exit 1
EOF
  chmod 0755 "$root/usr/local/bin/forkbomb" "$root/usr/local/bin/network-probe"

  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$out" .
  rm -rf -- "$root"
}

image_exists() {
  docker_cli image inspect "$1" >/dev/null 2>&1
}

cmd_images() {
  local rebuild=0
  case "${1:-}" in
    '') ;;
    --rebuild) rebuild=1 ;;
    *) die "unknown option '$1' (images takes only --rebuild)" ;;
  esac
  answers || die "no Docker engine answers on $HOST; run 'bash scripts/docker.sh start' first."

  mkdir -p "$STATE"
  local tarball="" image
  for image in "${IMAGES[@]}"; do
    if ((rebuild == 0)) && image_exists "$image"; then
      log "$image exists"
      printf '%s\n' "$image"
      continue
    fi
    if [[ -z "$tarball" ]]; then
      tarball="$(mktemp "$STATE/rootfs.XXXXXX.tar")"
      make_rootfs "$tarball"
    fi
    local changes=(--change 'USER 65534' --change 'ENV PATH=/usr/local/bin:/bin')
    local change
    while IFS= read -r change; do
      changes+=(--change "$change")
    done < <(image_changes "$image")
    local previous
    previous="$(docker_cli image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
    docker_cli import "${changes[@]}" --message "built by scripts/docker.sh" "$tarball" "$image" >/dev/null
    # A rebuilt image leaves its predecessor untagged; remove it unless a container still uses it.
    if [[ -n "$previous" && "$previous" != "$(docker_cli image inspect --format '{{.Id}}' "$image")" ]]; then
      docker_cli image rm "$previous" >/dev/null 2>&1 || true
    fi
    log "built $image"
    printf '%s\n' "$image"
  done
  if [[ -n "$tarball" ]]; then
    rm -f -- "$tarball"
  fi
}

cmd_status() {
  if ! answers; then
    log "no Docker engine answers on $HOST"
    return 1
  fi
  local pid owner="not started by this script"
  if pid="$(owned_pid)"; then
    owner="dockerd pid $pid, started by this script"
  fi
  log "an engine answers on $HOST ($(docker_cli version --format '{{.Server.Version}}, API {{.Server.APIVersion}}'); $owner)"
  local image missing=0
  for image in "${IMAGES[@]}"; do
    if image_exists "$image"; then
      printf '%s\n' "$image"
    else
      log "missing: $image"
      missing=1
    fi
  done
  ((missing == 0)) || log "run 'bash scripts/docker.sh images' to build the missing images"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  images) cmd_images "${2:-}" ;;
  status) cmd_status ;;
  *)
    printf 'usage: %s start|stop|images [--rebuild]|status\n' "$0" >&2
    exit 2
    ;;
esac
