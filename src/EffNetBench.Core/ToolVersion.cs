using System.Reflection;
using NuGet.Versioning;

namespace EffNetBench.Core;

/// <summary>The effnet-bench version, from git through MinVer (see Directory.Build.props): "0.2.0" for a commit tagged
/// v0.2.0, "0.2.1-alpha.0.3+1a2b3c4" for the third commit after it (SemVer 2: a pre-release, whose build metadata names
/// the commit), "0.1.0-alpha.0" for a build without git.</summary>
public static class ToolVersion
{
    /// <summary>The assembly's informational version, build metadata (the commit) included.</summary>
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>SemVer 2 precedence (semver.org, section 11): numeric pre-release identifiers compare as numbers
    /// (0.2.0-alpha.0.9 &lt; 0.2.0-alpha.0.12 &lt; 0.2.0), build metadata is ignored. Null when either version is not
    /// SemVer 2 (for example a four-part version).</summary>
    public static int? Compare(string left, string right) =>
        SemanticVersion.TryParse(left, out SemanticVersion? l) && SemanticVersion.TryParse(right, out SemanticVersion? r)
            ? VersionComparer.VersionRelease.Compare(l, r)
            : null;

    /// <summary>Whether <paramref name="version"/> is a SemVer 2 version, so <see cref="Compare"/> can order it.</summary>
    public static bool IsSemVer(string version) => SemanticVersion.TryParse(version, out _);
}
