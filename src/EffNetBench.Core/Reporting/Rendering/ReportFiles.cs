using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Rendering;

/// <summary>Writes a report's text files into one folder: created if needed, each file replaced atomically, so a reader never sees half a file.</summary>
public static class ReportFiles
{
    /// <returns>The paths written (<paramref name="directory"/> combined with each name), in the order given.</returns>
    public static ImmutableArray<string> Write(string directory, params ReadOnlySpan<(string Name, string Text)> files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var paths = ImmutableArray.CreateBuilder<string>(files.Length);
        foreach ((string name, string text) in files)
        {
            string path = Path.Combine(directory, name);
            AtomicFile.WriteAllText(path, text);
            paths.Add(path);
        }

        return paths.MoveToImmutable();
    }
}
