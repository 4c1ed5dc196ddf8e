using EffNetBench.Core;
using EffNetBench.Core.Results;
using EffNetBench.IntegrationTests.Run;

namespace EffNetBench.IntegrationTests.Cli;

public sealed class VersionTests
{
    [Fact]
    public void Version_prints_the_full_version_the_results_record_commit_included()
    {
        using var tool = ToolProcess.Start("--version");

        Assert.True(tool.WaitForExit(TimeSpan.FromSeconds(60)), tool.Transcript);
        Assert.Equal(0, tool.ExitCode);
        Assert.StartsWith($"stdout:\n{ToolVersion.Current}\n", tool.Transcript, StringComparison.Ordinal);
        Assert.Equal(ToolVersion.Current, ToolInfo.Current.Version);
        Assert.True(ToolVersion.IsSemVer(ToolVersion.Current), ToolVersion.Current);
    }
}
