using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.Core.Results;
using EffNetBench.Tests.Reporting.Leaderboards;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Reporting.Profiles;

/// <summary>`profile diff`: two runs (or the two arms of one ab run) paired case by case, changes largest first, with
/// the noise the per-node spreads allow.</summary>
public sealed class ProfileDiffTests : IDisposable
{
    // A node with a 20 us median absolute deviation over 20 inferences: se = 1.2533 x 1.4826 x 20 / sqrt(20) = 8.30983 us;
    // two such nodes differ by chance within 3 x sqrt(2) x 8.30983 us = 0.0352556 ms.
    private const double DepthwiseNoiseMs = 0.0352556;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The fixture with b0's depthwise convolution 1 ms slower (4 -> 5 ms) and everything else the same.</summary>
    private static BenchmarkResults Slower(string id)
    {
        BenchmarkResults run = ProfileFixtures.Series(id, ort: "1.32.0");
        return run with { Cases = [ProfileFixtures.Profiled(LeaderboardSamples.B0, 11, ProfileFixtures.Variant(1.0, 5, 11)), .. run.Cases.Skip(1)] };
    }

    [Fact]
    public void The_changed_kind_and_node_come_first_beyond_the_noise_and_the_rest_within_it()
    {
        ImmutableArray<CaseDiff> diffs = ProfileDiff.Compare(ProfileFixtures.Series("base"), Slower("cur"));

        Assert.Equal(4, diffs.Length);
        CaseDiff b0 = diffs[0];
        TimeChange kind = b0.Kinds[0];
        Assert.Equal(("conv-depthwise", 4.0, 5.0), (kind.Name, kind.BaselineMs!.Value, kind.CurrentMs!.Value));
        Assert.Equal(1.0, kind.ChangeMs, 9);
        Assert.Equal(DepthwiseNoiseMs, kind.NoiseMs!.Value, 6);
        Assert.Equal("beyond noise", kind.Verdict);
        Assert.All(b0.Kinds.Skip(1), k => Assert.Equal(("within noise", 0.0), (k.Verdict, k.ChangeMs)));
        Assert.Equal("blocks.1.0.conv_dw", b0.Nodes[0].Name);
        Assert.Equal(1.0, b0.MedianChangeMs, 9);
        Assert.All(diffs.Skip(1), d => Assert.All(d.Kinds, k => Assert.Equal(0, k.ChangeMs)));
    }

    [Fact]
    public void The_markdown_and_csv_state_the_changes_and_the_noise_rule()
    {
        string baseline = ProfileFixtures.Save(ProfileFixtures.Series("base"), _temp.File("base"));
        string current = ProfileFixtures.Save(Slower("cur"), _temp.File("cur"));

        (ImmutableArray<CaseDiff> _, string md, string csv) = ProfileReportGenerator.Diff(baseline, current);

        Assert.Contains("Baseline: run base (ONNX Runtime 1.31.1); current: run cur (ONNX Runtime 1.32.0).", md);
        Assert.Contains("Noise: noise = 3 x sqrt(se_baseline^2 + se_current^2)", md);
        Assert.Contains("Measured median 10.00 -> 11.00 ms (+10.0 %)", md);
        Assert.Contains("| conv-depthwise | 4.000 | 5.000 | +1.000 | +25.0 % | 0.035 | beyond noise |", md);
        Assert.Contains("| blocks.1.0.conv_dw | conv-depthwise | 4.000 | 5.000 | +1.000 | +25.0 % | 0.035 | beyond noise |", md);
        Assert.Contains("b0@224,cpu,1,default,kind,conv-depthwise,,4,5,1,0.035256,beyond noise\n", csv);
    }

    [Fact]
    public void Traces_without_a_per_node_spread_say_the_noise_is_unknown()
    {
        BenchmarkResults run = ProfileFixtures.Series("base");
        BenchmarkResults bare = run with { Cases = [.. run.Cases.Select(c => c with { Profile = c.Profile! with { Nodes = [.. c.Profile.Nodes.Select(n => n with { SpreadUs = null })] } })] };

        CaseDiff d = ProfileDiff.Compare(bare, Slower("cur"))[0];

        Assert.All(d.Kinds, k => Assert.Equal("noise unknown", k.Verdict));
        Assert.Contains("noise unknown", ProfileDiffMarkdown.Render([d], "a", "b"));
    }

    [Fact]
    public void One_ab_run_given_twice_pairs_its_baseline_arm_with_its_candidate_arm()
    {
        CaseResult before = ProfileFixtures.Profiled(LeaderboardSamples.B0, 10, ProfileFixtures.Variant(1.0, 4, 10)) with { Arm = AbSettings.BaselineArm };
        CaseResult after = ProfileFixtures.Profiled(LeaderboardSamples.B0, 11, ProfileFixtures.Variant(1.0, 5, 11)) with { Id = "b0-r224/cpu/b1/tdefault/candidate", Arm = AbSettings.CandidateArm };
        string ab = ProfileFixtures.Save(LeaderboardSamples.Run("ab", LeaderboardSamples.Epyc, before, after), _temp.File("ab"));

        (ImmutableArray<CaseDiff> diffs, string md, string _) = ProfileReportGenerator.Diff(ab, ab);

        Assert.Equal(1.0, Assert.Single(diffs).Kinds[0].ChangeMs, 9);
        Assert.Contains("Baseline: run ab, baseline arm; current: run ab, candidate arm.", md);
    }

    [Fact]
    public void Runs_without_a_common_profiled_case_or_without_profiles_are_refused()
    {
        string series = ProfileFixtures.Save(ProfileFixtures.Series("base"), _temp.File("base"));
        string plain = ProfileFixtures.Save(LeaderboardSamples.Example(), _temp.File("plain"));
        CaseResult other = ProfileFixtures.Profiled(LeaderboardSamples.B0, 10, ProfileFixtures.Variant(1.0, 4, 10), threads: 1);
        string threads = ProfileFixtures.Save(LeaderboardSamples.Run("t1", LeaderboardSamples.Epyc, other), _temp.File("t1"));

        Assert.Contains("has no profiled case: measure one with 'effnet-bench run --profile'",
            Assert.Throws<ProfileInputException>(() => ProfileReportGenerator.Diff(series, plain)).Message);
        Assert.Contains("matches one of",
            Assert.Throws<ProfileInputException>(() => ProfileReportGenerator.Diff(series, threads)).Message);
    }
}
