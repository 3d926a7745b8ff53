#!/bin/sh
# Cuts an API release: builds every API bundle from a commit (default HEAD) with Bundle-Version
# VERSION and lays the jars out in api-releases/ as a Maven file repository
# (io/tideline/<bundle>/<VERSION>/<bundle>-<VERSION>.jar, .pom, checksums, maven-metadata.xml).
# Commit what it adds; then point tideline.api.baseline in bundles/pom.xml at VERSION and
# tideline.api.bundle.version at the next development version. See docs/api-releases.md.
#
#   api-releases/release.sh 1.0.0 [COMMIT]
set -eu

usage() { echo "usage: api-releases/release.sh VERSION [COMMIT]   e.g. api-releases/release.sh 1.1.0" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
version=$1
commit=${2:-HEAD}
echo "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$' || { echo "release.sh: version '$version' is not MAJOR.MINOR.MICRO (e.g. 1.1.0)" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
repo=$root/api-releases
# The API bundles: every package exported, no services of their own (docs/api-releases.md).
bundles="io.tideline.api io.tideline.api.ui io.tideline.feed.http"

for b in $bundles; do
  if [ -e "$repo/io/tideline/$b/$version" ]; then
    echo "release.sh: $b $version is already in api-releases/; a release never changes, cut a new version" >&2
    exit 1
  fi
done
git -C "$root" rev-parse --verify --quiet "$commit^{commit}" >/dev/null || { echo "release.sh: no commit '$commit'" >&2; exit 1; }

# Build from the commit, not the working tree, so the release is exactly what git holds.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$commit" | tar -x -C "$work"
sed -i "s|<tideline.api.bundle.version>[^<]*</tideline.api.bundle.version>|<tideline.api.bundle.version>$version</tideline.api.bundle.version>|" \
  "$work/bundles/pom.xml"
modules=$(for b in $bundles; do printf 'bundles/%s,' "$b"; done)
(cd "$work" && flock /tmp/tideline-mvn.lock mvn -B -o -q package -Dmaven.test.skip=true -Dbnd.baseline.skip=true \
  -pl "${modules%,}")

stamp=$(date -u +%Y%m%d%H%M%S)
for b in $bundles; do
  jar=$work/bundles/$b/target/$b-0.1.0-SNAPSHOT.jar
  built=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: //p')
  [ "$built" = "$version" ] || { echo "release.sh: $b was built as $built, not $version" >&2; exit 1; }
  dir=$repo/io/tideline/$b/$version
  mkdir -p "$dir"
  cp "$jar" "$dir/$b-$version.jar"
  cat > "$dir/$b-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.tideline</groupId>
  <artifactId>$b</artifactId>
  <version>$version</version>
  <packaging>jar</packaging>
  <description>Released API of Tideline, built from commit $(git -C "$root" rev-parse "$commit").</description>
</project>
POM
  versions=$(ls "$repo/io/tideline/$b" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' | sort -t. -k1,1n -k2,2n -k3,3n)
  latest=$(echo "$versions" | tail -n 1)
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<metadata>'
    echo "  <groupId>io.tideline</groupId>"
    echo "  <artifactId>$b</artifactId>"
    echo '  <versioning>'
    echo "    <latest>$latest</latest>"
    echo "    <release>$latest</release>"
    echo '    <versions>'
    for v in $versions; do echo "      <version>$v</version>"; done
    echo '    </versions>'
    echo "    <lastUpdated>$stamp</lastUpdated>"
    echo '  </versioning>'
    echo '</metadata>'
  } > "$repo/io/tideline/$b/maven-metadata.xml"
  for f in "$dir/$b-$version.jar" "$dir/$b-$version.pom" "$repo/io/tideline/$b/maven-metadata.xml"; do
    sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
    md5sum "$f" | cut -d' ' -f1 > "$f.md5"
  done
  echo "released $b $version ($dir)"
done
