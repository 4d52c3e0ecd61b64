#!/usr/bin/env bash
# base-image.sh: a Java 17 base image for the container build, made from Debian's package mirror
# alone, for machines that reach Debian's packages but no container registry (Jib's default base,
# eclipse-temurin:17-jre, is pulled from Docker Hub). Needs root, debootstrap and python3; no Docker.
#
#   scripts/image/base-image.sh [OUT.tar]       # default: target/qcl-base-image.tar
#   mvn -B -Pimage package -Djib.from.image=tar://$PWD/target/qcl-base-image.tar
#
# What it makes: Debian 12 (bookworm) minbase, then openjdk-17-jre-headless with its dependencies
# (no recommends) and the security updates of the host's apt sources; documentation, manual pages,
# apt's lists and caches removed, as Debian's -slim images do. One layer, written as a `docker save`
# tarball (manifest.json, config, layer), which Jib takes as a tar:// base image.
#
# DEBIAN_MIRROR overrides debootstrap's default mirror; APT_SOURCES names the apt sources the image
# is upgraded and completed from (default: this machine's debian.sources, when it has one).
set -euo pipefail

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(realpath -m "${1:-$project/target/qcl-base-image.tar}")"
suite=bookworm
arch="$(dpkg --print-architecture)"
tag="qcl-base:${suite}-jre17"
sources="${APT_SOURCES:-/etc/apt/sources.list.d/debian.sources}"

if [ "$(id -u)" -ne 0 ]; then
  echo "base-image.sh: run as root (debootstrap and chroot need it)" >&2
  exit 2
fi
for tool in debootstrap python3 chroot; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "base-image.sh: $tool is missing (apt-get install debootstrap python3)" >&2
    exit 2
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/qcl-base.XXXXXX")"
rootfs="$work/rootfs"
cleanup() {
  # never leave a mount behind, or rm would walk into the host's /proc
  for m in proc sys dev/pts dev; do
    if mountpoint -q "$rootfs/$m" 2>/dev/null; then umount -l "$rootfs/$m"; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

echo "base-image.sh: debootstrap $suite ($arch, minbase) into $rootfs" >&2
# shellcheck disable=SC2086 # an unset mirror is no argument at all: debootstrap's default
debootstrap --variant=minbase --arch="$arch" "$suite" "$rootfs" ${DEBIAN_MIRROR:-} >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }

# as Debian's -slim images: no documentation (copyright files stay), manual pages or translations
cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
CFG
# no service starts inside the chroot
printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d" && chmod 755 "$rootfs/usr/sbin/policy-rc.d"
if [ -f "$sources" ]; then
  rm -f "$rootfs/etc/apt/sources.list"
  cp "$sources" "$rootfs/etc/apt/sources.list.d/debian.sources"
fi
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount -t proc proc "$rootfs/proc"

in_root() { chroot "$rootfs" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
echo "base-image.sh: apt-get install openjdk-17-jre-headless" >&2
{
  in_root apt-get update
  in_root apt-get -y upgrade
  in_root apt-get -y install --no-install-recommends openjdk-17-jre-headless
  in_root java -version
} >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log" >&2; exit 1; }
java_version="$(in_root java -version 2>&1 | head -1)"
umount "$rootfs/proc"

in_root apt-get clean
rm -f "$rootfs/usr/sbin/policy-rc.d"
rm -rf "${rootfs:?}"/var/lib/apt/lists/* "${rootfs:?}"/var/cache/apt/*.bin "${rootfs:?}"/var/log/* "${rootfs:?}"/tmp/* \
  "${rootfs:?}"/var/tmp/* "${rootfs:?}"/var/cache/debconf/*-old "${rootfs:?}"/var/lib/dpkg/*-old
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "${rootfs:?}"/usr/share/man/* "${rootfs:?}"/usr/share/info/* "${rootfs:?}"/usr/share/lintian/*
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
# the container runtime gives its own name resolution, devices and kernel file systems
if grep -q " $rootfs/" /proc/mounts; then
  echo "base-image.sh: something is still mounted under $rootfs; not emptying it" >&2
  exit 1
fi
: >"$rootfs/etc/resolv.conf"
rm -rf "${rootfs:?}"/dev/* "${rootfs:?}"/proc/* "${rootfs:?}"/sys/* "${rootfs:?}"/run/*

echo "base-image.sh: writing $out" >&2
mkdir -p "$work/image"
tar --create --file "$work/image/layer.tar" --directory "$rootfs" --numeric-owner --sort=name --xattrs .
ROOTFS_SIZE="$(du -sb "$rootfs" | cut -f1)" JAVA_VERSION="$java_version" TAG="$tag" ARCH="$arch" SUITE="$suite" \
  python3 - "$work/image" <<'PY'
import hashlib, json, os, sys, datetime
folder = sys.argv[1]
digest = hashlib.sha256()
with open(os.path.join(folder, "layer.tar"), "rb") as layer:
    for block in iter(lambda: layer.read(1 << 20), b""):
        digest.update(block)
layer_id = digest.hexdigest()
os.makedirs(os.path.join(folder, layer_id))
os.rename(os.path.join(folder, "layer.tar"), os.path.join(folder, layer_id, "layer.tar"))
created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
config = {
    "architecture": os.environ["ARCH"],
    "os": "linux",
    "created": created,
    "config": {
        "Env": [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-" + os.environ["ARCH"],
            "LANG=C.UTF-8",
        ],
        "Cmd": ["java", "-version"],
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer_id]},
    "history": [{
        "created": created,
        "created_by": "scripts/image/base-image.sh: debootstrap --variant=minbase " + os.environ["SUITE"]
                      + " + openjdk-17-jre-headless (" + os.environ["JAVA_VERSION"] + ")",
    }],
}
config_bytes = json.dumps(config, indent=2).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
with open(os.path.join(folder, config_name), "wb") as f:
    f.write(config_bytes)
manifest = [{"Config": config_name, "RepoTags": [os.environ["TAG"]], "Layers": [layer_id + "/layer.tar"]}]
with open(os.path.join(folder, "manifest.json"), "w") as f:
    json.dump(manifest, f)
print("base-image.sh: %s, layer sha256:%s, %d MB unpacked" % (os.environ["TAG"], layer_id, int(os.environ["ROOTFS_SIZE"]) // 1000000),
      file=sys.stderr)
PY
mkdir -p "$(dirname "$out")"
# names without a leading ./: Jib refuses an entry "./" as one outside its destination
(cd "$work/image" && tar --create --file "$out.part" --sort=name -- *)
mv "$out.part" "$out"
echo "base-image.sh: $out ($(du -m "$out" | cut -f1) MB), $java_version" >&2
