using System.Collections.Immutable;
using System.Globalization;
using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Benchmarking.Isolation;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Providers.Runtimes;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Executes a whole benchmark run: plans the cases, measures each through an <see cref="ICaseMeasurer"/>, and
/// appends each result to disk the moment it is finished.</summary>
/// <param name="measurerFor">The measurer of one run, from its request (the settings of run.json when resuming).</param>
/// <param name="time">The clock of the ETA and of the run's start and end times; the system's when null.</param>
public sealed class BenchmarkEngine(Func<RunRequest, ICaseMeasurer> measurerFor, TimeProvider? time = null)
{
    /// <summary>The run folder's folder of per-case artifacts (BenchmarkDotNet's logs): &lt;run&gt;/bdn/&lt;case&gt;.</summary>
    public const string ArtifactsFolderName = "bdn";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The engine on this machine: each case measured by ONNX Runtime and BenchmarkDotNet in a worker process of its own.</summary>
    public static BenchmarkEngine Real { get; } = new(request => new ProcessCaseMeasurer(request));

    /// <summary>Starts a new run in <see cref="RunSettings.OutDir"/>.</summary>
    public RunOutcome Start(RunRequest request, IRunObserver observer, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        BenchmarkPreset preset = BenchmarkPreset.Of(request.Settings);
        ImmutableArray<PlannedCase> plan = RunPlanner.Plan(request.Settings);
        ICaseMeasurer measurer = measurerFor(request);
        RuntimeInfo runtime = measurer.Runtime();
        var header = new RunHeader(
            ToolInfo.Current,
            new RunInfo(NewRunId(_time.GetUtcNow()), _time.GetUtcNow(), null, preset.Name, request.Settings.Label),
            EnvironmentInfo.Capture(runtime.OrtVersion, runtime.LibraryPath, runtime.CompiledProviders, []) with
            {
                OnnxRuntimePackage = RuntimeStore.PackageOf(runtime.LibraryPath),
            },
            request.Settings);

        // Held until the run ends (or its process dies): a second run into this folder is refused meanwhile.
        using RunFolderLock? folderLock = RunFolderLock.Acquire(request.Settings.OutDir, create: true);
        ResultsStore store = ResultsStore.Create(request.Settings.OutDir, header);
        return Execute(store, plan, preset, request, measurer, observer, cancel);
    }

    /// <summary>Continues the run in <paramref name="directory"/> with its original settings, measuring only unfinished cases
    /// and failed cases whose failure was transient (all failed cases with <paramref name="retryFailed"/>).</summary>
    public RunOutcome Resume(string directory, Func<RunSettings, RunRequest> requestFor, IRunObserver observer, CancellationToken cancel,
        bool retryFailed = false)
    {
        ArgumentNullException.ThrowIfNull(requestFor);
        using RunFolderLock? folderLock = RunFolderLock.Acquire(directory, create: false);
        ResultsStore store = ResultsStore.Open(directory);
        RunSettings settings = store.Header.Settings;
        ImmutableArray<PlannedCase> plan = RunPlanner.Plan(settings);
        RunRequest request = requestFor(settings);
        ICaseMeasurer measurer = measurerFor(request);

        // Refused before anything is written: cases of another run in the folder, or another tool, runtime or machine.
        RuntimeInfo runtime = measurer.Runtime();
        string? problem = ResumeCheck.ForeignCaseProblem(store.Directory, store.Finished, plan.Select(c => c.Id))
            ?? ResumeCheck.EnvironmentProblem(store.Directory, store.Header,
                EnvironmentInfo.Capture(runtime.OrtVersion, runtime.LibraryPath, runtime.CompiledProviders, []), ToolInfo.Current);
        if (problem is not null)
        {
            throw new ResultsStoreException(store.Directory, problem, kind: ErrorKind.Usage);
        }

        return Execute(store, plan, BenchmarkPreset.Of(settings), request, measurer, observer, cancel, retryFailed);
    }

    private RunOutcome Execute(ResultsStore store, ImmutableArray<PlannedCase> plan, BenchmarkPreset preset, RunRequest request,
        ICaseMeasurer measurer, IRunObserver observer, CancellationToken cancel, bool retryFailed = false)
    {
        RunSettings settings = request.Settings;
        // One results.jsonl line per finished launch; the schedule is rebuilt identically on --resume, and a launch
        // already on disk (or any launch of a case already done: a failed or skipped launch ends its case) is not run again.
        int launches = BenchmarkPreset.LaunchesFor(settings);
        ImmutableArray<PlannedCase> schedule = LaunchSchedule.Build(plan, launches);
        var lines = new Dictionary<string, List<CaseResult>>(StringComparer.Ordinal);
        foreach (CaseResult line in store.Finished)
        {
            LinesOf(lines, line.Id).Add(line);
        }

        // A failed case is measured again, every launch of it, when its failure was transient (a crash, a timeout), or
        // whatever it was with --retry-failed; its new lines supersede the old ones launch by launch.
        string[] again = [.. lines.Where(l => l.Value.Any(c => c.Status == CaseStatus.Failed && (retryFailed || c.FailureKind == FailureKind.Transient)))
            .Select(l => l.Key)];
        foreach (string id in again)
        {
            lines.Remove(id);
        }

        bool Pending(PlannedCase launch) =>
            !(lines.TryGetValue(launch.Id, out List<CaseResult>? done)
              && (LaunchMerge.IsDone(done, launches) || done.Any(l => l.LaunchIndex == launch.Launch)));
        var todo = schedule.Select((launch, order) => (Launch: launch, Order: order)).Where(x => Pending(x.Launch)).ToList();
        if (lines.Count > 0 || again.Length > 0)
        {
            int finishedCases = plan.Count(c => lines.TryGetValue(c.Id, out List<CaseResult>? done) && LaunchMerge.IsDone(done, launches));
            observer.Note((launches == 1
                ? string.Create(CultureInfo.InvariantCulture, $"resuming: {finishedCases} of {plan.Length} cases already finished")
                : string.Create(CultureInfo.InvariantCulture, $"resuming: {finishedCases} of {plan.Length} cases already finished, {schedule.Length - todo.Count} of {schedule.Length} launches"))
                + (again.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $", {again.Length} failed to measure again") : ""));
        }

        var usable = new Dictionary<ExecutionProvider, ProviderStatus>();
        long start = _time.GetTimestamp();
        double workDone = 0;
        for (int i = 0; i < todo.Count; i++)
        {
            // Checked between launches only: an interrupted run finishes the launch it is measuring, then stops.
            if (cancel.IsCancellationRequested)
            {
                return new RunOutcome(store.Directory, null, Merged(lines, plan, launches), Interrupted: true);
            }

            (PlannedCase planned, int order) = todo[i];
            if (!Pending(planned))
            {
                continue; // an earlier launch of this case failed or was skipped in this run
            }

            TimeSpan? eta = workDone > 0 ? Eta(todo.Skip(i).Select(x => x.Launch), _time.GetElapsedTime(start).TotalSeconds / workDone, preset.PerLaunch(launches)) : null;
            observer.CaseStarted(i + 1, todo.Count, planned, eta);
            if (!usable.TryGetValue(planned.Provider, out ProviderStatus? status))
            {
                status = measurer.Probe(planned.Provider);
                usable[planned.Provider] = status;
            }

            CaseResult? modelCase = planned.EndToEndOf is string modelCaseId && lines.TryGetValue(modelCaseId, out List<CaseResult>? modelLines)
                ? LaunchMerge.Merge(modelLines, launches)
                : null;
            CaseResult result = LaunchMerge.AsLaunch(RunCase(planned, status, measurer, modelCase, store, settings), planned, order);
            store.Append(result);
            LinesOf(lines, result.Id).Add(result);
            if (result.Status == CaseStatus.Ok)
            {
                workDone += Work(planned); // skipped and failed cases take no measuring time
            }

            observer.CaseFinished(i + 1, todo.Count, result);
        }

        ImmutableArray<CaseResult> cases = Merged(lines, plan, launches);

        // After the cases, so the timed samples never share the machine with it (a cached figure costs nothing).
        ImmutableArray<MachinePeaks>? peaks = Peaks.RunPeaks.For(request, store.Header.Environment, cases, measurer, observer);
        BenchmarkResults results = store.Complete(_time.GetUtcNow(), cases, peaks);
        return new RunOutcome(store.Directory, results, cases, Interrupted: false);
    }

    private static List<CaseResult> LinesOf(Dictionary<string, List<CaseResult>> lines, string id)
    {
        if (!lines.TryGetValue(id, out List<CaseResult>? list))
        {
            list = [];
            lines[id] = list;
        }

        return list;
    }

    /// <summary>One merged result per case with any launch on disk, in plan order (cases the plan no longer has last).</summary>
    private static ImmutableArray<CaseResult> Merged(Dictionary<string, List<CaseResult>> lines, ImmutableArray<PlannedCase> plan, int launches)
    {
        var order = plan.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. lines.Where(l => l.Value.Count > 0)
            .OrderBy(l => order.GetValueOrDefault(l.Key, int.MaxValue))
            .Select(l => LaunchMerge.Merge(l.Value, launches))];
    }

    /// <summary>
    /// One case: skipped when its provider is unusable or the plan skips it (no silent fallback); otherwise measured.
    /// A case the measurer finds unavailable here (<see cref="EndToEndUnavailableException"/>) is skipped with the reason;
    /// a case that throws anything else is recorded as failed and the run goes on. An end-to-end case not measured
    /// still records its image.
    /// </summary>
    private static CaseResult RunCase(PlannedCase planned, ProviderStatus status, ICaseMeasurer measurer, CaseResult? modelCase, ResultsStore store, RunSettings settings)
    {
        string provider = ExecutionProviders.Name(planned.Provider);
        CaseResult NotMeasured(bool skipped, string reason, FailureKind kind = FailureKind.Deterministic)
        {
            CaseResult result = skipped
                ? CaseResult.Skipped(planned.Id, planned.Model, provider, planned.Batch, planned.Threads, reason)
                : CaseResult.Failed(planned.Id, planned.Model, provider, planned.Batch, planned.Threads, reason, kind);
            return planned.EndToEndOf is null || settings.EndToEndImage is not string image
                ? result
                : result with { EndToEnd = EndToEndCase.NotMeasured(planned, image) };
        }

        if (!status.Usable)
        {
            return NotMeasured(skipped: true, $"{ExecutionProviders.DisplayName(planned.Provider)} unavailable: {status.Reason}");
        }

        if (planned.SkipReason is string skip)
        {
            return NotMeasured(skipped: true, skip);
        }

        try
        {
            return measurer.Measure(planned, modelCase, Path.Combine(store.Directory, ArtifactsFolderName, ArtifactFolder(planned)));
        }
        catch (Exception e) when (e is EndToEndUnavailableException or Quantization.PrecisionUnavailableException)
        {
            // What this platform lacks (an extension op, a model the preprocessing cannot feed): skipped, with the reason.
            return NotMeasured(skipped: true, e.Message);
        }
        catch (CaseFailedException e)
        {
            // The worker crashed, hung or was killed (transient), or reported the case's own error (deterministic).
            return NotMeasured(skipped: false, e.Message, e.Kind);
        }
        catch (Exception e)
        {
            // A case that throws (a provider failure, memory at a large batch) is recorded and the run goes on.
            return NotMeasured(skipped: false, $"{e.GetType().Name}: {e.Message.Split('\n')[0].TrimEnd('\r')}",
                e is IOException ? FailureKind.Transient : FailureKind.Deterministic);
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

    private static string NewRunId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmss'Z'}-{Environment.MachineName.ToLowerInvariant()}");

    /// <summary>The run folder of a case's artifacts folder (&lt;run&gt;/bdn/&lt;case&gt;); the folder itself when it is not in a run folder.</summary>
    public static string RunDirectoryOf(string artifactsDirectory)
    {
        string full = Path.GetFullPath(artifactsDirectory);
        DirectoryInfo? parent = Directory.GetParent(Path.TrimEndingDirectorySeparator(full));
        return parent is { Name: ArtifactsFolderName, Parent: { } run } ? run.FullName : full;
    }

    /// <summary>The case's id with '/' made '_', and "_launch2" for the second of several launches.</summary>
    private static string ArtifactFolder(PlannedCase planned) => planned.Id.Replace('/', '_')
        + (planned.LaunchCount > 1 ? string.Create(CultureInfo.InvariantCulture, $"_launch{planned.Launch}") : string.Empty);
}
