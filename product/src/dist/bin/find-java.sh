#!/usr/bin/env bash
# Sourced by the tideline scripts: sets TIDELINE_JAVA_HOME to a JDK of version 21 or newer,
# looking at JAVA_HOME, then at 'java' on the PATH, then under /usr/lib/jvm; or explains what to
# install and returns 1.

tideline_java_major() { # prints the major version of the java binary $1
  # Every JDK since 9 ships a 'release' file: reading it saves starting a JVM (~0.3 s) on each launch.
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ] && grep -q '^JAVA_VERSION=' "$release"; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release" | head -n 1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

tideline_find_java() {
  local candidate home
  local -a homes=()
  [ -n "${JAVA_HOME:-}" ] && homes+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    homes+=("$home")
  fi
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    homes+=("${candidate%/}")
  done
  for home in "${homes[@]}"; do
    if [ -x "$home/bin/java" ]; then
      local major
      major=$(tideline_java_major "$home/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
        TIDELINE_JAVA_HOME="$home"
        TIDELINE_JAVA_MAJOR="$major"
        export TIDELINE_JAVA_HOME TIDELINE_JAVA_MAJOR
        return 0
      fi
    fi
  done
  echo "tideline: no JDK 21 or newer found (looked at JAVA_HOME, java on the PATH, /usr/lib/jvm/*)." >&2
  echo "tideline: install one, e.g. 'apt-get install -y openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME." >&2
  return 1
}

# JVM flags that silence JDK 23+ warnings from Felix and SWT (older JDKs refuse the first one),
# and, on JDK 19+, a class-data-sharing archive the JVM writes by itself in the user's cache
# (TIDELINE_CDS=0 turns it off) when called with the name of the program ($1) and, optionally,
# whether this run is worth recording ($2, default yes).
#
# The JVM writes an archive only where none is (one that no longer matches the class path is
# used by no start and never rewritten), so the archive's name carries the size and date of the
# jars on the class path: a rebuilt or upgraded distribution gets a new archive, and the old ones
# of the same distribution are deleted. A run that ends early (--help, a command sent to a running
# Tideline) would record an archive of the launcher alone, kept from then on: such runs ($2 = 0)
# use an archive but never create one.
tideline_jvm_flags() {
  local flags="--enable-native-access=ALL-UNNAMED"
  if [ "${TIDELINE_JAVA_MAJOR:-0}" -ge 23 ]; then
    flags="--sun-misc-unsafe-memory-access=allow $flags"
  fi
  if [ -n "${1:-}" ] && [ "${TIDELINE_JAVA_MAJOR:-0}" -ge 19 ] && [ "${TIDELINE_CDS:-1}" != 0 ]; then
    local cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tideline"
    if mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
      local home key jars archive old
      home="${dist:-$PWD}"
      key=$(printf '%s %s' "$home" "$TIDELINE_JAVA_HOME" | cksum | cut -d' ' -f1)
      jars=$(stat -c '%n %s %Y' "$home"/lib/*.jar 2>/dev/null | cksum | cut -d' ' -f1)
      archive="$cache/$1-$TIDELINE_JAVA_MAJOR-$key-$jars.jsa"
      if [ -f "$archive" ]; then
        flags="$flags -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
      elif [ "${2:-1}" != 0 ]; then
        for old in "$cache/$1-$TIDELINE_JAVA_MAJOR-$key".jsa "$cache/$1-$TIDELINE_JAVA_MAJOR-$key"-*.jsa; do
          [ -f "$old" ] && rm -f "$old"
        done
        flags="$flags -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
      fi
    fi
  fi
  echo "$flags"
}
