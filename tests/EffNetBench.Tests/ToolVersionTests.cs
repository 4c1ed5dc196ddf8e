using EffNetBench.Core;

namespace EffNetBench.Tests;

public sealed class ToolVersionTests
{
    // SemVer 2, section 11 (semver.org): numeric identifiers compare as numbers, a pre-release precedes its release,
    // build metadata does not count.
    [Theory]
    [InlineData("0.2.0-alpha.0.9", "0.2.0-alpha.0.12", -1)]
    [InlineData("0.2.0-alpha.0.12", "0.2.0", -1)]
    [InlineData("0.2.0", "0.2.1-alpha.0.1", -1)]
    [InlineData("0.10.0", "0.9.0", 1)]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1", -1)]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta", -1)]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1", -1)]
    [InlineData("0.2.0-alpha.0.9+1a2b3c4", "0.2.0-alpha.0.9+9f8e7d6", 0)]
    public void Versions_compare_by_semver_precedence(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(ToolVersion.Compare(left, right)!.Value));
        Assert.Equal(-expected, Math.Sign(ToolVersion.Compare(right, left)!.Value));
    }

    [Theory]
    [InlineData("0.2.0.1")]
    [InlineData("v0.2.0")]
    [InlineData("unknown")]
    public void A_version_that_is_not_semver_has_no_order(string version)
    {
        Assert.False(ToolVersion.IsSemVer(version));
        Assert.Null(ToolVersion.Compare(version, "0.2.0"));
    }

    [Fact]
    public void The_built_version_is_semver_and_a_pre_release_names_its_commit()
    {
        // Built from git by MinVer: a release (x.y.z) or a pre-release whose build metadata is the short commit; a build
        // without git is 0.1.0-alpha.0 and names no commit.
        Assert.True(ToolVersion.IsSemVer(ToolVersion.Current), ToolVersion.Current);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+\+[0-9a-f]{7}|-alpha\.0)?$", ToolVersion.Current);
    }
}
