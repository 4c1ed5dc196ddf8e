using System.Text;
using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EffNetBench.Core.Benchmarking.Profiling;

/// <summary>
/// `run --profile`: after a case's timed samples, in the same worker, a separate session with ONNX Runtime's profiler on
/// (SessionOptions.EnableProfiling; same provider, threads and graph options as the timed session) runs a short
/// warm-up and the profiled inferences; the trace is kept as profile/&lt;case&gt;.json in the run folder and joined with
/// the graph analysis (<see cref="ProfileJoin"/>). Never throws: a profiling pass that fails is a profile with the reason.
/// </summary>
public static class CaseProfiler
{
    /// <summary>Inferences profiled when `--profile` is given without a number.</summary>
    public const int DefaultInferences = 20;

    public const int MaxInferences = 10_000;

    /// <summary>Inferences run first and left out of the medians (the first one allocates and tunes).</summary>
    public const int WarmupRuns = 2;

    public const string FolderName = "profile";

    /// <summary>The trace's path relative to the run folder: "profile/&lt;case id with '/' made '_'&gt;.json".</summary>
    public static string TraceFileFor(string caseId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var name = new StringBuilder(caseId.Length);
        foreach (char c in caseId)
        {
            name.Append(char.IsLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_');
        }

        return FolderName + "/" + name + ".json";
    }

    /// <param name="runDirectory">The run folder the trace is kept in.</param>
    /// <param name="caseMedianMs">The case's measured median latency.</param>
    public static ProfileSummary Profile(PlannedCase planned, string modelPath, RunRequest request, int inferences, double caseMedianMs, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Profile(planned, modelPath, inferences, caseMedianMs, runDirectory, target => Record(planned, modelPath, request, inferences, target));
    }

    /// <param name="record">Runs the profiled inferences and leaves the trace at the path it is given, returning that
    /// path; null when the runtime wrote no trace (the seam the tests fake).</param>
    internal static ProfileSummary Profile(PlannedCase planned, string modelPath, int inferences, double caseMedianMs, string runDirectory,
        Func<string, string?> record)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(record);
        string traceFile = TraceFileFor(planned.Id);
        var options = new ProfileJoinOptions(WarmupRuns, inferences, caseMedianMs, planned.Provider == ExecutionProvider.Cpu, traceFile,
            planned.Architecture is { } arch ? ZooStages.For(arch) : null);
        try
        {
            string target = Path.Combine(runDirectory, traceFile);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            string? written = record(target);
            if (written is null)
            {
                return ProfileJoin.Empty(options with { TraceFile = null },
                    $"ONNX Runtime wrote no profile for {ExecutionProviders.DisplayName(planned.Provider)}: the provider may not support profiling");
            }

            GraphAnalysis? analysis = Analyze(modelPath, planned.Batch, out int unnamed, out string? analysisProblem);
            ProfileSummary summary = ProfileJoin.Join(File.ReadAllText(written), analysis, options with { UnnamedNodes = unnamed });
            return analysisProblem is null ? summary : summary with { Warnings = summary.Warnings.Add(analysisProblem) };
        }
        catch (Exception e)
        {
            // The timed result stands whatever happens here (running out of memory included: the timed session is gone).
            return ProfileJoin.Empty(options with { TraceFile = null }, $"the profiling pass failed: {e.GetType().Name}: {e.Message.Split('\n')[0].TrimEnd('\r')}");
        }
    }

    /// <summary>Runs the profiled session and moves its trace to <paramref name="target"/>; null when the runtime wrote none.</summary>
    private static string? Record(PlannedCase planned, string modelPath, RunRequest request, int inferences, string target)
    {
        string folder = Path.GetDirectoryName(target)!;
        string prefix = Path.Combine(folder, Path.GetFileNameWithoutExtension(target) + ".ort");
        bool gpu = planned.Provider is ExecutionProvider.Cuda or ExecutionProvider.TensorRt;
        using SessionOptions options = SessionFactory.CreateOptions(planned.Provider, planned.Threads, request.ProviderSettings);
        options.ProfileOutputPathPrefix = prefix; // before EnableProfiling, which passes the prefix to the runtime
        options.EnableProfiling = true;
        using OrtMemoryInfo? deviceOutputs = gpu
            ? new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, request.ProviderSettings.DeviceId, OrtMemType.Default)
            : null;
        string produced;
        using (InferenceRunner runner = InferenceRunner.Create(modelPath, options, planned.Batch, deviceOutputs))
        {
            for (int i = 0; i < WarmupRuns + inferences; i++)
            {
                runner.Run();
            }

            produced = runner.EndProfiling();
        }

        if (string.IsNullOrEmpty(produced) || !File.Exists(produced))
        {
            return null;
        }

        File.Move(produced, target, overwrite: true);
        return target;
    }

    private static GraphAnalysis? Analyze(string modelPath, int batch, out int unnamed, out string? problem)
    {
        unnamed = 0;
        try
        {
            problem = null;
            ModelProto model = OnnxModelFile.Load(modelPath);
            unnamed = model.Graph?.Node.Count(n => n.Name.Length == 0) ?? 0;
            return GraphAnalyzer.Analyze(model, new AnalysisOptions(batch));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = $"the model could not be analysed ({e.GetType().Name}: {e.Message.Split('\n')[0].TrimEnd('\r')})";
            return null;
        }
    }
}
