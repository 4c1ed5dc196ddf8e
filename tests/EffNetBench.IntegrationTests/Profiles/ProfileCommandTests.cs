using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.IntegrationTests.Cli;
using EffNetBench.Tests.Reporting.Leaderboards;
using EffNetBench.Tests.Reporting.Profiles;

namespace EffNetBench.IntegrationTests.Profiles;

/// <summary>`profile` and `profile diff` end to end on run folders written from fixtures (no benchmark is run).</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("effnet-bench-profile-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a passing test.
        }
    }

    [Fact]
    public void Profile_writes_the_tables_and_plots_and_prints_the_verdict()
    {
        string run = ProfileFixtures.Save(ProfileFixtures.Series(), Path.Combine(_root, "run"));
        string report = Path.Combine(_root, "report");

        (int code, string output, string error) = CliRunner.Run("profile", run, "--out", report);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("b0@224 cpu b1 tdefault: 10.00 ms (conv-depthwise 61%, conv-pointwise 23%, conv 6%; overhead 3.40 ms, 27% of attainable)", output);
        Assert.Contains("scaling stops paying at b2@260 -> b3@300", output);
        foreach (string file in new[] { "profile.md", "profile-kinds.csv", "roofline.png", "roofline.svg", "time-share-per-kind.png", "time-share-per-kind.svg" })
        {
            Assert.True(new FileInfo(Path.Combine(report, file)).Length > 0, file);
        }

        Assert.Contains("20260105T100000Z-vm,b0@224,cpu,1,default,kind,conv-depthwise,1,4,0.606061,0.269461,36000000,12000000,9,3,30,0.3\n",
            File.ReadAllText(Path.Combine(report, "profile-kinds.csv")));
    }

    [Fact]
    public void Profile_diff_writes_the_changes_of_two_runs()
    {
        string baseline = ProfileFixtures.Save(ProfileFixtures.Series("base"), Path.Combine(_root, "base"));
        var slower = ProfileFixtures.Series("cur");
        slower = slower with { Cases = [ProfileFixtures.Profiled(LeaderboardSamples.B0, 11, ProfileFixtures.Variant(1.0, 5, 11)), .. slower.Cases.Skip(1)] };
        string current = ProfileFixtures.Save(slower, Path.Combine(_root, "cur"));

        (int code, string output, string error) = CliRunner.Run("profile", "diff", baseline, current);

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Contains("b0@224 cpu b1 tdefault: median 10.00 -> 11.00 ms\n  conv-depthwise: +1.000 ms (beyond noise, noise 0.035 ms)", output.ReplaceLineEndings("\n"));
        Assert.Contains("| conv-depthwise | 4.000 | 5.000 | +1.000 |", File.ReadAllText(Path.Combine(current, ProfileReportGenerator.DiffMarkdownFileName)));
    }

    [Fact]
    public void Bad_input_is_a_one_line_usage_error()
    {
        string plain = ProfileFixtures.Save(LeaderboardSamples.Example(), Path.Combine(_root, "plain"));
        string empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        (int code1, _, string error1) = CliRunner.Run("profile", empty);
        (int code2, _, string error2) = CliRunner.Run("profile", plain);

        Assert.Equal(2, code1);
        Assert.Contains("is not a run folder", error1);
        Assert.Equal(2, code2);
        Assert.Contains("has no profiled case: measure one with 'effnet-bench run --profile'", error2);
        Assert.Single(error2.Trim().Split('\n'));
    }
}
