#!/bin/sh
# Regenerates the DEVELOPMENT-ONLY PKI in certs-dev/pki: a NEW root CA and new keys for every
# country, so everything issued before stops being trusted. Commit the result.
#
# Usage (from anywhere):  certs-dev/regenerate.sh [RS,MK,BG]
# Needs only JDK 17 and Maven.
set -eu

cd "$(dirname "$0")/.."
countries="${1:-RS,MK,BG}"

mvn -q -pl certs-dev -am install -DskipTests
# Only after the build succeeded: drop the old PKI so no country dir is left signed by the old root.
rm -rf certs-dev/pki
mvn -q -pl certs-dev exec:java -Dexec.args="--out certs-dev/pki --countries ${countries}"
