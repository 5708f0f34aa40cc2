#!/usr/bin/env bash
# Throughput of the Spark job against the CLI on the same corpus (issue 8):
# documents per second and per core for `dateline extract -j 1`, `-j 2`,
# and the Spark job in local[1] and local[2] (JSON Lines in, Parquet out).
# The gap between the CLI at one thread and Spark local[1] is Spark's cost per document.
#
# usage: tools/bench-spark/run.sh [DOCS]   (default 5000; needs scripts/test-python's venv)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
docs=${1:-5000}
venv=$(realpath -m "${DATELINE_PY_VENV:-$root/target/python-venv}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# DATELINE_CLI: a CLI already built (skips the build); copied so that a rebuild
# during the run cannot change it.
[ -n "${DATELINE_CLI:-}" ] || cargo build --release --locked -p dateline-cli >&2
cp "${DATELINE_CLI:-target/release/dateline}" "$work/dateline"
"$venv/bin/python" tools/bench/make_corpus.py "$work/corpus.jsonl" --docs "$docs" >&2
bytes=$(wc -c < "$work/corpus.jsonl")
echo "corpus: $docs documents, $((bytes / 1024)) KiB; $(nproc) cores" >&2

now() { date +%s.%N; }
report() { # name cores seconds
    awk -v n="$1" -v c="$2" -v s="$3" -v d="$docs" \
        'BEGIN { printf "%-16s %6.1f s  %8.0f docs/s  %8.0f docs/s/core\n", n, s, d / s, d / s / c }'
}

for threads in 1 2; do
    start=$(now)
    "$work/dateline" extract --quiet --input jsonl -j "$threads" --duplicates keep \
        -o "$work/cli.jsonl" "$work/corpus.jsonl"
    report "cli -j $threads" "$threads" "$(echo "$(now) - $start" | bc)"
done

export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
for cores in 1 2; do
    # Timed inside the driver, after the JVM has started: the per-document cost, not start-up.
    seconds=$("$venv/bin/python" - "$work" "$cores" <<'PY'
import sys, time
from pyspark.sql import SparkSession
from dateline import spark_job
work, cores = sys.argv[1], int(sys.argv[2])
spark = (SparkSession.builder.master(f"local[{cores}]").appName("dateline-bench")
         .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
         .config("spark.driver.bindAddress", "127.0.0.1")
         .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
start = time.perf_counter()
spark_job.records_frame(spark, [f"{work}/corpus.jsonl"], "jsonl", partitions=cores * 4) \
    .write.mode("overwrite").parquet(f"{work}/spark-records")
records = time.perf_counter() - start
records_df = spark.read.parquet(f"{work}/spark-records")
for kind in ("events", "quotes", "casualties"):
    spark_job.flat_frame(records_df, kind).write.mode("overwrite").parquet(f"{work}/spark-{kind}")
total = time.perf_counter() - start
spark.stop()
print(f"{records:.3f} {total:.3f}")
PY
)
    read -r records total <<<"$seconds"
    report "spark local[$cores]" "$cores" "$records"
    report "  + flat tables" "$cores" "$total"
done
