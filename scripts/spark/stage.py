#!/usr/bin/env python3
"""The Spark job: read JSON lines, pipe each partition through qiyue, save the results."""
import os, sys, time
from pyspark.sql import SparkSession
inp, out, parts = sys.argv[1], sys.argv[2], int(sys.argv[3])
spark = (SparkSession.builder.master(f"local[{parts}]").appName("qiyue-stage")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
t0 = time.time()
rdd = spark.sparkContext.textFile(inp, minPartitions=parts)
results = rdd.pipe(f"{os.environ['QIYUE_BIN']} batch --stdin-jsonl --quiet --jobs 1")
results.saveAsTextFile(out)
print(f"spark seconds {time.time() - t0:.2f} partitions {rdd.getNumPartitions()}")
spark.stop()
