using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EffNetBench.Core.Benchmarking.EndToEnd;
using EffNetBench.Core.Benchmarking.Peaks;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>
/// The <see cref="ICaseMeasurer"/> of `run`: every case in a process of its own (the tool started again with its hidden
/// `worker` verb), so a crash, a hang or running out of memory fails that case only, and each case's cold start and
/// memory are its own. The runtime and provider probes come from one short-lived worker per run, so this process never
/// loads ONNX Runtime. The worker measures with <see cref="OrtCaseMeasurer"/>.
/// </summary>
public sealed class ProcessCaseMeasurer : ICaseMeasurer, IPeakMeasurer
{
    public const string RequestFileName = "worker-request.json";
    public const string ResultFileName = "worker-result.json";

    /// <summary>Generous time for the worker's start, model generation (the largest zoo model included) and session creation.</summary>
    public static readonly TimeSpan SetupAllowance = TimeSpan.FromSeconds(120);

    /// <summary>More time for a case's profiling pass (`run --profile`): a second session, its inferences and the model's analysis.</summary>
    public static readonly TimeSpan ProfilingAllowance = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Extra time for a non-fp32 case, whose worker may first convert (and calibrate) its model when the cache
    /// does not hold it yet.</summary>
    public static readonly TimeSpan ConversionAllowance = TimeSpan.FromSeconds(300);

    private readonly RunRequest _request;
    private readonly WorkerLauncher _launcher;
    private readonly string? _ortLibrary;
    private readonly TimeSpan _timeout;
    private readonly Dictionary<ExecutionProvider, ProviderStatus> _probed = [];
    private RuntimeInfo? _runtime;

    /// <param name="launcher">How to start the tool; <see cref="WorkerLauncher.Current"/> when null.</param>
    /// <param name="ortLibrary">The native ONNX Runtime the workers load; this process's --ort-lib when null.</param>
    public ProcessCaseMeasurer(RunRequest request, WorkerLauncher? launcher = null, string? ortLibrary = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _launcher = launcher ?? WorkerLauncher.Current;
        _ortLibrary = ortLibrary ?? OrtLibrary.ConfiguredPath;
        _timeout = request.CaseTimeout ?? DefaultTimeout(BenchmarkPreset.Of(request.Settings)) + ScenarioAllowance(request.Settings)
            + (request.Settings.ProfileInferences is not null ? ProfilingAllowance : TimeSpan.Zero);
    }

    /// <summary>Added to the default timeout of a run with serving scenarios: twice their worst-case time caps (queue
    /// drains and a slow model's last request come on top of the caps).</summary>
    public static TimeSpan ScenarioAllowance(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Serving.ScenarioPlan.Of(settings) is { } plan
            ? TimeSpan.FromSeconds(2 * BenchmarkPreset.Of(settings).Serving.MaxSeconds(plan.Offline ? plan.Concurrency.Length : 0, plan.Rates?.Length))
            : TimeSpan.Zero;
    }

    /// <summary>The per-case timeout unless `--case-timeout` is given: 120 s for start-up, model generation and session
    /// creation, plus three times the preset's measuring and warm-up budgets (quick 129 s, default 169.5 s, thorough 315 s).</summary>
    public static TimeSpan DefaultTimeout(BenchmarkPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return SetupAllowance + 3 * (preset.CaseBudget + preset.WarmupBudget);
    }

    public RuntimeInfo Runtime()
    {
        if (_runtime is null)
        {
            ProbeNow([.. _request.Settings.Providers.Select(name => ExecutionProviders.TryParse(name, out ExecutionProvider p) ? (ExecutionProvider?)p : null)
                .OfType<ExecutionProvider>()]);
        }

        return _runtime!;
    }

    public ProviderStatus Probe(ExecutionProvider provider)
    {
        if (!_probed.TryGetValue(provider, out ProviderStatus? status))
        {
            ProbeNow([provider]);
            status = _probed[provider];
        }

        return status;
    }

    /// <summary>The runtime and the status of every provider, from one worker: what `run` uses when no --providers is given.</summary>
    public IReadOnlyList<ProviderStatus> ProbeAll()
    {
        ProbeNow([.. ExecutionProviders.All.Where(p => !_probed.ContainsKey(p))]);
        return [.. ExecutionProviders.All.Select(p => _probed[p])];
    }

    public CaseResult Measure(PlannedCase planned, CaseResult? modelCase, string artifactsDirectory)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.Architecture is { } arch)
        {
            // Generated here (managed code only, no ONNX Runtime), so the worker's memory before its session is not
            // inflated by the generation when the model was not cached yet.
            ModelCache.ForPlatform(_request.CacheDirectory).GetOrCreate(arch, planned.Batch, (ulong)_request.Settings.Seed);
        }

        WorkerReply reply = Ask(artifactsDirectory, planned, modelCase, null, planned.Model.Precision is null ? _timeout : _timeout + ConversionAllowance);
        if (reply.Unavailable is string unavailable)
        {
            throw new EndToEndUnavailableException(unavailable);
        }

        if (reply.Error is string error)
        {
            throw new CaseFailedException(error, reply.ErrorKind ?? FailureKind.Deterministic);
        }

        return reply.Result ?? throw new CaseFailedException("the worker's reply has no result", FailureKind.Transient);
    }

    /// <summary>This machine's peaks on <paramref name="provider"/>, measured by a worker (this process never loads ONNX Runtime).</summary>
    /// <exception cref="CaseFailedException">The worker failed or left no reply.</exception>
    public MachinePeaks MeasurePeaks(ExecutionProvider provider, int? threads)
    {
        string folder = Directory.CreateTempSubdirectory("effnet-bench-peaks-").FullName;
        try
        {
            WorkerReply reply = Ask(folder, null, null, null, ProbeTimeout, new PeakRequest(ExecutionProviders.Name(provider), threads));
            return reply.Peaks
                ?? throw new CaseFailedException(reply.Error ?? "the peaks worker's reply has no peaks", reply.ErrorKind ?? FailureKind.Deterministic);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    private void ProbeNow(ImmutableArray<ExecutionProvider> providers)
    {
        string folder = Directory.CreateTempSubdirectory("effnet-bench-probe-").FullName;
        try
        {
            WorkerReply reply;
            try
            {
                reply = Ask(folder, null, null, providers, ProbeTimeout);
            }
            catch (CaseFailedException e)
            {
                throw new WorkerException($"cannot probe ONNX Runtime in a worker process: {e.Message}");
            }

            _runtime = reply.Runtime ?? throw new WorkerException("the probe worker's reply has no runtime");
            foreach (ProviderStatus status in reply.Providers ?? [])
            {
                _probed[status.Provider] = status;
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    /// <summary>Writes the request into <paramref name="folder"/>, runs a worker on it, and reads its reply.</summary>
    /// <exception cref="CaseFailedException">The worker left no reply (crash, signal, timeout): transient.</exception>
    private WorkerReply Ask(string folder, PlannedCase? planned, CaseResult? modelCase, ImmutableArray<ExecutionProvider>? probe, TimeSpan timeout,
        PeakRequest? peaks = null)
    {
        string requestPath = Path.Combine(folder, RequestFileName);
        string resultPath = Path.Combine(folder, ResultFileName);

        // An A/B arm's case names its own ONNX Runtime library; the worker loads that one (each worker loads one).
        string? library = planned?.OrtLibrary ?? _ortLibrary;
        try
        {
            Directory.CreateDirectory(folder);
            File.Delete(resultPath); // a reply of an earlier attempt (a resumed run) is not this one's
            var request = new WorkerRequest(_request.Settings, _request.ProviderSettings, _request.CacheDirectory, _request.CheckOverhead,
                _request.BenchmarkDotNetExports, _request.BenchmarkDotNetLog is not null, library, probe, planned, modelCase,
                planned is null ? null : folder, Stopwatch.GetTimestamp())
            {
                Peaks = peaks,
            };
            AtomicFile.WriteAllText(requestPath, JsonSerializer.Serialize(request, WorkerJson.Options));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaseFailedException($"cannot write the worker's request: {e.Message}", FailureKind.Transient);
        }

        var arguments = new List<string> { "worker", "--request", requestPath, "--result", resultPath };
        if (library is not null)
        {
            arguments.AddRange(["--ort-lib", library]);
        }

        WorkerExit exit = WorkerProcess.Run(_launcher, arguments, timeout, _request.BenchmarkDotNetLog);
        if (!exit.TimedOut && File.Exists(resultPath))
        {
            try
            {
                WorkerReply reply = JsonSerializer.Deserialize<WorkerReply>(File.ReadAllBytes(resultPath), WorkerJson.Options)
                    ?? throw new JsonException("the reply is null");

                // Answered: the exchange is done (what it measured goes to results.jsonl). Without an answer the request
                // stays, to run the case again by hand: effnet-bench worker --request FILE --result FILE.
                File.Delete(requestPath);
                File.Delete(resultPath);
                return reply;
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                throw new CaseFailedException(string.Create(CultureInfo.InvariantCulture, $"cannot read the worker's reply '{resultPath}': {e.Message}"), FailureKind.Transient);
            }
        }

        throw new CaseFailedException(exit.Reason(), FailureKind.Transient);
    }
}
