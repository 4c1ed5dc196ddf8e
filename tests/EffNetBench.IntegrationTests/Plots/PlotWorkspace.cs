namespace EffNetBench.IntegrationTests.Plots;

/// <summary>A temporary folder for plot files, deleted afterwards.</summary>
internal sealed class PlotWorkspace : IDisposable
{
    public PlotWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("effnet-bench-plots-").FullName;
    }

    public string Root { get; }

    /// <summary>A folder under the root, not created beforehand, so a test can tell whether the plot created it.</summary>
    public string Folder(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a passing test.
        }
    }
}
