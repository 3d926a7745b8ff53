#!/usr/bin/env bash
# Sourced by the tideline scripts: sets TIDELINE_JAVA_HOME to a JDK of version 21 or newer,
# looking at JAVA_HOME, then at 'java' on the PATH, then under /usr/lib/jvm; or explains what to
# install and returns 1.

tideline_java_major() { # prints the major version of the java binary $1
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

# JVM flags that silence JDK 23+ warnings from Felix and SWT; older JDKs refuse the first one.
tideline_jvm_flags() {
  if [ "${TIDELINE_JAVA_MAJOR:-0}" -ge 23 ]; then
    echo "--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  else
    echo "--enable-native-access=ALL-UNNAMED"
  fi
}
