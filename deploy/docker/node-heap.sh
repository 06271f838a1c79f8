#!/bin/sh
# Sizes V8's heap from the container's memory, then runs the command (the image's CMD).
#
# Node's default old-space limit follows the host's memory (4 GB on a large node), so
# garbage piles up far above a pod's limit before V8 collects it and the kernel
# OOM-kills the pod. This sets --max-old-space-size to HEAP_PERCENT (default 75) of the
# memory limit: MEMORY_LIMIT_MB when set (the Kubernetes manifests pass limits.memory
# through the downward API), else the cgroup limit (docker run -m). The other 25 % is
# for buffers, code and the young generation. A --max-old-space-size already in
# NODE_OPTIONS wins; with no limit found nothing is changed.
#
# The young generation is sized too: V8 lets each semi-space grow to 16 MB whatever the
# old-space limit, and that memory stays resident. With a limit, --max-semi-space-size is
# set to 1/64 of it, between 1 and 16 MB. Measured for 512Mi (8 MB, 2026-11-30, 400 streams
# at load ~11): idle RSS after warm-up 138-141 MB against 148-155 MB with V8's 16 MB; app
# CPU per stream 23.5 ms against 21-27 ms, within the noise. Measured again with 1,000 streams
# of different questions (2026-12-01, --trace-gc, load 1.9-7.5, one run each unless a range):
# 8 MB scavenged 546-653 times for 2.4-6.0 s of 26-36 s app CPU, peak RSS 231-264 MB; 16 MB
# scavenged 288-300 times for 1.6-4.3 s of 27-34 s, peak 240-247 MB, idle RSS 148-150 MB against
# 123-128 MB; 4 MB: 1,291 scavenges, peak 193 MB with only 637 streams open. The app's CPU did
# not follow the scavenge count, so 8 MB stays. One already in NODE_OPTIONS wins.
set -eu

limit_mb="${MEMORY_LIMIT_MB:-}"
if [ -z "$limit_mb" ]; then
  bytes=""
  if [ -r /sys/fs/cgroup/memory.max ]; then
    bytes="$(cat /sys/fs/cgroup/memory.max)"
  elif [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
    bytes="$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)"
  fi
  case "$bytes" in
    '' | max | *[!0-9]*) ;;
    *)
      # cgroup v1 reports "no limit" as a huge number: ignore anything above 1 TiB.
      if [ "${#bytes}" -le 13 ] && [ "$bytes" -lt 1099511627776 ]; then
        limit_mb=$((bytes / 1048576))
      fi
      ;;
  esac
fi

case "${NODE_OPTIONS:-}" in
  *--max-old-space-size*) ;;
  *)
    case "$limit_mb" in
      '' | *[!0-9]*) ;;
      *)
        heap_mb=$((limit_mb * ${HEAP_PERCENT:-75} / 100))
        if [ "$heap_mb" -ge 64 ]; then
          NODE_OPTIONS="--max-old-space-size=$heap_mb${NODE_OPTIONS:+ $NODE_OPTIONS}"
          export NODE_OPTIONS
        fi
        ;;
    esac
    ;;
esac

case "${NODE_OPTIONS:-}" in
  *--max-semi-space-size*) ;;
  *)
    case "$limit_mb" in
      '' | *[!0-9]*) ;;
      *)
        semi_mb=$((limit_mb / 64))
        [ "$semi_mb" -ge 1 ] || semi_mb=1
        [ "$semi_mb" -le 16 ] || semi_mb=16
        NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--max-semi-space-size=$semi_mb"
        export NODE_OPTIONS
        ;;
    esac
    ;;
esac

exec "$@"
