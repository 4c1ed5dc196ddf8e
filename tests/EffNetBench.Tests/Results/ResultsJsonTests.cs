using EffNetBench.Core.Benchmarking.Statistics;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Results;

public sealed class ResultsJsonTests
{
    // The contract other tools read: a change to this text is a schema change. LF whatever the checkout does.
    private static readonly string Snapshot = """
        {
          "schema": "effnet-bench/results/1.1",
          "tool": {
            "name": "effnet-bench",
            "version": "0.1.0"
          },
          "run": {
            "id": "20250314-092653",
            "started_utc": "2025-03-14T09:26:53Z",
            "finished_utc": "2025-03-14T09:31:05Z",
            "preset": "quick",
            "label": "laptop"
          },
          "environment": {
            "os": "Ubuntu 24.04.1 LTS",
            "kernel": "6.8.0-45-generic",
            "cpu": "Intel(R) Core(TM) i7-1165G7 @ 2.80GHz",
            "logical_cores": 8,
            "memory_bytes": 16710127616,
            "dotnet": "10.0.0",
            "onnxruntime": "1.31.1",
            "onnxruntime_library": null,
            "providers_available": [
              "CPUExecutionProvider"
            ],
            "gpus": [],
            "hostname": "bench-host",
            "onnxruntime_package": null
          },
          "settings": {
            "variants": [
              "b0"
            ],
            "models": [],
            "providers": [
              "cpu"
            ],
            "batches": [
              1
            ],
            "threads": [
              null,
              2
            ],
            "preset": "quick",
            "seed": 42,
            "out_dir": "bench-results/run1",
            "label": "laptop",
            "end_to_end_image": null,
            "launches": null,
            "profile_inferences": null,
            "scenarios": null,
            "concurrency": null,
            "latency_bound_ms": null,
            "spin": null,
            "server_rates": null,
            "precision": null,
            "graph_optimization": null,
            "ab": null
          },
          "cases": [
            {
              "id": "b0-r224/cpu/b1/t2",
              "status": "ok",
              "reason": null,
              "model": {
                "name": "b0",
                "source": "zoo",
                "file": "b0.onnx",
                "resolution": 224,
                "params": 5288548,
                "macs": 385814752,
                "flops": 795588220,
                "precision": null
              },
              "provider": "cpu",
              "batch": 1,
              "threads": 2,
              "latency_ms": {
                "mean": 1.8333,
                "median": 1.75,
                "p90": 2.15,
                "p95": 2.2,
                "p99": 2.24,
                "min": 1.5,
                "max": 2.25,
                "stddev": 0.3819,
                "ci99_half_width": 2.1882
              },
              "samples_ms": [
                1.5,
                2.25,
                1.75
              ],
              "warmup_count": 5,
              "stopping": {
                "min_samples": 3,
                "target_relative_ci99": 0.5,
                "time_cap_s": 1.5,
                "precision_target_met": false,
                "stopped_by": "max_samples"
              },
              "throughput_ips": 545.5,
              "achieved_gflops": 0.434,
              "cold_start_ms": {
                "session_create": 120.5,
                "first_inference": 8.25,
                "process_to_runtime": null
              },
              "memory": {
                "rss_before_session_bytes": 100000000,
                "rss_after_session_bytes": 150000000,
                "rss_after_measurement_bytes": 151000000,
                "peak_rss_bytes": 160000000,
                "session_rss_delta_bytes": 50000000,
                "managed_bytes_per_inference": 96.5,
                "weight_bytes": 21070160,
                "gpu_peak_bytes": null,
                "gpu_reason": "no GPU provider"
              },
              "precision_target_met": false,
              "harness_check": null,
              "end_to_end": null,
              "noise": null,
              "launches": null,
              "arm": null,
              "failure_kind": null,
              "ort_library": null,
              "ort_package": null,
              "launch_spread": null,
              "launches_disagree": null,
              "profile": null,
              "scenarios": null,
              "cpu_ms_per_image": null,
              "spin": null,
              "conversion": null,
              "launch": null
            },
            {
              "id": "b0-r224/cuda/b1/tdefault",
              "status": "skipped",
              "reason": "CUDAExecutionProvider is not available",
              "model": {
                "name": "b0",
                "source": "zoo",
                "file": "b0.onnx",
                "resolution": 224,
                "params": 5288548,
                "macs": 385814752,
                "flops": 795588220,
                "precision": null
              },
              "provider": "cuda",
              "batch": 1,
              "threads": null,
              "latency_ms": null,
              "samples_ms": null,
              "warmup_count": null,
              "stopping": null,
              "throughput_ips": null,
              "achieved_gflops": null,
              "cold_start_ms": null,
              "memory": null,
              "precision_target_met": null,
              "harness_check": null,
              "end_to_end": null,
              "noise": null,
              "launches": null,
              "arm": null,
              "failure_kind": null,
              "ort_library": null,
              "ort_package": null,
              "launch_spread": null,
              "launches_disagree": null,
              "profile": null,
              "scenarios": null,
              "cpu_ms_per_image": null,
              "spin": null,
              "conversion": null,
              "launch": null
            }
          ],
          "peaks": null
        }
        """.ReplaceLineEndings("\n");

    [Fact]
    public void Results_json_matches_the_pinned_snapshot()
    {
        using var dir = new TempFolder();

        Assert.Equal(Snapshot + "\n", WriteSampleRun(dir));
    }

    [Fact]
    public void Results_json_is_the_same_under_a_foreign_culture()
    {
        using var dir = new TempFolder();
        using (new CultureScope("de-DE"))
        {
            string json = WriteSampleRun(dir);
            string line = File.ReadAllLines(dir.File(ResultsStore.CasesFileName))[0];

            Assert.Contains("\"min\": 1.5,", json);
            Assert.Contains("\"min\":1.5,", line);
            Assert.DoesNotContain("1,5", json + line);
            Assert.Equal(Snapshot + "\n", json);
        }
    }

    [Fact]
    public void Load_round_trips_to_the_same_text()
    {
        using var dir = new TempFolder();
        string written = WriteSampleRun(dir);

        BenchmarkResults loaded = ResultsStore.Load(dir.Path);

        Assert.Equal(written, ResultsJson.ToText(loaded));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 31, 5, TimeSpan.Zero), loaded.Run.FinishedUtc);
        Assert.Equal(CaseStatus.Skipped, loaded.Cases[1].Status);
        Assert.Null(loaded.Cases[1].SamplesMs);
        Assert.Equal([1.5, 2.25, 1.75], loaded.Cases[0].SamplesMs!.Value.ToArray());
        Assert.Equal([null, 2], loaded.Settings.Threads.ToArray());
    }

    [Fact]
    public void Failed_and_skipped_cases_carry_only_their_reason()
    {
        CaseResult failed = CaseResult.Failed("b0-r224/cpu/b1/t2", SampleResults.B0, "cpu", 1, 2, "session creation failed: out of memory");

        Assert.Equal(CaseStatus.Failed, failed.Status);
        Assert.Equal("session creation failed: out of memory", failed.Reason);
        Assert.Null(failed.LatencyMs);
        Assert.Null(failed.SamplesMs);
        Assert.Null(failed.Stopping);
        Assert.Null(failed.PrecisionTargetMet);
        Assert.Equal(CaseStatus.Skipped, SampleResults.Skipped().Status);
        Assert.Throws<ArgumentException>(() => CaseResult.Skipped("x/cpu/b1/t1", SampleResults.B0, "cpu", 1, 1, " "));
    }

    [Fact]
    public void A_single_sample_writes_a_null_confidence_interval()
    {
        var summary = LatencySummary.From(LatencyStatistics.From([2.5]));

        Assert.Null(summary.Ci99HalfWidth);
        Assert.Contains("\"ci99_half_width\": null", ResultsJson.ToText(summary));
    }

    private static string WriteSampleRun(TempFolder dir)
    {
        ResultsStore store = ResultsStore.Create(dir.Path, SampleResults.Header());
        store.Append(SampleResults.Measured());
        store.Append(SampleResults.Skipped());
        store.Complete(SampleResults.Finished);
        return File.ReadAllText(dir.File(ResultsStore.ResultsFileName));
    }
}
