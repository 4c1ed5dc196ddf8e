using System.Diagnostics;
using System.Text.Json;
using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Benchmarking.Peaks;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>The worker process's side (the hidden `worker` verb): reads worker-request.json, probes or measures with
/// <see cref="OrtCaseMeasurer"/>, and writes worker-result.json atomically. An error it can catch is part of the
/// reply; a crash, a kill or a hang leaves no reply, and the parent reads the exit instead.</summary>
public static class CaseWorker
{
    public static void Run(string requestPath, string resultPath, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        WorkerRequest request = JsonSerializer.Deserialize<WorkerRequest>(File.ReadAllBytes(requestPath), WorkerJson.Options)
            ?? throw new JsonException($"'{requestPath}' holds no worker request");

        // Loads the native library: the end of the process's own start-up, before any model is read.
        RuntimeInfo runtime = ProviderProbe.Runtime();
        double readyMs = Stopwatch.GetElapsedTime(request.StartedTimestamp).TotalMilliseconds;
        WorkerReply reply = request.Peaks is PeakRequest peaks
            ? MeasurePeaks(request, peaks, readyMs)
            : request.Case is PlannedCase planned
            ? Measure(request, planned, readyMs, log)
            : new WorkerReply(runtime, [.. (request.Probe ?? []).Select(p => ProviderProbe.Probe(p, request.ProviderSettings))], null, null, null, null, readyMs);
        AtomicFile.WriteAllText(resultPath, JsonSerializer.Serialize(reply, WorkerJson.Options));
    }

    private static WorkerReply MeasurePeaks(WorkerRequest request, PeakRequest peaks, double readyMs)
    {
        try
        {
            ExecutionProvider provider = ExecutionProviders.TryParse(peaks.Provider, out ExecutionProvider p) ? p
                : throw new ArgumentException($"'{peaks.Provider}' is not a provider");
            return new WorkerReply(null, null, null, null, null, null, readyMs)
            {
                // Peaks are cached per CPU, runtime, provider and threads, not per --spin: measured with the runtime's default.
                Peaks = new OrtPeakMeasurer(request.ProviderSettings with { Spin = null }).MeasurePeaks(provider, peaks.Threads),
            };
        }
        catch (Exception e)
        {
            return new WorkerReply(null, null, null, null, $"{e.GetType().Name}: {e.Message.Split('\n')[0].TrimEnd('\r')}", FailureKind.Deterministic, readyMs);
        }
    }

    private static WorkerReply Measure(WorkerRequest request, PlannedCase planned, double readyMs, TextWriter log)
    {
        WorkerFault.Apply(planned.Id);
        try
        {
            var measurer = new OrtCaseMeasurer(request.ToRunRequest(request.BenchmarkDotNetLog ? log : null));
            CaseResult result = measurer.Measure(planned, request.ModelCase, request.ArtifactsDirectory ?? Directory.GetCurrentDirectory());
            return new WorkerReply(null, null, result with { ColdStartMs = result.ColdStartMs is { } cold ? cold with { ProcessToRuntime = readyMs } : null },
                null, null, null, readyMs);
        }
        catch (Exception e) when (e is EndToEndUnavailableException or Quantization.PrecisionUnavailableException)
        {
            return new WorkerReply(null, null, null, e.Message, null, null, readyMs);
        }
        catch (Exception e)
        {
            // Caught here, the failure is the case's own (the model or provider refused it), but an I/O error is the machine's.
            FailureKind kind = e is IOException ? FailureKind.Transient : FailureKind.Deterministic;
            return new WorkerReply(null, null, null, null, $"{e.GetType().Name}: {e.Message.Split('\n')[0].TrimEnd('\r')}", kind, readyMs);
        }
    }
}

/// <summary>Options of the files a run exchanges with its workers: those of results files, read leniently.</summary>
internal static class WorkerJson
{
    public static readonly JsonSerializerOptions Options = new(Serialization.SnakeCaseJson.Options) { WriteIndented = false };
}
