#!/usr/bin/env bash
# Runs the JMH benchmarks against the packaged jar (only JMH itself is added: the jar already holds
# every runtime dependency, and a second copy of the native libraries on the classpath crashes the JVM).
# Usage: bench/jmh.sh [JMH args, e.g. ClassifierBenchmark -rf json]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -Dmdep.includeGroupIds=org.openjdk.jmh,net.sf.jopt-simple,org.apache.commons
exec java -cp "target/test-classes:target/lifeguard.jar:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
