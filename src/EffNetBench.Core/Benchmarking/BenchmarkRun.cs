using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Runs every planned case, appending each result to disk the moment it is finished.</summary>
public static class BenchmarkRun
{
    /// <summary>Starts a new run in <see cref="RunSettings.OutDir"/>.</summary>
    public static RunOutcome Start(RunRequest request, IRunObserver observer, CancellationToken cancel)
    {
        BenchmarkPreset preset = PresetOf(request.Settings);
        ImmutableArray<PlannedCase> plan = RunPlanner.Plan(request.Settings);
        RuntimeInfo runtime = ProviderProbe.Runtime();
        var header = new RunHeader(
            ToolInfo.Current,
            new RunInfo(NewRunId(), DateTimeOffset.UtcNow, null, preset.Name, request.Settings.Label),
            EnvironmentInfo.Capture(runtime.OrtVersion, runtime.LibraryPath, runtime.CompiledProviders, []),
            request.Settings);
        ResultsStore store = ResultsStore.Create(request.Settings.OutDir, header);
        return Execute(store, plan, preset, request, observer, cancel);
    }

    /// <summary>Continues the run in <paramref name="directory"/> with its original settings, measuring only unfinished cases.</summary>
    public static RunOutcome Resume(string directory, Func<RunSettings, RunRequest> requestFor, IRunObserver observer, CancellationToken cancel)
    {
        ResultsStore store = ResultsStore.Open(directory);
        RunRequest request = requestFor(store.Header.Settings);
        return Execute(store, RunPlanner.Plan(store.Header.Settings), PresetOf(store.Header.Settings), request, observer, cancel);
    }

    private static RunOutcome Execute(ResultsStore store, ImmutableArray<PlannedCase> plan, BenchmarkPreset preset, RunRequest request,
        IRunObserver observer, CancellationToken cancel)
    {
        var finished = store.Finished.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var todo = plan.Where(c => !finished.Contains(c.Id)).ToList();
        if (finished.Count > 0)
        {
            observer.Note(string.Create(CultureInfo.InvariantCulture, $"resuming: {finished.Count} of {plan.Length} cases already finished"));
        }

        // Read and tried with DecodeImage once, at the first end-to-end case that is measured.
        Lazy<EndToEndImage>? image = request.Settings.EndToEndImage is string imagePath ? new(() => EndToEndImage.Load(imagePath)) : null;
        var usable = new Dictionary<ExecutionProvider, ProviderStatus>();
        var cache = ModelCache.ForPlatform(request.CacheDirectory);
        var clock = Stopwatch.StartNew();
        double workDone = 0;
        for (int i = 0; i < todo.Count; i++)
        {
            if (cancel.IsCancellationRequested)
            {
                return new RunOutcome(store.Directory, null, InPlanOrder(store, plan), Interrupted: true);
            }

            PlannedCase planned = todo[i];
            TimeSpan? eta = workDone > 0 ? Eta(todo.Skip(i), clock.Elapsed.TotalSeconds / workDone, preset) : null;
            observer.CaseStarted(i + 1, todo.Count, planned, eta);
            if (!usable.TryGetValue(planned.Provider, out ProviderStatus? status))
            {
                status = ProviderProbe.Probe(planned.Provider, request.ProviderSettings);
                usable[planned.Provider] = status;
            }

            CaseResult result = planned.EndToEndOf is string modelCaseId
                ? RunCase(planned, status, cache, request, store.Directory,
                    (model, artifacts) => EndToEndCase.Measure(planned, model, image!.Value, store.Finished.LastOrDefault(c => c.Id == modelCaseId), preset, request, artifacts),
                    notMeasured => notMeasured with { EndToEnd = EndToEndCase.NotMeasured(planned, request.Settings.EndToEndImage!, image!.IsValueCreated ? image.Value.Bytes : null) },
                    () => image!.Value.Unavailable)
                : RunCase(planned, status, cache, request, store.Directory, (model, artifacts) => CaseRunner.Measure(planned, model, preset, request, artifacts));
            store.Append(result);
            if (result.Status == CaseStatus.Ok)
            {
                workDone += Work(planned); // skipped and failed cases take no measuring time
            }
            observer.CaseFinished(i + 1, todo.Count, result);
        }

        BenchmarkResults results = store.Complete(DateTimeOffset.UtcNow);
        return new RunOutcome(store.Directory, results, InPlanOrder(store, plan), Interrupted: false);
    }

    /// <summary>
    /// One case: skipped when its provider is unusable, the plan skips it or <paramref name="unavailable"/> gives a
    /// reason (no silent fallback: e.g. the end-to-end image or its decoder missing here); otherwise its model is
    /// generated or taken from its file and <paramref name="measure"/>d (model path, artifacts folder). A case that
    /// throws is recorded as failed and the run goes on. <paramref name="notMeasured"/> completes a skipped or failed record.
    /// </summary>
    private static CaseResult RunCase(PlannedCase planned, ProviderStatus status, ModelCache cache, RunRequest request, string runDirectory,
        Func<string, string, CaseResult> measure, Func<CaseResult, CaseResult>? notMeasured = null, Func<string?>? unavailable = null)
    {
        string provider = ExecutionProviders.Name(planned.Provider);
        CaseResult NotMeasured(bool skipped, string reason)
        {
            CaseResult result = skipped
                ? CaseResult.Skipped(planned.Id, planned.Model, provider, planned.Batch, planned.Threads, reason)
                : CaseResult.Failed(planned.Id, planned.Model, provider, planned.Batch, planned.Threads, reason);
            return notMeasured is null ? result : notMeasured(result);
        }

        if (!status.Usable)
        {
            return NotMeasured(skipped: true, $"{ExecutionProviders.DisplayName(planned.Provider)} unavailable: {status.Reason}");
        }

        if (planned.SkipReason is string skip)
        {
            return NotMeasured(skipped: true, skip);
        }

        if (unavailable?.Invoke() is string missing)
        {
            return NotMeasured(skipped: true, missing);
        }

        try
        {
            string path = planned.Architecture is { } arch
                ? cache.GetOrCreate(arch, planned.Batch, (ulong)request.Settings.Seed).Path
                : planned.Model.File!;
            string artifacts = Path.Combine(runDirectory, "bdn", ArtifactFolder(planned.Id));
            CaseResult result = measure(path, artifacts);
            return result with { Model = result.Model with { File = path } };
        }
        catch (EndToEndUnavailableException e)
        {
            // What this platform lacks (an extension op, a model the preprocessing cannot feed): skipped, with the reason.
            return NotMeasured(skipped: true, e.Message);
        }
        catch (Exception e)
        {
            // A case that throws (a provider failure, memory at a large batch) is recorded and the run goes on.
            return NotMeasured(skipped: false, $"{e.GetType().Name}: {e.Message.Split('\n')[0].TrimEnd('\r')}");
        }
    }

    /// <summary>Time left: seconds per unit of work so far times each remaining case's work, but no case longer than
    /// its time budget plus warm-up and set-up (the stopping rule caps it).</summary>
    private static TimeSpan Eta(IEnumerable<PlannedCase> remaining, double secondsPerWork, BenchmarkPreset preset)
    {
        double cap = (preset.CaseBudget + preset.WarmupBudget).TotalSeconds + 5;
        return TimeSpan.FromSeconds(remaining.Sum(c => Math.Min(secondsPerWork * Work(c), cap)));
    }

    /// <summary>Relative cost of a case: FLOPs of its batch (1 per image when the model's FLOPs are unknown).</summary>
    private static double Work(PlannedCase planned) => (planned.Model.Flops ?? 1e9) * planned.Batch;

    private static ImmutableArray<CaseResult> InPlanOrder(ResultsStore store, ImmutableArray<PlannedCase> plan)
    {
        var order = plan.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. store.Finished.OrderBy(c => order.GetValueOrDefault(c.Id, int.MaxValue))];
    }

    private static BenchmarkPreset PresetOf(RunSettings settings) =>
        BenchmarkPreset.TryFind(settings.Preset, out BenchmarkPreset preset)
            ? preset
            : throw new ArgumentException($"unknown preset '{settings.Preset}': use quick, default or thorough");

    private static string NewRunId() =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Environment.MachineName.ToLowerInvariant()}");

    private static string ArtifactFolder(string caseId) => caseId.Replace('/', '_');
}
