#!/usr/bin/env bash
# try-image.sh: runs the container image without a Docker engine, to show that it works: the
# image tarball's layers unpacked in order into a folder, its entry point run there with chroot as
# the image's user, with its environment and working directory, in new mount and PID namespaces.
# A host folder stands in for the PersistentVolumeClaim, bind-mounted on the image's home
# (/var/lib/qcl); the rest of the image is read-only but for an empty /tmp, as in cronjob.yaml.
# Needs root, python3, util-linux and iproute2; not part of the build or of CI.
#
#   scripts/image/try-image.sh [IMAGE.tar]        # default: target/qcl-image.tar (Jib's, OCI or Docker)
#
# What it runs, each a new container process on the same home folder:
#   qcl --help; qcl demo; qcl sandbox in the background (on 127.0.0.1, every answer 1 s late); qcl
#   validate against it; qcl run killed with SIGKILL halfway, as a pod on a failed node; qcl status;
#   qcl run again with the same label, as the CronJob's retry (it continues the run); qcl status.
#   As in cronjob.yaml: the sheet on a read-only ConfigMap-like mount at /sheets, the tenant and the
#   key (the sandbox's) in QLIK_TENANT_URL and QLIK_API_KEY, the run's arguments, the host name.
# By default everything runs in a network namespace of its own with only a loopback interface, so
# the image can reach nothing else. With SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) naming a
# PostgreSQL server on 127.0.0.1 or localhost, the job repository is that database instead of the
# H2 file on the home folder, and the host's loopback is shared to reach it.
# Output: on the terminal, and in target/try-image/ (the log, and the home folder as left).
set -euo pipefail

if [ "${1:-}" = "__inside" ]; then
  # --- inside the namespaces: PID 1 of a new PID namespace, so every process ends with it ---
  shift
  work="$1"; private_net="$2"
  rootfs="$work/rootfs"; home="$work/home"
  mount --make-rprivate /
  [ "$private_net" = 1 ] && ip link set lo up
  volume="$(cat "$work/volume")"
  mkdir -p "$rootfs$volume" "$rootfs/tmp" "$rootfs/sheets" && touch "$rootfs/etc/hosts"
  # the image read-only, as cronjob.yaml's readOnlyRootFilesystem; writable: the home volume and /tmp
  mount --bind "$rootfs" "$rootfs" && mount -o remount,bind,ro "$rootfs"
  mount -t proc proc "$rootfs/proc"
  mount -t tmpfs -o mode=755,nosuid dev "$rootfs/dev"
  for node in null zero full random urandom tty; do
    touch "$rootfs/dev/$node" && mount --bind "/dev/$node" "$rootfs/dev/$node"
  done
  mkdir -p "$rootfs/dev/shm" && mount -t tmpfs -o mode=1777,nosuid,nodev shm "$rootfs/dev/shm"
  ln -s /proc/self/fd "$rootfs/dev/fd"
  mount -t tmpfs -o mode=1777,nosuid,nodev tmp "$rootfs/tmp"
  mount --bind "$home" "$rootfs$volume"
  # the sheet as a ConfigMap volume holds it: read-only, the file a symbolic link into ..data/
  mkdir -p "$work/sheets/..data" && cp "$rootfs/app/input-samples/connections.csv" "$work/sheets/..data/"
  ln -s ..data/connections.csv "$work/sheets/connections.csv"
  mount --bind "$work/sheets" "$rootfs/sheets" && mount -o remount,bind,ro "$rootfs/sheets"
  # a pod's host name (cronjob.yaml gives every pod the same one) and name resolution: loopback only
  hostname qcl-nightly
  printf '127.0.0.1 localhost\n::1 localhost\n127.0.1.1 qcl-nightly\n' >"$work/hosts"
  mount --bind "$work/hosts" "$rootfs/etc/hosts"

  mapfile -d '' entrypoint <"$work/entrypoint"
  mapfile -d '' environment <"$work/env"
  workdir="$(cat "$work/workdir")"; user="$(cat "$work/user")"
  extra_env=()
  for name in SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD; do
    [ -n "${!name:-}" ] && extra_env+=("$name=${!name}")
  done
  qcl() {  # the image's entry point with arguments, as `docker run IMAGE ARGS...` would run it
    chroot --userspec="$user" "$rootfs" /usr/bin/env -i -C "$workdir" "${environment[@]}" "${extra_env[@]}" \
      HOSTNAME=qcl-nightly "${entrypoint[@]}" "$@"
  }
  qcl_background() {  # qcl ARGS in the background; $! is the JVM's PID (chroot and env exec it)
    local log="$1"; shift
    (exec chroot --userspec="$user" "$rootfs" /usr/bin/env -i -C "$workdir" "${environment[@]}" "${extra_env[@]}" \
      HOSTNAME=qcl-nightly "${entrypoint[@]}" "$@") >"$log" 2>&1 &
  }
  failures=0
  step() {  # step EXPECTED_EXIT TITLE ARGS...: runs qcl ARGS, prints its output and exit code
    local expected="$1" title="$2"; shift 2
    printf '\n=== %s: qcl %s\n' "$title" "$*"
    set +e; qcl "$@" 2>&1; local rc=$?; set -e
    if [ "$rc" = "$expected" ]; then printf '=== exit %s (expected)\n' "$rc"
    else printf '=== exit %s, expected %s\n' "$rc" "$expected"; failures=$((failures + 1)); fi
  }

  printf 'image: %s; entry point: %s; user %s; working directory %s; home %s (host folder %s)\n' \
    "$(cat "$work/name")" "${entrypoint[*]}" "$user" "$workdir" "$volume" "$home"
  step 0 "help" --help
  step 0 "demo (built-in sandbox; its invalid rows are on purpose)" demo
  # the sandbox tenant from the same image, in the background, on 127.0.0.1
  mkdir -p "$home/sandbox" && chown "$user" "$home/sandbox"
  # every answer 1 s late, so that a run can be killed halfway through
  qcl_background "$work/sandbox.log" sandbox --api-key-file "$volume/sandbox/api-key" \
    --url-file "$volume/sandbox/url" --latency-ms 1000
  sandbox=$!
  for _ in $(seq 1 120); do
    [ -s "$home/sandbox/url" ] && [ -s "$home/sandbox/api-key" ] && break
    kill -0 "$sandbox" 2>/dev/null || { cat "$work/sandbox.log"; exit 1; }
    sleep 0.5
  done
  url="$(cat "$home/sandbox/url")"
  printf '\n=== sandbox tenant (qcl sandbox, same image): %s\n' "$url"
  # the tenant and the key as cronjob.yaml gives them: environment variables, the key from a Secret
  extra_env+=("QLIK_TENANT_URL=$url" "QLIK_API_KEY=$(cat "$home/sandbox/api-key")")
  step 1 "validate (the sample's 4 invalid rows: exit 1)" validate --input /sheets/connections.csv
  # a pod killed halfway through its run, as a node's failure would: SIGKILL once its first chunk
  # (4 rows here) is on its way
  run_args=(run --input /sheets/connections.csv --run-label nightly --on-existing update --own nightly
    --qcl.job.chunk-size=4)
  printf '\n=== run, killed (SIGKILL) halfway: qcl %s\n' "${run_args[*]}"
  qcl_background "$work/killed-run.log" "${run_args[@]}"
  killed=$!
  # its progress line names the first CREATED rows once a chunk has been sent
  for _ in $(seq 1 600); do
    grep -q 'CREATED' "$work/killed-run.log" 2>/dev/null && break
    kill -0 "$killed" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$killed" 2>/dev/null || true
  set +e; { wait "$killed"; } 2>/dev/null; rc=$?; set -e
  grep -v 'INVALID' "$work/killed-run.log" || true
  printf '=== killed (exit %s)\n' "$rc"
  step 0 "status (a new process reads the killed run from the job repository on the home folder)" status
  step 1 "run again, as the CronJob's retry does (same label: continues the run; 4 invalid rows: exit 1)" "${run_args[@]}"
  step 0 "status" status
  kill "$sandbox" 2>/dev/null || true
  wait "$sandbox" 2>/dev/null || true
  printf '\n=== the home folder (the PersistentVolumeClaim stand-in) as left:\n'
  (cd "$home" && find . -maxdepth 2 | sort | head -40)
  exit "$failures"
fi

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
image="$(realpath "${1:-$project/target/qcl-image.tar}")"
out="$project/target/try-image"
if [ "$(id -u)" -ne 0 ]; then
  echo "try-image.sh: run as root (chroot and namespaces need it)" >&2
  exit 2
fi
[ -f "$image" ] || { echo "try-image.sh: $image not found; build it with mvn -B -Pimage package" >&2; exit 2; }

private_net=1
if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
  case "$SPRING_DATASOURCE_URL" in
    jdbc:postgresql://127.0.0.1[:/]*|jdbc:postgresql://localhost[:/]*) private_net=0 ;;
    *) echo "try-image.sh: SPRING_DATASOURCE_URL must name a server on 127.0.0.1 or localhost" >&2; exit 2 ;;
  esac
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/qcl-try.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/rootfs" "$work/home"
tar -xf "$image" -C "$work/image"

# the image's layers (in order) and its configuration, from an OCI layout or a `docker save` tarball
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
image = os.path.join(work, "image")
def blob(digest):
    algorithm, value = digest.split(":", 1)
    return os.path.join(image, "blobs", algorithm, value)
if os.path.exists(os.path.join(image, "index.json")):
    index = json.load(open(os.path.join(image, "index.json")))
    entry = index["manifests"][0]
    name = entry.get("annotations", {}).get("org.opencontainers.image.ref.name", entry["digest"])
    manifest = json.load(open(blob(entry["digest"])))
    config = json.load(open(blob(manifest["config"]["digest"])))
    layers = [blob(layer["digest"]) for layer in manifest["layers"]]
else:
    manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
    name = (manifest.get("RepoTags") or ["(untagged)"])[0]
    config = json.load(open(os.path.join(image, manifest["Config"])))
    layers = [os.path.join(image, layer) for layer in manifest["Layers"]]
c = config.get("config", {})
def write(file, text):
    with open(os.path.join(work, file), "w") as f:
        f.write(text)
write("name", name)
write("layers", "\n".join(layers) + "\n")
write("entrypoint", "\0".join((c.get("Entrypoint") or []) + (c.get("Cmd") or [] if not c.get("Entrypoint") else [])) + "\0")
write("env", "\0".join(c.get("Env") or []) + "\0")
write("workdir", c.get("WorkingDir") or "/")
write("user", c.get("User") or "0:0")
write("volume", sorted(c.get("Volumes") or {"/var/lib/qcl": {}})[0])
PY

# the layers in order; a whiteout (.wh.NAME) deletes NAME from the layers below, .wh..wh..opq a folder's content
while read -r layer; do
  while IFS= read -r entry; do
    dir="$(dirname "$entry")"; base="$(basename "$entry")"
    if [ "$base" = ".wh..wh..opq" ]; then find "$work/rootfs/$dir" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    else rm -rf "${work:?}/rootfs/$dir/${base#.wh.}"; fi
  done < <(tar -tf "$layer" --warning=no-unknown-keyword | grep -E '(^|/)\.wh\.' || true)
  tar -xpf "$layer" -C "$work/rootfs" --numeric-owner --warning=no-unknown-keyword --exclude='.wh.*' --exclude='*/.wh.*'
done <"$work/layers"
chown "$(cat "$work/user")" "$work/home"
echo "try-image.sh: $(cat "$work/name"): $(wc -l <"$work/layers") layers, $(du -sm "$work/rootfs" | cut -f1) MiB unpacked" >&2

unshare_args=(--mount --pid --uts --fork --mount-proc)
[ "$private_net" = 1 ] && unshare_args+=(--net)
mkdir -p "$out"
set +e
unshare "${unshare_args[@]}" "$0" __inside "$work" "$private_net" 2>&1 | tee "$out/try-image.log"
rc=${PIPESTATUS[0]}
set -e
rm -rf "${out:?}/home" && cp -a "$work/home" "$out/home"
echo "try-image.sh: $([ "$rc" = 0 ] && echo "every step as expected" || echo "$rc step(s) not as expected"); log and home folder in $out" >&2
exit "$rc"
