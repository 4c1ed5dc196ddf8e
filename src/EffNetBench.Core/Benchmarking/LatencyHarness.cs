using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EffNetBench.Core.Results;
using Perfolizer.Mathematics.OutlierDetection;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Measures a prepared session under BenchmarkDotNet's in-process toolchain (a packed tool has no project
/// for the default toolchain to build), one inference per iteration, so every sample is an individual inference.</summary>
public static class LatencyHarness
{
    /// <param name="artifactsDirectory">BenchmarkDotNet's log for this case goes here (benchmarkdotnet.log, a few KB, named in
    /// the error when BenchmarkDotNet fails), and its reports when <paramref name="exports"/> is set.</param>
    /// <param name="echo">Also send BenchmarkDotNet's log here (--verbose), or null.</param>
    /// <param name="beforeDispose">Runs on the session after measurement, before cleanup disposes it, or null.</param>
    /// <param name="exports">Also write BenchmarkDotNet's Markdown and JSON reports and its measurements as CSV (`run
    /// --bdn-exports`); the samples are in results.jsonl either way.</param>
    /// <param name="keepOpen">Leave the session open after measurement; the caller disposes it (also when this throws).</param>
    public static MeasuredLatencies Measure(InferenceRunner runner, BenchmarkPreset preset, TimeSpan pilotLatency,
        string caseName, string artifactsDirectory, TextWriter? echo = null, Action<InferenceRunner>? beforeDispose = null, bool exports = false,
        bool keepOpen = false)
    {
        (int warmup, int min, int max) = preset.LimitsFor(pilotLatency);
        Directory.CreateDirectory(artifactsDirectory);
        Job job = Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: false))
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(warmup)
            .WithMinIterationCount(min)
            .WithMaxIterationCount(max)
            .WithMaxRelativeError(preset.TargetRelativeCi)
            .WithOutlierMode(OutlierMode.DontRemove) // the tail is the point of p99
            .WithEvaluateOverhead(false)             // one native call per iteration: nothing to subtract
            .WithGcForce(false)                      // a full GC between inferences would cool caches and idle ORT's threads
            .WithId(caseName);

        using var log = new StreamWriter(Path.Combine(artifactsDirectory, "benchmarkdotnet.log"));
        ManualConfig config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(new StreamLogger(log))
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithArtifactsPath(artifactsDirectory)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.DisableOptimizationsValidator);
        if (exports)
        {
            config.AddExporter(MarkdownExporter.GitHub, CsvMeasurementsExporter.Default, JsonExporter.Full);
        }

        if (echo is not null)
        {
            config.AddLogger(new TextWriterLogger(echo));
        }

        InferenceBenchmark.HandOver(runner, beforeDispose, keepOpen);
        Summary summary;
        try
        {
            summary = BenchmarkRunner.Run<InferenceBenchmark>(config);
        }
        finally
        {
            InferenceBenchmark.ReleaseUnclaimed(); // BenchmarkDotNet stopped before its setup took the session
            log.Flush();
        }

        BenchmarkReport? report = summary.Reports.FirstOrDefault();
        if (InferenceBenchmark.LastError is Exception error)
        {
            throw new InvalidOperationException($"inference failed during measurement: {FirstLine(error.Message)}", error);
        }

        if (summary.HasCriticalValidationErrors || report is null || !report.Success)
        {
            string why = summary.ValidationErrors.Select(e => e.Message).FirstOrDefault() ?? "the benchmark did not complete";
            throw new InvalidOperationException($"BenchmarkDotNet: {FirstLine(why)} (log: {Path.Combine(artifactsDirectory, "benchmarkdotnet.log")})");
        }

        ImmutableArray<double> samples = report.AllMeasurements
            .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual)
            .Select(m => m.Nanoseconds / m.Operations / 1e6)
            .ToImmutableArray();
        return new MeasuredLatencies(samples, warmup, min, max, preset.StoppedBy(samples.Length, min, max));
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
