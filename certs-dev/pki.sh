#!/bin/sh
# The DEVELOPMENT-ONLY PKI tool: generate, issue, renew, revoke, crl. See certs-dev/README.md.
#
# Usage (from anywhere; relative paths are taken from the repository root):
#   certs-dev/pki.sh issue --country RS --purpose signing --algorithm ed25519 --name signing-next
#   certs-dev/pki.sh revoke --cert certs-dev/pki/rs/signing.crt --reason keyCompromise
#   certs-dev/pki.sh help
# Needs only JDK 17 and Maven. PKI_MVN_FLAGS adds Maven flags, e.g. PKI_MVN_FLAGS=-o offline.
set -eu

cd "$(dirname "$0")/.."
mkdir -p certs-dev/target
classpath_file="$PWD/certs-dev/target/pki-classpath.txt"
build_log="$PWD/certs-dev/target/pki-build.log"

# Compiles the module (incrementally) and records its runtime class path; no install needed.
# The build log is shown only if the build fails, so the tool's output is just what it wrote.
# shellcheck disable=SC2086  # PKI_MVN_FLAGS is a list of flags
if ! mvn -B ${PKI_MVN_FLAGS:-} -pl certs-dev compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file" >"$build_log" 2>&1; then
    cat "$build_log" >&2
    echo "certs-dev/pki.sh: building certs-dev failed, see above" >&2
    exit 1
fi

exec java -cp "certs-dev/target/classes:$(cat "$classpath_file")" org.c2cgateway.pki.DevPki "$@"
