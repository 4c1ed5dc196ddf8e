using System.Globalization;

namespace EffNetBench.Core.Results;

/// <summary>
/// What must hold for `run --resume` to add cases to a run folder: the cases already there are the run's own, and the
/// new ones are measured by the same tool and ONNX Runtime on the same machine, so that the run's cases stay comparable.
/// </summary>
/// <remarks>
/// Compared: the tool version, the ONNX Runtime version and the providers compiled into it (a CPU build and a GPU build
/// of one version differ there), the CPU model and the logical core count (the default thread count follows it). Not
/// compared: the hostname (a container gets a new one at each start, on the same hardware), the library's path (it moves
/// when the tool is reinstalled or run from another folder; the version and build are what measure), the kernel, the
/// memory size and the .NET version.
/// </remarks>
public static class ResumeCheck
{
    /// <summary>Null when <paramref name="current"/> may continue the run recorded in <paramref name="recorded"/>; else what differs, one line.</summary>
    public static string? EnvironmentProblem(string directory, RunHeader recorded, EnvironmentInfo current, ToolInfo tool)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(tool);
        EnvironmentInfo was = recorded.Environment;
        string? difference =
            recorded.Tool.Version != tool.Version
                ? $"the run was measured by effnet-bench {recorded.Tool.Version} and this is {tool.Version}"
            : was.OnnxRuntime != current.OnnxRuntime
                ? $"the run was measured with ONNX Runtime {was.OnnxRuntime} ({Library(was)}) and this process loaded {current.OnnxRuntime} ({Library(current)}): {Fix(was)}"
            : !was.ProvidersAvailable.Order(StringComparer.Ordinal).SequenceEqual(current.ProvidersAvailable.Order(StringComparer.Ordinal))
                ? $"the run's ONNX Runtime {was.OnnxRuntime} build ({Library(was)}) has {List(was.ProvidersAvailable)} and the one loaded here ({Library(current)}) has {List(current.ProvidersAvailable)}: {Fix(was)}"
            : was.Cpu != current.Cpu
                ? $"the run was measured on a {was.Cpu} and this machine has a {current.Cpu}"
            : was.LogicalCores != current.LogicalCores
                ? string.Create(CultureInfo.InvariantCulture, $"the run was measured with {was.LogicalCores} logical cores and this machine has {current.LogicalCores}")
            : null;
        return difference is null
            ? null
            : $"cannot resume the run in '{directory}': {difference}; its cases would not be comparable, so start a new run with --out";
    }

    /// <summary>Null when every case in the folder is one the run's settings plan; else the first stranger, one line.</summary>
    public static string? ForeignCaseProblem(string directory, IEnumerable<CaseResult> finished, IEnumerable<string> plannedIds)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var planned = plannedIds.ToHashSet(StringComparer.Ordinal);
        string? foreign = finished.Select(c => c.Id).FirstOrDefault(id => !planned.Contains(id));
        return foreign is null
            ? null
            : $"cannot resume the run in '{directory}': its {ResultsStore.CasesFileName} holds case '{foreign}', which is not in the run's plan ({ResultsStore.RunFileName}'s settings), so the folder mixes in results of another run; remove that line or start a new run with --out";
    }

    /// <summary>How to load the run's library again: by version when the run recorded its package, else by path.</summary>
    private static string Fix(EnvironmentInfo was) => was.OnnxRuntimePackage is { } p
        ? $"give --ort {p.Version}{(p.Flavor == "cpu" ? string.Empty : ":" + p.Flavor)} (the run's package, {p.Id}) or --ort-lib the run's library"
        : "give --ort-lib the run's library";

    private static string Library(EnvironmentInfo environment) => environment.OnnxRuntimeLibrary ?? "library path unknown";

    private static string List(IEnumerable<string> providers) => string.Join(", ", providers.Order(StringComparer.Ordinal));
}
