#!/usr/bin/env bash
# Runs every test: unit tests, then the real distribution in the real Felix framework, with a
# real SWT window under a virtual display (Xvfb). Installs what it needs with apt-get when it is
# missing. Extra arguments go to Maven, e.g. ./test.sh -pl itests -am
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
cd "$repo"
# shellcheck source=product/src/dist/bin/find-java.sh
. product/src/dist/bin/find-java.sh

need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
command -v xauth >/dev/null 2>&1 || need+=(xauth)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
[ -x /usr/bin/import ] || need+=(imagemagick)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
if ! tideline_find_java 2>/dev/null; then need+=(openjdk-21-jdk-headless); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: not root; install them first: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
tideline_find_java

flags=$(tideline_jvm_flags)
export JAVA_HOME="$TIDELINE_JAVA_HOME"
# Maven's own JVM: silence JDK 23+ warnings about its bundled Guava.
if [ "$TIDELINE_JAVA_MAJOR" -ge 23 ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; fi
echo "test.sh: JDK $TIDELINE_JAVA_MAJOR at $JAVA_HOME" >&2
exec xvfb-run -a -s "-screen 0 1280x900x24" mvn -B verify "-Dtideline.jvm.flags=$flags" "$@"
