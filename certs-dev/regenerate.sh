#!/bin/sh
# Regenerates the DEVELOPMENT-ONLY PKI in certs-dev/pki: a NEW root CA, issuing CA, CRLs and new
# keys for every country, so everything issued before stops being trusted. Commit the result.
#
# Usage (from anywhere):  certs-dev/regenerate.sh [RS,MK,BG]
# Needs only JDK 17 and Maven.
set -eu

cd "$(dirname "$0")/.."
countries="${1:-RS,MK,BG}"

# Generate next to the old PKI, then swap: a failed run leaves certs-dev/pki untouched, and no
# country directory signed by the old CAs is left behind.
rm -rf certs-dev/pki.new
certs-dev/pki.sh generate --out certs-dev/pki.new --countries "${countries}"
rm -rf certs-dev/pki
mv certs-dev/pki.new certs-dev/pki
echo "Moved certs-dev/pki.new to certs-dev/pki"
