using System.Reflection;

namespace EffNetBench.Core;

public static class ToolVersion
{
    /// <summary>The informational version without the source-link hash suffix.</summary>
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
