using System.Collections.Immutable;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>How this tool starts itself: the executable and the arguments that come before the worker verb.</summary>
public sealed record WorkerLauncher(string FileName, ImmutableArray<string> Prefix)
{
    /// <summary>The assembly name of the tool (effnet-bench.dll, apphost effnet-bench).</summary>
    public const string ToolAssemblyName = "effnet-bench";

    /// <summary>This process's way to start the tool again: from <see cref="Environment.ProcessPath"/> and the tool's assembly.</summary>
    public static WorkerLauncher Current => Resolve(
        Environment.ProcessPath,
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == ToolAssemblyName)?.Location,
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"));

    /// <summary>
    /// The apphost (<c>effnet-bench</c>, also a global tool's shim) starts itself directly; the <c>dotnet</c> host
    /// (<c>dotnet effnet-bench.dll</c>) is given the tool's assembly; any other host (a test host that loaded the
    /// tool's assembly) starts the tool's assembly with <paramref name="dotnetHost"/>, else the <c>dotnet</c> on PATH.
    /// </summary>
    public static WorkerLauncher Resolve(string? processPath, string? toolAssembly, string? dotnetHost)
    {
        string? name = processPath is null ? null : Path.GetFileNameWithoutExtension(processPath);
        if (processPath is not null && string.Equals(name, ToolAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerLauncher(processPath, []);
        }

        if (string.IsNullOrEmpty(toolAssembly))
        {
            throw new InvalidOperationException($"cannot find how to start {ToolAssemblyName} again: the process is {processPath ?? "unknown"} and the {ToolAssemblyName} assembly is not loaded");
        }

        string host = processPath is not null && string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase)
            ? processPath
            : !string.IsNullOrEmpty(dotnetHost) ? dotnetHost : "dotnet";
        return new WorkerLauncher(host, [toolAssembly]);
    }
}
