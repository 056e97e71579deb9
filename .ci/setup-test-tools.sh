#!/usr/bin/env bash
# Installs the Debian packages the tests drive as real clients: GDAL (round trips, COG validation)
# OWSLib under Debian's /usr/bin/python3 (WPS, WMS, WMTS clients) and headless Chromium (the
# layer preview page), kubectl (its built-in kustomize renders k8s/ for the manifest tests) and
# OpenJPEG's opj_decompress (the reference decoder for the JPEG 2000 tests).
# Idempotent; installs only what is missing.
set -euo pipefail
need=()
command -v gdalinfo >/dev/null 2>&1 || need+=(gdal-bin)
/usr/bin/python3 -c 'import osgeo.gdal' >/dev/null 2>&1 || need+=(python3-gdal)
/usr/bin/python3 -c 'import owslib' >/dev/null 2>&1 || need+=(python3-owslib)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
command -v opj_decompress >/dev/null 2>&1 || need+=(libopenjp2-tools)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test tools: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
